using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
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
        // The story and each relation go to the hash as the compact JSON the store writes, from one buffer a thread:
        // the same bytes a string of that JSON encoded would give, without the string or its bytes made each time.
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(4096);
        using var writer = new Utf8JsonWriter(buffer, CompactWriter);
        Add(hash, _configuration);
        AddJson(hash, buffer, writer, story, ModelJson.Compact.Story);
        foreach (var document in story.Documents)
        {
            Add(hash, document);
            Add(hash, _context.GroupOf(document));
            if (_relationsFrom.TryGetValue(document, out var relations))
                foreach (var relation in relations) AddJson(hash, buffer, writer, relation, ModelJson.Compact.Relation);
        }
        // A large story's buffer is not kept: what each thread holds stays small.
        if (buffer.Capacity > 1 << 20) t_buffer = null;
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    /// <summary>What a writer needs to write what <see cref="JsonSerializer.Serialize{T}(T, JsonTypeInfo{T})"/> writes with the compact options.</summary>
    private static readonly JsonWriterOptions CompactWriter = new()
    {
        Encoder = ModelJson.Compact.Options.Encoder,
        Indented = ModelJson.Compact.Options.WriteIndented,
        MaxDepth = ModelJson.Compact.Options.MaxDepth,
    };

    private static void AddJson<T>(IncrementalHash hash, ArrayBufferWriter<byte> buffer, Utf8JsonWriter writer, T value, JsonTypeInfo<T> type)
    {
        buffer.ResetWrittenCount();
        writer.Reset(buffer);
        JsonSerializer.Serialize(writer, value, type);
        writer.Flush();
        hash.AppendData(buffer.WrittenSpan);
        hash.AppendData("\u001f"u8);
    }

    private static void Add(IncrementalHash hash, string text)
    {
        // Ids, groups and the configuration are short: encoded on the stack.
        var length = Encoding.UTF8.GetMaxByteCount(text.Length);
        byte[]? rented = null;
        Span<byte> bytes = length <= 512 ? stackalloc byte[length] : (rented = ArrayPool<byte>.Shared.Rent(length));
        try
        {
            hash.AppendData(bytes[..Encoding.UTF8.GetBytes(text, bytes)]);
        }
        finally
        {
            if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
        }
        hash.AppendData("\u001f"u8);
    }
}
