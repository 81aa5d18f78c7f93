using Triangulate.Model;
using Triangulate.Store;
using Triangulate.Tests.Support;

namespace Triangulate.Tests.Unit.Store;

public class SqliteStoreTests
{
    private static StoredDocument Stored(string text, string version = "1")
    {
        var document = Some.Document(text);
        return new StoredDocument(document, new DocumentAnalysis { DocumentId = document.Id }, System.Text.Encoding.UTF8.GetBytes(text), "text", version);
    }

    [Fact]
    public void A_new_store_is_migrated_to_the_latest_schema()
    {
        using var temp = new TempFolder();
        using var store = SqliteStore.Open(temp.File("s.db"));
        Assert.True(store.SchemaVersion >= 1);
        Assert.Equal(0, store.DocumentCount);
    }

    [Fact]
    public void The_same_bytes_are_stored_once_and_keep_their_first_source()
    {
        using var temp = new TempFolder();
        using var store = SqliteStore.Open(temp.File("s.db"));
        var first = Stored("One article.");
        store.Save([first]);
        store.Save([first with { Document = first.Document with { Source = "elsewhere.txt" } }]);
        Assert.Equal(1, store.DocumentCount);
        Assert.Equal("test.txt", store.FindDocument(first.Document.Id)!.Source);
        Assert.True(store.Contains(first.Document.Sha256, "1"));
        Assert.False(store.Contains(first.Document.Sha256, "2"));
    }

    [Fact]
    public void Documents_raw_bytes_and_analyses_round_trip()
    {
        using var temp = new TempFolder();
        var item = Stored("Héllo, “world”.\nSecond line.");
        using (var store = SqliteStore.Open(temp.File("s.db"))) store.Save([item]);
        using (var store = SqliteStore.Open(temp.File("s.db")))
        {
            var back = store.FindDocument(item.Document.Id)!;
            Assert.Equal(item.Document.Text, back.Text);
            Assert.Equal(item.Document.Blocks, back.Blocks);
            Assert.Equal(item.Raw.ToArray(), store.FindRaw(item.Document.Id));
            Assert.Equal(item.Document.Id, store.FindAnalysis(item.Document.Id)!.DocumentId);
        }
    }

    [Fact]
    public void Reading_streams_every_document_in_id_order_across_pages()
    {
        using var temp = new TempFolder();
        using var store = SqliteStore.Open(temp.File("s.db"));
        var items = Enumerable.Range(0, 600).Select(i => Stored($"Article number {i}.")).ToList();
        store.Save(items);
        var ids = store.ReadAnalyses().Select(p => p.Document.Id).ToList();
        Assert.Equal(items.Select(i => i.Document.Id).Order(StringComparer.Ordinal), ids);
    }

    [Fact]
    public void Problems_are_kept_once_each()
    {
        using var temp = new TempFolder();
        using var store = SqliteStore.Open(temp.File("s.db"));
        store.SaveProblems([new Problem("a", "empty file"), new Problem("a", "empty file"), new Problem("b", "binary")]);
        Assert.Equal(2, store.ReadProblems().Count);
    }

    [Fact]
    public void Clearing_a_source_forgets_its_problems_and_its_records_problems_only()
    {
        using var temp = new TempFolder();
        using var store = SqliteStore.Open(temp.File("s.db"));
        store.SaveProblems([
            new Problem("in/feed.jsonl", "line 3: not valid JSON"), new Problem("in/feed.jsonl#4", "no text"),
            new Problem("in/feed.jsonl.old", "empty file"), new Problem("in/a%_b.txt", "empty file"),
            new Problem("stage entities", "failed: IndexOutOfRangeException: boom"), new Problem("stage entities-2", "failed"),
        ]);

        store.ClearProblems("in/feed.jsonl");
        store.ClearProblems("in/a%");
        store.ClearProblems("stage entities");

        Assert.Equal(["in/a%_b.txt", "in/feed.jsonl.old", "stage entities-2"], store.ReadProblems().Select(p => p.Source));
    }

    [Fact]
    public void Documents_in_no_story_are_those_no_stored_story_lists_in_id_order()
    {
        using var temp = new TempFolder();
        using var store = SqliteStore.Open(temp.File("s.db"));
        var items = new[] { Stored("first text"), Stored("second text"), Stored("third text"), Stored("fourth text") };
        store.Save(items);
        var ids = items.Select(i => i.Document.Id).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(ids, store.ReadDocumentsInNoStory().Select(d => d.Id));

        store.SaveCorpus(CorpusResult.Empty with { Stories = [new Story { Id = "s1", Title = "One", Documents = [ids[1], ids[3]] }] });

        Assert.Equal([ids[0], ids[2]], store.ReadDocumentsInNoStory().Select(d => d.Id));
    }
}
