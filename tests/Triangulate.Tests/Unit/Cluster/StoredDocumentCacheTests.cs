using Triangulate.Cluster;
using Triangulate.Model;
using Triangulate.Tests.Support;

namespace Triangulate.Tests.Unit.Cluster;

/// <summary>
/// A worker keeps what its story calls parsed from the shared store (<see cref="StoredDocumentCache"/>, read through
/// <see cref="KeptCorpusReader"/>): a later call finds it in memory, what the store lacks is not kept, and the oldest
/// go first past the capacity.
/// </summary>
public sealed class StoredDocumentCacheTests
{
    [Fact]
    public void ALaterReaderFindsInMemoryWhatAnEarlierOneReadFromTheStore()
    {
        var store = new CountingCorpus(new InMemoryCorpus()
            .Add(Some.Document("The ferry left the harbour at dawn.", "a.txt"))
            .Add(Some.Document("Two cranes were idle at the quay.", "b.txt")));
        var ids = store.ReadAnalyses().Select(item => item.Document.Id).ToList();
        var kept = new StoredDocumentCache();

        var first = new KeptCorpusReader(store, kept);
        foreach (var id in ids) Assert.NotNull(first.FindAnalysis(first.FindDocument(id)!.Id));
        Assert.Equal((0, 4), (first.FromMemory, first.FromStore));

        var second = new KeptCorpusReader(store, kept);
        foreach (var id in ids)
        {
            Assert.Same(first.FindDocument(id), second.FindDocument(id));
            Assert.NotNull(second.FindAnalysis(id));
        }
        Assert.Equal((4, 0), (second.FromMemory, second.FromStore));
        Assert.Equal(4, store.Reads);
    }

    [Fact]
    public void ADocumentTheStoreLacksIsNotKeptAndIsAskedForAgain()
    {
        var store = new CountingCorpus(new InMemoryCorpus());
        var reader = new KeptCorpusReader(store, new StoredDocumentCache());
        Assert.Null(reader.FindDocument("missing"));
        Assert.Null(reader.FindAnalysis("missing"));
        Assert.Null(reader.FindDocument("missing"));
        Assert.Equal((0, 3), (reader.FromMemory, reader.FromStore));
    }

    [Fact]
    public void PastItsCapacityTheCacheLetsTheOldestDocumentAndItsAnalysisGo()
    {
        var kept = new StoredDocumentCache(capacity: 2);
        var documents = new[] { "One lock gate opened.", "A second barge waited.", "The third pier closed." }
            .Select((text, i) => Some.Document(text, $"{i}.txt")).ToList();
        foreach (var document in documents)
        {
            kept.Keep(document);
            kept.Keep(document.Id, new DocumentAnalysis { DocumentId = document.Id });
        }
        Assert.Equal(2, kept.Count);
        Assert.Null(kept.FindDocument(documents[0].Id));
        Assert.Null(kept.FindAnalysis(documents[0].Id));
        Assert.Same(documents[2], kept.FindDocument(documents[2].Id));
        Assert.NotNull(kept.FindAnalysis(documents[1].Id));
    }

    [Fact]
    public void AnAnalysisIsNotKeptWithoutItsDocument()
    {
        var kept = new StoredDocumentCache();
        kept.Keep("alone", new DocumentAnalysis { DocumentId = "alone" });
        Assert.Null(kept.FindAnalysis("alone"));
    }

    [Fact]
    public void AWarmUpOverItsOwnThrowawayStoreKeepsNothingForTheServedStore()
    {
        var folder = Directory.CreateTempSubdirectory("kept-test-");
        try
        {
            using var worker = new Worker(Path.Combine(folder.FullName, "served.db"));
            var summary = WorkerWarmUp.Run(worker, stories: 2);
            Assert.True(summary.StoriesAnalysed > 0);
            Assert.Equal(0, worker.KeptDocuments);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>A corpus reader that counts the point reads that reach it.</summary>
    private sealed class CountingCorpus(ICorpusReader inner) : ICorpusReader
    {
        public int Reads { get; private set; }

        public int DocumentCount => inner.DocumentCount;

        public IEnumerable<(Document Document, DocumentAnalysis Analysis)> ReadAnalyses() => inner.ReadAnalyses();

        public Document? FindDocument(string id)
        {
            Reads++;
            return inner.FindDocument(id);
        }

        public DocumentAnalysis? FindAnalysis(string id)
        {
            Reads++;
            return inner.FindAnalysis(id);
        }
    }
}
