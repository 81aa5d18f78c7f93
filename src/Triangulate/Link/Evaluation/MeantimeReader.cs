using System.Globalization;
using System.Text;
using System.Xml.Linq;
using Triangulate.Model;

namespace Triangulate.Link.Evaluation;

/// <summary>
/// Reads the MEANTIME corpus (NewsReader CAT XML: tokens with sentence numbers, ENTITY_MENTION markables, ENTITY
/// instances, REFERS_TO links, the document creation time as a TIMEX3). Text is rebuilt one sentence a line with
/// single spaces between tokens, so gold token ranges map to character ranges exactly.
/// </summary>
public static class MeantimeReader
{
    /// <summary>Every article under <paramref name="folder"/>, in path order; the topic is the name of the folder holding the file.</summary>
    public static IEnumerable<MeantimeArticle> Read(string folder)
    {
        foreach (var file in Directory.EnumerateFiles(folder, "*.xml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var xml = XDocument.Load(file);
            if (xml.Root is not { Name.LocalName: "Document" } root) continue;
            var topic = Path.GetFileName(Path.GetDirectoryName(file)) ?? "";
            yield return Parse(root, file, topic.StartsWith("corpus_", StringComparison.Ordinal) ? topic["corpus_".Length..] : topic);
        }
    }

    /// <summary>
    /// The article text rebuilt from the tokens of a CAT XML <c>Document</c> (one sentence a line, single spaces), and
    /// each token id's character range in it.
    /// </summary>
    public static (string Text, Dictionary<string, (int Start, int End)> Offsets) Tokens(XElement root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var text = new StringBuilder();
        var offsets = new Dictionary<string, (int Start, int End)>(StringComparer.Ordinal);
        var sentence = "0";
        foreach (var token in root.Elements("token"))
        {
            var s = (string?)token.Attribute("sentence") ?? "0";
            if (text.Length > 0) text.Append(s == sentence ? ' ' : '\n');
            sentence = s;
            offsets[(string)token.Attribute("t_id")!] = (text.Length, text.Length + token.Value.Length);
            text.Append(token.Value);
        }
        return (text.ToString(), offsets);
    }

    /// <summary>A document of rebuilt text: every line a body block, English, keyed by the SHA-256 of the text.</summary>
    public static Document ToDocument(string content, string source, DateEstimate? published)
    {
        ArgumentNullException.ThrowIfNull(content);
        var blocks = new List<Block>();
        var lineStart = 0;
        for (var i = 0; i <= content.Length; i++)
        {
            if (i < content.Length && content[i] != '\n') continue;
            if (i > lineStart) blocks.Add(new Block(BlockKind.Body, lineStart, i));
            lineStart = i + 1;
        }
        var sha = StableId.Sha256Hex(Encoding.UTF8.GetBytes(content));
        return new Document
        {
            Id = StableId.ForDocument(sha),
            Source = source,
            Sha256 = sha,
            Text = content,
            Blocks = blocks,
            Body = content,
            Language = "en",
            Published = published,
        };
    }

    private static MeantimeArticle Parse(XElement root, string source, string topic)
    {
        var (content, offsets) = Tokens(root);
        var markables = root.Element("Markables");
        var names = new List<MeantimeMention>();
        DateEstimate? published = null;
        if (markables is not null)
        {
            foreach (var timex in markables.Elements("TIMEX3"))
                if ((string?)timex.Attribute("functionInDocument") == "CREATION_TIME"
                    && DateOnly.TryParseExact((string?)timex.Attribute("value"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var created))
                    published = DateEstimate.Exact(PartialDate.FromDate(created), DateBasis.Metadata);
            var instanceOf = Instances(root, markables);
            foreach (var mention in markables.Elements("ENTITY_MENTION"))
            {
                if ((string?)mention.Attribute("syntactic_type") != "NAM") continue;
                int start = int.MaxValue, end = -1;
                foreach (var anchor in mention.Elements("token_anchor"))
                    if (offsets.TryGetValue((string)anchor.Attribute("t_id")!, out var range))
                    {
                        start = Math.Min(start, range.Start);
                        end = Math.Max(end, range.End);
                    }
                if (end < 0) continue;
                var id = (string?)mention.Attribute("m_id") ?? "";
                var (instance, type) = instanceOf.GetValueOrDefault(id, ("", ""));
                names.Add(new MeantimeMention(start, end, instance, type));
            }
        }
        return new MeantimeArticle(topic, ToDocument(content, source, published), names);
    }

    /// <summary>Mention id → (instance id, type) through REFERS_TO links to ENTITY instances.</summary>
    private static Dictionary<string, (string Instance, string Type)> Instances(XElement root, XElement markables)
    {
        var entities = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        foreach (var entity in markables.Elements("ENTITY"))
        {
            var instance = (string?)entity.Attribute("instance_id");
            if (!string.IsNullOrEmpty(instance)) entities[(string)entity.Attribute("m_id")!] = (instance, (string?)entity.Attribute("ent_type") ?? "");
        }
        var result = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        var relations = root.Element("Relations");
        if (relations is null) return result;
        foreach (var link in relations.Elements("REFERS_TO"))
        {
            var target = (string?)link.Element("target")?.Attribute("m_id");
            if (target is null || !entities.TryGetValue(target, out var instance)) continue;
            foreach (var source in link.Elements("source")) result[(string)source.Attribute("m_id")!] = instance;
        }
        return result;
    }
}
