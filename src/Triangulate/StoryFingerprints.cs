using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Triangulate.Model;

namespace Triangulate;

/// <summary>
/// Makes each story's context for the story stages, and a fingerprint of everything that context exposes: the story
/// (members, days), each member's id (a hash of its bytes), independence group and relations, and the story stages'
/// configuration. Story stages read nothing else, so two runs that give a
/// story the same fingerprint give it the same findings: the store keeps them and the story is not analysed again.
/// </summary>
internal sealed class StoryFingerprints
{
    private readonly CorpusContext _context;
    private readonly string _configuration;
    private readonly Dictionary<string, List<Relation>> _relationsFrom;

    public StoryFingerprints(CorpusContext context, string configuration)
    {
        _context = context;
        _configuration = configuration;
        _relationsFrom = context.RelationsByDocument();
    }

    /// <summary>What the story stages depend on besides each story's inputs: versions, the stages, the calendars' contents.</summary>
    public static string Configuration(string pipelineVersion, IEnumerable<ICorpusStage> stages, IEnumerable<string> calendarFiles)
    {
        var text = new StringBuilder(pipelineVersion);
        foreach (var stage in stages) text.Append('\u001f').Append(stage.GetType().FullName).Append(':').Append(stage.Name);
        foreach (var file in calendarFiles)
        {
            text.Append('\u001f').Append(file).Append(':');
            text.Append(File.Exists(file) ? StableId.Sha256Hex(File.ReadAllBytes(file)) : "missing");
        }
        return StableId.Sha256Hex(Encoding.UTF8.GetBytes(text.ToString()));
    }

    /// <summary>The context the story stages of <paramref name="story"/> run on.</summary>
    public CorpusContext ContextFor(Story story) => _context.ForStory(story, _relationsFrom);

    /// <summary>The inputs of <paramref name="story"/>'s story stages, self-contained, for a worker elsewhere.</summary>
    public StoryWork WorkFor(Story story, string fingerprint)
    {
        var groups = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var document in story.Documents)
            if (_context.IndependenceGroups.TryGetValue(document, out var group)) groups[document] = group;
        return new StoryWork(story, fingerprint, ContextFor(story).Relations, groups, _configuration);
    }

    /// <summary>The fingerprint of <paramref name="story"/>'s inputs.</summary>
    public string Of(Story story)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Add(hash, _configuration);
        Add(hash, JsonSerializer.Serialize(story, ModelJson.Compact.Story));
        foreach (var document in story.Documents)
        {
            Add(hash, document);
            Add(hash, _context.GroupOf(document));
            if (_relationsFrom.TryGetValue(document, out var relations))
                foreach (var relation in relations) Add(hash, JsonSerializer.Serialize(relation, ModelJson.Compact.Relation));
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static void Add(IncrementalHash hash, string text)
    {
        hash.AppendData(Encoding.UTF8.GetBytes(text));
        hash.AppendData("\u001f"u8);
    }
}
