using Triangulate.Model;
using Triangulate.Store;
using Triangulate.Store.Postgres;
using Triangulate.Tests.Support;

namespace Triangulate.Tests.Unit.Store;

/// <summary>Documents, raw bytes, analyses and problems: the same contract on every store.</summary>
public class StoreTests(TestStores stores) : IClassFixture<TestStores>
{
    /// <summary>A document of <paramref name="text"/> as saved by <paramref name="version"/>.</summary>
    internal static StoredDocument Stored(string text, string version = "1")
    {
        var document = Some.Document(text);
        return new StoredDocument(document, new DocumentAnalysis { DocumentId = document.Id }, System.Text.Encoding.UTF8.GetBytes(text), "text", version);
    }

    [Theory, SqliteData, PostgresData]
    public void Documents_read_for_linking_keep_entities_times_and_citations_and_leave_claims_and_quotes_out(string kind)
    {
        using var store = stores.Open(kind);
        var source = Some.SourceDocument("""
            Harbour workers in Velmont walked out on Tuesday, a union organiser told the Lorent Gazette. About 300 workers joined the strike.

            "We will stay out until the port listens," said Tamsin Orrel, a union organiser.
            """);
        var (document, analysis) = Some.PipelineBuilder().Build().AnalyzeOne(source);
        // What the test is about: an analysis with every part filled.
        Assert.NotEmpty(analysis.Entities);
        Assert.NotEmpty(analysis.Times);
        Assert.NotEmpty(analysis.Claims);
        Assert.NotEmpty(analysis.Quotes);
        Assert.NotEmpty(analysis.Citations);
        store.Save([new StoredDocument(document, analysis, source.Raw, source.Format, "1")]);

        var (readDocument, read) = Assert.Single(store.ReadForLinking(all: true));
        Assert.Empty(read.Claims);
        Assert.Empty(read.Quotes);
        var json = ModelJson.Compact.DocumentAnalysis;
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(analysis with { Claims = [], Quotes = [] }, json), System.Text.Json.JsonSerializer.Serialize(read, json));
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(document, ModelJson.Compact.Document), System.Text.Json.JsonSerializer.Serialize(readDocument, ModelJson.Compact.Document));
        // Read by id (the story stages' way), the analysis is whole.
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(analysis, json), System.Text.Json.JsonSerializer.Serialize(store.FindAnalysis(document.Id), json));
        Assert.Equal(analysis.Claims.Count, Assert.Single(store.ReadAnalyses()).Analysis.Claims.Count);
    }

    [Theory, SqliteData, PostgresData]
    public void A_new_store_is_migrated_to_the_latest_schema(string kind)
    {
        using var store = stores.Open(kind);
        var (version, latest) = store switch
        {
            SqliteStore s => (s.SchemaVersion, SqliteMigrations.All.Length),
            PostgresStore p => (p.SchemaVersion, PostgresMigrations.All.Length),
            _ => throw new InvalidOperationException(store.GetType().Name),
        };
        Assert.Equal(latest, version);
        Assert.Equal(0, store.DocumentCount);
    }

    [Theory, SqliteData, PostgresData]
    public void The_same_bytes_are_stored_once_and_keep_their_first_source(string kind)
    {
        using var store = stores.Open(kind);
        var first = Stored("One article.");
        store.Save([first]);
        store.Save([first with { Document = first.Document with { Source = "elsewhere.txt" } }]);
        Assert.Equal(1, store.DocumentCount);
        Assert.Equal("test.txt", store.FindDocument(first.Document.Id)!.Source);
        Assert.True(store.Contains(first.Document.Sha256, "1"));
        Assert.False(store.Contains(first.Document.Sha256, "2"));
    }

    [Theory, SqliteData, PostgresData]
    public void Bytes_saved_again_by_another_version_replace_its_analysis_and_keep_their_first_source(string kind)
    {
        using var store = stores.Open(kind);
        var first = Stored("One article.");
        store.Save([first]);
        var again = first with
        {
            Document = first.Document with { Source = "elsewhere.txt" },
            Analysis = first.Analysis with { Entities = [new Entity { Id = "e-1", Name = "One", Type = EntityType.Person, Mentions = [new TextSpan(first.Document.Id, 0, 3)] }] },
            PipelineVersion = "2",
        };
        store.Save([again]);
        Assert.Equal(1, store.DocumentCount);
        Assert.True(store.Contains(first.Document.Sha256, "2"));
        Assert.False(store.Contains(first.Document.Sha256, "1"));
        Assert.Equal("e-1", Assert.Single(store.FindAnalysis(first.Document.Id)!.Entities).Id);
        Assert.Equal("test.txt", store.FindDocument(first.Document.Id)!.Source);
        Assert.Single(store.Search("article", 10), h => h.Id == first.Document.Id);
    }

    [Theory, SqliteData, PostgresData]
    public void A_document_encoded_elsewhere_and_sent_as_its_parts_saves_as_itself_and_keeps_its_first_source(string kind)
    {
        using var store = stores.Open(kind);
        var first = Stored("One article.");
        store.Save([first]);
        // What a cluster worker sends the client's writer: the parts, not the objects (the source kept is read from them).
        var again = new EncodedDocument(first with { Document = first.Document with { Source = "elsewhere.txt" }, PipelineVersion = "2" });
        store.Save([new EncodedDocument(again.Keys, again.DocumentUtf8, again.AnalysisUtf8, again.CompressedRaw, again.SearchText)]);
        Assert.Equal(1, store.DocumentCount);
        Assert.True(store.Contains(first.Document.Sha256, "2"));
        Assert.Equal("test.txt", store.FindDocument(first.Document.Id)!.Source);
        Assert.Equal(first.Document.Text, store.FindDocument(first.Document.Id)!.Text);
        Assert.Equal(first.Raw.ToArray(), store.FindRaw(first.Document.Id));
        Assert.Single(store.Search("article", 10), h => h.Id == first.Document.Id);
    }

    [Theory, SqliteData, PostgresData]
    public void Documents_raw_bytes_and_analyses_round_trip(string kind)
    {
        var name = TestStores.NewName();
        var item = Stored("Héllo, “world”.\nSecond line.");
        using (var store = stores.Open(kind, name)) store.Save([item]);
        using (var store = stores.Open(kind, name))
        {
            var back = store.FindDocument(item.Document.Id)!;
            Assert.Equal(item.Document.Text, back.Text);
            Assert.Equal(item.Document.Blocks, back.Blocks);
            Assert.Equal(item.Raw.ToArray(), store.FindRaw(item.Document.Id));
            Assert.Equal(item.Document.Id, store.FindAnalysis(item.Document.Id)!.DocumentId);
            Assert.Null(store.FindRaw("no-such-document"));
            Assert.Null(store.FindDocument("no-such-document"));
        }
    }

    [Theory, SqliteData, PostgresData]
    public void Reading_streams_every_document_in_id_order_across_pages(string kind)
    {
        using var store = stores.Open(kind);
        var items = Enumerable.Range(0, 600).Select(i => Stored($"Article number {i}.")).ToList();
        store.Save(items);
        var ids = store.ReadAnalyses().Select(p => p.Document.Id).ToList();
        Assert.Equal(items.Select(i => i.Document.Id).Order(StringComparer.Ordinal), ids);
        Assert.Equal(ids, store.ReadDocuments().Select(d => d.Id));
    }

    [Theory, SqliteData, PostgresData]
    public void Problems_are_kept_once_each(string kind)
    {
        using var store = stores.Open(kind);
        store.SaveProblems([new Problem("a", "empty file"), new Problem("a", "empty file"), new Problem("b", "binary")]);
        store.SaveProblems([new Problem("b", "binary")]);
        Assert.Equal(2, store.ReadProblems().Count);
    }

    [Theory, SqliteData, PostgresData]
    public void Clearing_a_source_forgets_its_problems_and_its_records_problems_only(string kind)
    {
        using var store = stores.Open(kind);
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

    [Theory, SqliteData, PostgresData]
    public void Problems_are_listed_by_source_then_in_the_order_of_the_lines_and_records_they_name(string kind)
    {
        using var store = stores.Open(kind);
        store.SaveProblems([
            new Problem("in/b.jsonl", "line 11: not valid JSON"), new Problem("in/b.jsonl", "line 2: not a JSON object"),
            new Problem("in/b.jsonl", "line 02: not a JSON object"), new Problem("in/b.jsonl", "line 100: no html or text field"),
            new Problem("in/a.warc", "record 10 (https://example.org/x): no readable text"), new Problem("in/a.warc", "record 9: truncated"),
            new Problem("in/B.txt", "empty file"),
        ]);

        Assert.Equal([
            ("in/B.txt", "empty file"),
            ("in/a.warc", "record 9: truncated"), ("in/a.warc", "record 10 (https://example.org/x): no readable text"),
            ("in/b.jsonl", "line 02: not a JSON object"), ("in/b.jsonl", "line 2: not a JSON object"),
            ("in/b.jsonl", "line 11: not valid JSON"), ("in/b.jsonl", "line 100: no html or text field"),
        ], store.ReadProblems().Select(p => (p.Source, p.Error)));
    }

    [Theory, SqliteData, PostgresData]
    public void Clearing_a_source_keeps_the_problems_of_the_records_asked_to_stay(string kind)
    {
        using var store = stores.Open(kind);
        store.SaveProblems([
            new Problem("in/feed.jsonl", "line 3: not valid JSON"), new Problem("in/feed.jsonl#4", "over the 2-item limit"),
            new Problem("in/feed.jsonl#5", "over the 2-item limit"), new Problem("in/story.txt", "over the 2-item limit"),
        ]);

        store.ClearProblems("in/feed.jsonl", ["in/feed.jsonl#5", "in/story.txt", "in/'; DROP TABLE problems; --"]);
        store.ClearProblems("in/story.txt", ["in/story.txt"]);

        Assert.Equal(["in/feed.jsonl#5", "in/story.txt"], store.ReadProblems().Select(p => p.Source));
    }

    [Theory, SqliteData, PostgresData]
    public void A_long_problem_and_a_document_of_very_many_distinct_words_are_kept(string kind)
    {
        using var store = stores.Open(kind);
        var error = "failed: " + new string('x', 10_000);
        store.SaveProblems([new Problem("in/a.txt", error), new Problem("in/a.txt", error)]);
        Assert.Equal(error, Assert.Single(store.ReadProblems()).Error);
        var huge = Stored("Harbour " + string.Join(' ', Enumerable.Range(0, 150_000).Select(i => "w" + i.ToString("x", System.Globalization.CultureInfo.InvariantCulture))));
        store.Save([huge]);
        Assert.Equal(huge.Document.Text, store.FindDocument(huge.Document.Id)!.Text);
        Assert.Single(store.Search("harbour", 10), h => h.Id == huge.Document.Id);
    }

    [Theory, SqliteData, PostgresData]
    public void Problems_are_read_in_code_point_order_of_source_then_error(string kind)
    {
        using var store = stores.Open(kind);
        store.SaveProblems([new Problem("b", "z"), new Problem("B", "a"), new Problem("a", "y"), new Problem("b", "a"), new Problem("_x", "a")]);
        Assert.Equal(["B:a", "_x:a", "a:y", "b:a", "b:z"], store.ReadProblems().Select(p => p.Source + ":" + p.Error));
    }

    [Theory, SqliteData, PostgresData]
    public void Documents_in_no_story_are_those_no_stored_story_lists_in_id_order(string kind)
    {
        using var store = stores.Open(kind);
        var items = new[] { Stored("first text"), Stored("second text"), Stored("third text"), Stored("fourth text") };
        store.Save(items);
        var ids = items.Select(i => i.Document.Id).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(ids, store.ReadDocumentsInNoStory().Select(d => d.Id));

        store.SaveCorpus(CorpusResult.Empty with { Stories = [new Story { Id = "s1", Title = "One", Documents = [ids[1], ids[3]] }] });

        Assert.Equal([ids[0], ids[2]], store.ReadDocumentsInNoStory().Select(d => d.Id));
    }

    [Theory, SqliteData, PostgresData]
    public void Latest_documents_come_latest_arrival_first_one_page_at_a_time(string kind)
    {
        using var store = stores.Open(kind);
        // Saved in three batches: arrival order is what a page follows, not the ids' order.
        var batches = new[] { new[] { Stored("alpha text"), Stored("bravo text") }, new[] { Stored("charlie text") }, new[] { Stored("delta text"), Stored("echo text") } };
        foreach (var batch in batches) store.Save(batch);
        var arrived = batches.SelectMany(b => b).Select(i => i.Document.Id).ToList();
        var latest = Enumerable.Range(0, arrived.Count).Select(i => arrived[arrived.Count - 1 - i]).ToList();

        Assert.Equal(latest.Take(2), store.ReadLatestDocuments(0, 2).Select(d => d.Id));
        Assert.Equal(latest.Skip(2).Take(2), store.ReadLatestDocuments(2, 2).Select(d => d.Id));
        Assert.Equal(latest.Skip(4), store.ReadLatestDocuments(4, 2).Select(d => d.Id));
        Assert.Empty(store.ReadLatestDocuments(6, 2));
    }
}
