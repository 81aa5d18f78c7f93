using System.IO.Compression;
using System.Text.Json;
using Triangulate.Model;

namespace Triangulate.Store;

/// <summary>
/// What every store writes and reads the same way whatever the database: the serialised document rows, which rows a
/// corpus save writes and clears, how entity rows of several stories are joined and how the whole result is assembled
/// from per-story rows. The stores differ only in SQL.
/// </summary>
internal static class StoreRows
{
    /// <summary>Raw bytes as kept: gzip at its fastest level (raw bytes are read back rarely, written for every document).</summary>
    public static byte[] Compress(ReadOnlySpan<byte> bytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true)) gzip.Write(bytes);
        return output.ToArray();
    }

    /// <summary>The bytes <see cref="Compress"/> kept.</summary>
    public static byte[] Decompress(byte[] compressed)
    {
        using var input = new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }

    /// <summary>
    /// A scan read in keyset pages: <paramref name="readPage"/> reads the rows after a key (under whatever lock, on
    /// whatever connection the store needs) and gives them with the last one's key; the scan ends at an empty page.
    /// Nothing is held while the caller works on a row, and a page costs the same however deep the scan is.
    /// </summary>
    public static IEnumerable<T> Paged<TKey, T>(TKey first, Func<TKey, (IReadOnlyList<T> Rows, TKey Last)> readPage)
    {
        var after = first;
        while (true)
        {
            var (rows, last) = readPage(after);
            if (rows.Count == 0) yield break;
            foreach (var row in rows) yield return row;
            after = last;
        }
    }

    /// <summary>A document and its analysis from their stored JSON.</summary>
    public static (Document Document, DocumentAnalysis Analysis) ParseAnalysed(string[] row) =>
        (JsonSerializer.Deserialize(row[0], ModelJson.Compact.Document)!, JsonSerializer.Deserialize(row[1], ModelJson.Compact.DocumentAnalysis)!);

    /// <summary>As <see cref="ParseAnalysed(string[])"/>, from the stored UTF-8 bytes (no string made and transcoded back).</summary>
    public static (Document Document, DocumentAnalysis Analysis) ParseAnalysed(byte[][] row) =>
        (JsonSerializer.Deserialize(row[0], ModelJson.Compact.Document)!, JsonSerializer.Deserialize(row[1], ModelJson.Compact.DocumentAnalysis)!);

    /// <summary>A document and its analysis as the linking stages read them: the analysis without claims and quotes (<see cref="LinkingJson"/>).</summary>
    public static (Document Document, DocumentAnalysis Analysis) ParseForLinking(string[] row) =>
        (JsonSerializer.Deserialize(row[0], ModelJson.Compact.Document)!, JsonSerializer.Deserialize(row[1], LinkingJson.DocumentAnalysis)!);

    /// <summary>As <see cref="ParseForLinking(string[])"/>, from the stored UTF-8 bytes.</summary>
    public static (Document Document, DocumentAnalysis Analysis) ParseForLinking(byte[][] row) =>
        (JsonSerializer.Deserialize(row[0], ModelJson.Compact.Document)!, JsonSerializer.Deserialize(row[1], LinkingJson.DocumentAnalysis)!);

    /// <summary>Parses a page of rows on every core, keeping their order.</summary>
    public static T[] ParsePage<TRow, T>(IReadOnlyList<TRow> page, Func<TRow, T> parse)
    {
        var parsed = new T[page.Count];
        Parallel.For(0, page.Count, i => parsed[i] = parse(page[i]));
        return parsed;
    }

    /// <summary>Refuses a part name that is not one of a story's findings' lists (it is spliced into a JSON path).</summary>
    public static void CheckPart(string part)
    {
        ArgumentNullException.ThrowIfNull(part);
        if (part.Length == 0 || !part.All(char.IsAsciiLetterLower)) throw new ArgumentException($"not a part of a story's findings: '{part}'", nameof(part));
    }

    /// <summary>
    /// The <c>document_links</c> rows an update writes, in id order: each document of its stories or of its groups, with
    /// its story (the first that lists it) and its group (itself when none was found).
    /// </summary>
    public static List<(string Document, string? Story, string Group)> DocumentLinks(CorpusUpdate update)
    {
        var storyOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var story in update.Stories)
            foreach (var document in story.Documents) storyOf.TryAdd(document, story.Id);
        var ids = new SortedSet<string>(storyOf.Keys, StringComparer.Ordinal);
        ids.UnionWith(update.IndependenceGroups.Keys);
        return [.. ids.Select(id => (id, storyOf.TryGetValue(id, out var s) ? s : null, update.IndependenceGroups.GetValueOrDefault(id, id)))];
    }

    /// <summary>
    /// The stories whose rows an update deletes: those no longer made (on a rebuild, every stored one not made: read
    /// with <paramref name="stored"/>), and those about to be written anew.
    /// </summary>
    public static List<string> StoriesToClear(CorpusUpdate update, Func<IEnumerable<string>> stored)
    {
        var removed = new List<string>(update.RemovedStories);
        if (update.Rebuild)
        {
            var keep = new HashSet<string>(update.Stories.Select(s => s.Id), StringComparer.Ordinal);
            removed.AddRange(stored().Where(id => !keep.Contains(id)));
        }
        removed.AddRange(update.Findings.Select(f => f.Story.Id));
        removed.AddRange(update.EncodedFindings.Select(f => f.Id));
        return removed;
    }

    /// <summary>What orders a story among the others: its first document (a story written later keeps its place).</summary>
    public static string FirstDocument(Story story) => story.Documents.Count > 0 ? story.Documents[0] : story.Id;

    /// <summary>
    /// Joins entity rows read in id order (the rows of one id are consecutive: one per story it is in) into one entity
    /// per id, streamed.
    /// </summary>
    public static IEnumerable<Entity> JoinEntities(IEnumerable<Entity> rowsInIdOrder)
    {
        var group = new List<Entity>();
        foreach (var entity in rowsInIdOrder)
        {
            if (group.Count > 0 && group[0].Id != entity.Id)
            {
                yield return Extract.Entities.EntityMerge.Merge(group)[0];
                group.Clear();
            }
            group.Add(entity);
        }
        if (group.Count > 0) yield return Extract.Entities.EntityMerge.Merge(group)[0];
    }

    /// <summary>The whole result from the corpus links and every story's findings in story order.</summary>
    public static CorpusResult Assemble(CorpusLinks links, IEnumerable<StoryFindings> storyFindings)
    {
        var stories = new List<Story>();
        List<Entity> entities = [];
        List<Claim> claims = [];
        List<Quote> quotes = [];
        List<Contradiction> contradictions = [];
        List<TimelineEntry> timeline = [];
        List<FigureSeries> series = [];
        var inferred = new SortedDictionary<string, DateEstimate>(StringComparer.Ordinal);
        foreach (var findings in storyFindings)
        {
            stories.Add(findings.Story);
            entities.AddRange(findings.Entities);
            claims.AddRange(findings.Claims);
            quotes.AddRange(findings.Quotes);
            contradictions.AddRange(findings.Contradictions);
            timeline.AddRange(findings.Timeline);
            series.AddRange(findings.Series);
            foreach (var (document, estimate) in findings.InferredPublished) inferred[document] = estimate;
        }
        return new CorpusResult
        {
            Relations = links.Relations,
            Stories = stories,
            IndependenceGroups = links.IndependenceGroups,
            Entities = Extract.Entities.EntityMerge.Merge(entities),
            Claims = claims,
            Quotes = quotes,
            Contradictions = contradictions,
            Timeline = timeline,
            Series = series,
            InferredPublished = inferred,
            FailedStages = links.FailedStages,
        };
    }
}
