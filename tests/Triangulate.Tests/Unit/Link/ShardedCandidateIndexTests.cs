using System.Text.Json;
using Triangulate.CorpusGen;
using Triangulate.Link;
using Triangulate.Link.Provenance;
using Triangulate.Tests.Support;

namespace Triangulate.Tests.Unit.Link;

/// <summary>
/// The candidate index split among shards by blocking key gives every document the candidates of one index, and keeps
/// the same postings: the shards' anchor counts, summed, are one index's counts, and every cap is per key.
/// </summary>
public sealed class ShardedCandidateIndexTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Shards_give_every_document_of_a_generated_corpus_the_candidates_of_one_index()
    {
        var profiles = Generated();
        var single = new CandidateIndex();
        var expected = profiles.Select((p, i) => single.Add(p, i + 1)).ToList();
        var shards = new InProcessCandidateShards(7);
        var sharded = new CandidateIndex(LinkState.Fresh(), shards);
        var actual = new List<long[]>();
        // In batches of 50, as the provenance stage sends them: a document still meets the batch's earlier ones.
        foreach (var chunk in profiles.Select((p, i) => (p, i)).Chunk(50))
            actual.AddRange(sharded.Add([.. chunk.Select(c => sharded.Keys(c.p, c.i + 1))]));

        Assert.Equal(expected, actual);
        Assert.True(expected.Count(c => c.Length > 0) > profiles.Count / 4, "too few documents had candidates: the test compares little");
        Assert.All(shards.Sent, sent => Assert.True(sent > 0, "a shard was sent nothing"));
        Assert.Equal((single.FromExact, single.FromBuckets, single.FromAnchors), (sharded.FromExact, sharded.FromBuckets, sharded.FromAnchors));
    }

    [Fact]
    public void Shards_that_continue_from_stored_postings_keep_what_one_index_keeps()
    {
        // Two runs, the second from what the first stored: the shards read their keys' postings back, and the rows
        // stored in the end are one index's rows.
        var profiles = Generated();
        var half = profiles.Count / 2;
        var singleStore = new MemoryLinkStateSource();
        var shardedStore = new MemoryLinkStateSource();
        var expected = new List<long[]>();
        var actual = new List<long[]>();
        foreach (var (from, to) in new[] { (0, half), (half, profiles.Count) })
        {
            var singleState = from == 0 ? LinkState.Fresh() : LinkState.Stored(singleStore);
            var single = new CandidateIndex(singleState);
            for (var i = from; i < to; i++) expected.Add(single.Add(profiles[i], i + 1));
            singleStore.Save(singleState.Changes());

            var state = from == 0 ? LinkState.Fresh() : LinkState.Stored(shardedStore);
            var shards = new InProcessCandidateShards(5, from == 0 ? null : shardedStore);
            var sharded = new CandidateIndex(state, shards);
            actual.AddRange(sharded.Add([.. Enumerable.Range(from, to - from).Select(i => sharded.Keys(profiles[i], i + 1))]));
            shardedStore.Save(state.Changes().Concat(shards.Changes()));
        }

        Assert.Equal(expected, actual);
        Assert.Contains(expected.Skip(half), c => c.Any(other => other <= half));
        Assert.Equal(singleStore.Rows.Keys.Order(), shardedStore.Rows.Keys.Order());
        Assert.All(singleStore.Rows, row => Assert.Equal(row.Value, shardedStore.Rows[row.Key]));
    }

    [Fact]
    public void A_batch_read_from_stored_postings_at_once_answers_as_one_document_at_a_time_does()
    {
        // The second half of a corpus continues from the first half's stored postings, one document at a time and in
        // batches whose keys are read before any of the batch is added: the same candidates and rows, far fewer reads.
        var profiles = Generated();
        var half = profiles.Count / 2;
        var first = LinkState.Fresh();
        var index = new CandidateIndex(first);
        for (var i = 0; i < half; i++) index.Add(profiles[i], i + 1);
        var stored = new MemoryLinkStateSource();
        stored.Save(first.Changes());

        var oneState = LinkState.Stored(stored);
        var one = new CandidateIndex(oneState);
        var expected = Enumerable.Range(half, profiles.Count - half).Select(i => one.Add(profiles[i], i + 1)).ToList();
        var oneReads = stored.Reads;
        var batchState = LinkState.Stored(stored);
        var batched = new CandidateIndex(batchState);
        var actual = new List<long[]>();
        foreach (var chunk in Enumerable.Range(half, profiles.Count - half).Chunk(50))
            actual.AddRange(batched.Add([.. chunk.Select(i => batched.Keys(profiles[i], i + 1))]));
        var batchReads = stored.Reads - oneReads;

        Assert.Equal(expected, actual);
        Assert.Contains(expected, c => c.Any(other => other <= half));
        Assert.Equal(Rows(oneState), Rows(batchState));
        Assert.True(batchReads * 10 < oneReads, $"{batchReads} reads in batches, {oneReads} one document at a time");

        static List<(int, long, string)> Rows(LinkState state) => [.. state.Changes().Select(r => (r.Space, r.Key, Convert.ToHexString(r.Value)))];
    }

    [Fact]
    public void A_documents_keys_split_among_shards_are_disjoint_and_complete()
    {
        var keys = new CandidateKeys(9, 3, 42, [1, 2, 3, 4, 5, 6, 7, 8], [10, 11, 12], [20, 21, 22, 23]);
        var pieces = keys.Slice(4).OfType<CandidateKeys>().ToList();

        Assert.True(pieces.Count > 1);
        Assert.All(pieces, p => Assert.Equal((9L, 3L), (p.Document, p.Arrival)));
        Assert.Equal([42L], pieces.Select(p => p.Body).OfType<long>());
        Assert.Equal(keys.Bands, pieces.SelectMany(p => p.Bands).Order());
        Assert.Equal(keys.NamedAnchors, pieces.SelectMany(p => p.NamedAnchors).Order());
        Assert.Equal(keys.OtherAnchors, pieces.SelectMany(p => p.OtherAnchors).Order());
        // A key's shard is the key's alone: the same key of another document goes to the same shard.
        var other = new CandidateKeys(10, 4, null, [5], [], []);
        Assert.Equal(Array.FindIndex(keys.Slice(4), p => p?.Bands.Contains(5L) == true), Array.FindIndex(other.Slice(4), p => p is not null));
    }

    /// <summary>The profiles of 300 generated articles, in arrival order.</summary>
    private List<TextProfile> Generated()
    {
        var folder = _temp.File("corpus");
        new CorpusGenerator(new GeneratorOptions(300, 5, folder)).Run();
        var profiles = new List<TextProfile>();
        foreach (var line in File.ReadLines(Path.Combine(folder, "corpus.jsonl")))
        {
            using var record = JsonDocument.Parse(line);
            var root = record.RootElement;
            var text = root.GetProperty("title").GetString() + "\n" + root.GetProperty("text").GetString();
            profiles.Add(TextProfile.Build(Some.Document(text, root.GetProperty("url").GetString()!)));
        }
        return profiles;
    }
}
