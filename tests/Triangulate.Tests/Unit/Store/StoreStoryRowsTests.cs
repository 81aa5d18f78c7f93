using System.Text.Json;
using Triangulate.Model;
using Triangulate.Store;
using Triangulate.Tests.Support;

namespace Triangulate.Tests.Unit.Store;

/// <summary>The store's per-story rows: written per story, read per story, and the whole assembled from them.</summary>
public class StoreStoryRowsTests(TestStores stores) : IClassFixture<TestStores>
{
    private static Entity Entity(string id, string name, string document, int mentions) => new()
    {
        Id = id,
        Name = name,
        Type = EntityType.Person,
        Mentions = [.. Enumerable.Range(0, mentions).Select(i => new TextSpan(document, i, i + 1))],
    };

    private static StoryFindings Findings(string id, string document, string fingerprint, params Entity[] entities) => new()
    {
        Story = new Story { Id = id, Title = id, Documents = [document] },
        Fingerprint = fingerprint,
        Entities = entities,
        Claims = [new Claim { Id = "c-" + id, Kind = ClaimKind.Status, Text = "claim of " + id, Story = id, Mentions = [], Sources = [document], IndependentSources = 1, Verdict = Verdict.SingleSource }],
    };

    [Theory, SqliteData, PostgresData]
    public void A_story_left_out_of_the_changed_list_keeps_its_findings_and_one_not_listed_is_removed(string kind)
    {
        using var store = stores.Open(kind);
        var a = Findings("s-a", "d-1", "fa", Entity("e-x", "Ann Lee", "d-1", 2));
        var b = Findings("s-b", "d-0", "fb", Entity("e-x", "Lee", "d-0", 1));
        var c = Findings("s-c", "d-3", "fc");
        store.SaveCorpus(new CorpusLinks(), [a.Story, b.Story, c.Story], [a, b, c]);

        var b2 = b with { Fingerprint = "fb2", Claims = [] };
        store.SaveCorpus(new CorpusLinks(), [b.Story, a.Story], [b2]);

        // Stories read in the order of their first document, however they were written.
        Assert.Equal(["s-b", "s-a"], store.ReadStories().Select(s => s.Id));
        Assert.Equal("fa", store.ReadStoryFingerprints()["s-a"]);
        Assert.Equal("fb2", store.ReadStoryFingerprints()["s-b"]);
        Assert.Null(store.LoadStory("s-c"));
        Assert.Equal(["c-s-a"], store.ReadStoryPart("claims", ModelJson.Compact.ListClaim).Select(x => x.Id));
        Assert.Single(store.Search("claim of", 10), h => h.Kind == "claim");
    }

    [Theory, SqliteData, PostgresData]
    public void Findings_encoded_elsewhere_and_sent_as_their_parts_save_as_the_findings_themselves_and_replace_the_stored(string kind)
    {
        using var direct = stores.Open(kind);
        using var viaRows = stores.Open(kind);
        var entity = Entity("e-x", "Ann Lee", "d-1", 2) with { Aliases = ["Lee"] };
        var a = Findings("s-a", "d-1", "fa", entity, Entity("e-y", "Bo Quist", "d-1", 1)) with
        {
            Quotes = [new Quote { Id = "q-1", Speaker = "e-x", Variants = [new QuoteVariant { Span = new TextSpan("d-1", 0, 5), Text = "We will rebuild", Direct = true }], IndependentSources = 1, Story = "s-a" }],
        };
        var b = Findings("s-b", "d-0", "fb", Entity("e-z", "Cara Moss", "d-0", 1));
        direct.SaveCorpus(new CorpusLinks(), [a.Story, b.Story], [a, b]);
        // Encoded as a worker encodes a story's findings, then rebuilt from the parts a message carries.
        static EncodedStory Sent(StoryFindings findings)
        {
            var made = new EncodedStory(findings);
            return new EncodedStory(made.Id, made.FirstDocument, made.Fingerprint, made.StoryUtf8, made.FindingsUtf8, [.. made.Entities], [.. made.SearchEntries]);
        }
        viaRows.SaveCorpus(new CorpusUpdate { Rebuild = true, Stories = [a.Story, b.Story], EncodedFindings = [Sent(a), Sent(b)] });

        Assert.Equal(direct.ReadStories().Select(s => s.Id), viaRows.ReadStories().Select(s => s.Id));
        Assert.Equal(direct.ReadStoryFingerprints(), viaRows.ReadStoryFingerprints());
        foreach (var id in new[] { "s-a", "s-b" })
            Assert.Equal(JsonSerializer.Serialize(direct.LoadStory(id), ModelJson.Compact.StoryFindings), JsonSerializer.Serialize(viaRows.LoadStory(id), ModelJson.Compact.StoryFindings));
        Assert.Equal(Json(direct.ReadEntities().ToList()), Json(viaRows.ReadEntities().ToList()));
        foreach (var query in new[] { "Lee", "claim of", "rebuild", "Moss" })
            Assert.Equal(direct.Search(query, 10).Select(h => (h.Kind, h.Id)), viaRows.Search(query, 10).Select(h => (h.Kind, h.Id)));
        Assert.Single(viaRows.Search("rebuild", 10), h => h.Kind == "quote");

        // Encoded findings replace the story's rows as findings given as objects do: its old entities and search rows go.
        var a2 = a with { Fingerprint = "fa2", Entities = [Entity("e-w", "Dan Ode", "d-1", 1)], Quotes = [] };
        viaRows.SaveCorpus(new CorpusUpdate { Stories = [a2.Story], EncodedFindings = [Sent(a2)] });
        Assert.Equal("fa2", viaRows.ReadStoryFingerprints()["s-a"]);
        Assert.Empty(viaRows.Search("rebuild", 10));
        Assert.Empty(viaRows.Search("Quist", 10));
        Assert.Single(viaRows.Search("Ode", 10), h => h.Kind == "entity");
        Assert.Equal(["e-w", "e-z"], viaRows.ReadEntities().Select(e => e.Id));
    }

    [Theory, SqliteData, PostgresData]
    public void An_entity_in_two_stories_reads_as_one_with_every_mention_and_the_best_attested_name(string kind)
    {
        using var store = stores.Open(kind);
        var a = Findings("s-a", "d-1", "fa", Entity("e-x", "Ann Lee", "d-1", 2), Entity("e-y", "Bo", "d-1", 1));
        var b = Findings("s-b", "d-2", "fb", Entity("e-x", "Lee", "d-2", 1));
        store.SaveCorpus(new CorpusLinks(), [a.Story, b.Story], [a, b]);

        var streamed = store.ReadEntities().ToList();
        Assert.Equal(["e-x", "e-y"], streamed.Select(e => e.Id));
        Assert.Equal("Ann Lee", streamed[0].Name);
        Assert.Equal(["Lee"], streamed[0].Aliases);
        Assert.Equal(3, streamed[0].Mentions.Count);
        Assert.Equal(3, Assert.Single(store.FindEntities(["e-x"])).Mentions.Count);
        Assert.Equal(streamed.Select(e => e.Id), store.LoadCorpus().Entities.Select(e => e.Id));
    }

    [Theory, SqliteData, PostgresData]
    public void Relations_and_groups_are_found_by_document(string kind)
    {
        using var store = stores.Open(kind);
        var a = Findings("s-a", "d-1", "fa");
        var links = new CorpusLinks
        {
            Relations = [new Relation { From = "d-1", To = "d-2", Kind = RelationKind.Copy }, new Relation { From = "d-3", ToOutlet = "wire", Kind = RelationKind.Cites }],
            IndependenceGroups = new Dictionary<string, string> { ["d-1"] = "d-2", ["d-2"] = "d-2" },
        };
        store.SaveCorpus(links, [a.Story], [a]);
        Assert.Single(store.RelationsOf(["d-2"]));
        Assert.Equal(2, store.ReadRelations().Count());
        Assert.Equal("d-2", store.IndependenceGroupsOf(["d-1"])["d-1"]);
        Assert.Equal("s-a", store.StoryOf("d-1"));
        Assert.Null(store.StoryOf("d-3"));
    }

    [Theory, SqliteData, PostgresData]
    public void Relations_and_groups_of_many_documents_are_found_in_one_read_each_once_in_stored_order(string kind)
    {
        using var store = stores.Open(kind);
        var a = Findings("s-a", "d-1", "fa");
        var links = new CorpusLinks
        {
            Relations =
            [
                new Relation { From = "d-3", To = "d-1", Kind = RelationKind.Rewrite },
                new Relation { From = "d-1", To = "d-2", Kind = RelationKind.Copy },
                new Relation { From = "d-4", To = "d-5", Kind = RelationKind.Copy },
                new Relation { From = "d-2", ToOutlet = "wire", Kind = RelationKind.Cites },
            ],
            IndependenceGroups = new Dictionary<string, string> { ["d-1"] = "g-1", ["d-2"] = "g-1", ["d-3"] = "g-3", ["d-4"] = "g-4" },
        };
        store.SaveCorpus(links, [a.Story], [a]);

        // A relation between two of the ids is read once; one touching none of them is not read.
        Assert.Equal([("d-3", "d-1"), ("d-1", "d-2"), ("d-2", null)], store.RelationsOf(["d-1", "d-2", "d-9"]).Select(r => (r.From, r.To)));
        var groups = store.IndependenceGroupsOf(["d-1", "d-2", "d-3", "d-9", "it's \"odd\""]);
        Assert.Equal(3, groups.Count);
        Assert.Equal("g-3", groups["d-3"]);
    }

    [Theory, SqliteData, PostgresData]
    public void A_story_page_reads_its_documents_without_text_blocks_or_body_and_its_relations_without_passages(string kind)
    {
        using var store = stores.Open(kind);
        var first = StoreTests.Stored("Officials said the ferry would sail again on Monday.\n\nA second \"quoted\" paragraph, with a back\\slash.");
        var second = StoreTests.Stored("The ferry company said nothing.");
        store.Save([first, second]);
        var a = Findings("s-a", first.Document.Id, "fa");
        var passage = new AlignedPassage(new TextSpan(first.Document.Id, 0, 9), new TextSpan(second.Document.Id, 4, 9));
        var links = new CorpusLinks
        {
            Relations =
            [
                new Relation { From = first.Document.Id, To = second.Document.Id, Kind = RelationKind.Rewrite, Score = 0.75, Evidence = [passage] },
                new Relation { From = second.Document.Id, To = first.Document.Id, Kind = RelationKind.Copy, Evidence = [passage] },
            ],
        };
        store.SaveCorpus(links, [a.Story], [a]);

        var shown = store.FindDocumentsToShow([second.Document.Id, "d-missing", first.Document.Id, second.Document.Id]).OrderBy(d => d.Id == second.Document.Id).ToList();
        Assert.Equal([first.Document.Id, second.Document.Id], shown.Select(d => d.Id));
        // Everything a page shows of a document is as stored; its text (the page quotes the excerpts spans carry) and
        // the rest are empty.
        Assert.NotEmpty(first.Document.Text);
        Assert.Equal("", shown[0].Text);
        Assert.Equal(first.Document.Sha256, shown[0].Sha256);
        Assert.Equal(first.Document.Published, shown[0].Published);
        Assert.Equal(first.Document.Source, shown[0].Source);
        Assert.NotEmpty(first.Document.Blocks);
        Assert.Empty(shown[0].Blocks);
        Assert.Equal("", shown[0].Body);
        Assert.Equal((first.Document.Language, first.Document.Title), (shown[0].Language, shown[0].Title));

        // Only the relations from the documents asked, with their kind and score, not their passages.
        var from = Assert.Single(store.RelationsFrom([first.Document.Id]));
        Assert.Equal((first.Document.Id, second.Document.Id, RelationKind.Rewrite, 0.75), (from.From, from.To, from.Kind, from.Score));
        Assert.Empty(from.Evidence);
        Assert.Single(Assert.Single(store.RelationsOf([first.Document.Id]), r => r.From == first.Document.Id).Evidence);
    }

    [Theory, SqliteData, PostgresData]
    public void A_story_pages_findings_are_the_stored_ones_without_entity_excerpts_or_inferred_dates(string kind)
    {
        using var store = stores.Open(kind);
        var entity = Entity("e-x", "Ann Lee", "d-1", 3) with { Aliases = ["Lee"] };
        entity = entity with { Mentions = [.. entity.Mentions.Select(m => m with { Excerpt = "A\"n" }), new TextSpan("d-2", 7, 10) { Excerpt = "Lee" }] };
        var a = Findings("s-a", "d-1", "fa", entity) with
        {
            InferredPublished = new Dictionary<string, DateEstimate> { ["d-1"] = DateEstimate.Exact(PartialDate.Parse("2024-05-01"), DateBasis.Inferred) },
            Quotes = [new Quote { Id = "q-1", Speaker = "e-x", Variants = [new QuoteVariant { Span = new TextSpan("d-1", 0, 5) { Excerpt = "Hello" }, Text = "Hello", Direct = true }], IndependentSources = 1, Story = "s-a" }],
        };
        store.SaveCorpus(new CorpusLinks(), [a.Story], [a]);

        var whole = store.LoadStory("s-a")!;
        var shown = store.LoadStoryToShow("s-a")!;
        Assert.Null(store.LoadStoryToShow("s-none"));
        // What the page shows is read as stored: claims, quotes (with their excerpts) and the story.
        Assert.Equal(Json(whole.Claims), Json(shown.Claims));
        Assert.Equal(Json(whole.Quotes), Json(shown.Quotes));
        Assert.Equal("Hello", shown.Quotes[0].Variants[0].Span.Excerpt);
        Assert.Equal(whole.Story.Documents, shown.Story.Documents);
        // An entity keeps its names and where it is mentioned (the page's ties are broken by those), not the excerpts.
        var e = Assert.Single(shown.Entities);
        Assert.Equal(("e-x", "Ann Lee"), (e.Id, e.Name));
        Assert.Equal(["Lee"], e.Aliases);
        Assert.Equal(entity.Mentions.Select(m => (m.Document, m.Start, m.End)), e.Mentions.Select(m => (m.Document, m.Start, m.End)));
        Assert.Equal(4, whole.Entities[0].Mentions.Count(m => m.Excerpt is not null));
        if (kind == SqliteDataAttribute.Kind)
        {
            Assert.All(e.Mentions, m => Assert.Null(m.Excerpt));
            Assert.Empty(shown.InferredPublished);
        }
        Assert.Single(whole.InferredPublished);
    }

    private static string Json<T>(IReadOnlyList<T> items) =>
        string.Join("\n", items.Select(i => System.Text.Json.JsonSerializer.Serialize(i, typeof(T), ModelJson.Compact)));

    [Theory, SqliteData, PostgresData]
    public void Parts_and_findings_stream_in_story_order_across_pages(string kind)
    {
        using var store = stores.Open(kind);
        var findings = Enumerable.Range(0, 150).Select(i => Findings($"s-{i:D3}", $"d-{i}", "f")).ToList();
        store.SaveCorpus(new CorpusLinks(), [.. findings.Select(f => f.Story).Reverse()], findings);
        // The order of their first documents, whatever order they were given in.
        var order = findings.Select(f => f.Story).OrderBy(s => s.Documents[0], StringComparer.Ordinal).ToList();
        Assert.Equal(order.Select(s => s.Id), store.ReadStoryFindings().Select(f => f.Story.Id));
        Assert.Equal(order.Select(s => "c-" + s.Id), store.ReadStoryPart("claims", ModelJson.Compact.ListClaim).Select(c => c.Id));
        Assert.Empty(store.ReadStoryPart("quotes", ModelJson.Compact.ListQuote));
        Assert.Throws<ArgumentException>(() => store.ReadStoryPart("claims') --", ModelJson.Compact.ListClaim).ToList());
        Assert.Equal(150, store.LoadCorpus().Claims.Count);
    }

    [Theory, SqliteData, PostgresData]
    public void Inferred_dates_and_the_counts_of_claims_and_quotes_are_read_without_the_rest_of_the_findings(string kind)
    {
        using var store = stores.Open(kind);
        var estimate = new DateEstimate { Date = PartialDate.Parse("2025-03-04"), Earliest = PartialDate.Parse("2025-03-04"), Latest = PartialDate.Parse("2025-03-05"), Basis = DateBasis.Inferred };
        var quoted = Findings("s-a", "d-1", "f") with
        {
            Quotes = [new Quote { Id = "q-1", Speaker = "a spokesman", Variants = [] }, new Quote { Id = "q-2", Speaker = "a witness", Variants = [] }],
            InferredPublished = new Dictionary<string, DateEstimate> { ["d-1"] = estimate },
        };
        var plain = Findings("s-b", "d-2", "f") with { Claims = [] };
        store.SaveCorpus(new CorpusLinks(), [quoted.Story, plain.Story], [quoted, plain]);

        var dates = store.ReadInferredDates().ToList();
        Assert.Equal("d-1", Assert.Single(dates).Key);
        Assert.Equal((estimate.Date, estimate.Earliest, estimate.Latest, estimate.Basis), (dates[0].Value.Date, dates[0].Value.Earliest, dates[0].Value.Latest, dates[0].Value.Basis));
        Assert.Equal((2, 1, 2), store.CountStoryFindings());
    }

    [Theory, SqliteData, PostgresData]
    public void Failed_stages_are_kept_with_the_corpus_links_and_replaced_by_the_next_save(string kind)
    {
        using var store = stores.Open(kind);
        var a = Findings("s-a", "d-1", "fa");
        store.SaveCorpus(new CorpusLinks { FailedStages = [new StageFailure("contradictions", "boom")] }, [a.Story], [a]);
        Assert.Equal("contradictions", Assert.Single(store.LoadFailedStages()).Stage);
        store.SaveCorpus(new CorpusLinks(), [a.Story], []);
        Assert.Empty(store.LoadFailedStages());
        Assert.Equal("fa", store.LoadStory("s-a")!.Fingerprint);
    }

    [Theory, SqliteData, PostgresData]
    public void Documents_are_read_for_linking_in_arrival_order_until_linked_and_the_link_state_is_kept(string kind)
    {
        using var store = stores.Open(kind);
        Assert.Null(store.ReadLinkVersion());
        var a = StoreTests.Stored("Arrived fifth.") with { Arrival = 5 };
        // Saved without a place: after what was stored before the batch.
        var b = StoreTests.Stored("Arrived first.");
        var c = StoreTests.Stored("Arrived second.") with { Arrival = 2 };
        store.Save([a, b, c]);
        Assert.Equal(5, store.LastArrival);
        Assert.Equal([b.Document.Id, c.Document.Id, a.Document.Id], store.ReadForLinking(all: false).Select(p => p.Document.Id));

        store.SaveCorpus(new CorpusUpdate
        {
            LinkVersion = "v1",
            Linked = [c.Document.Id, a.Document.Id],
            LinkState = [new Triangulate.Link.LinkStateRow(1, 7, [1, 2]), new Triangulate.Link.LinkStateRow(1, 7, [3]), new Triangulate.Link.LinkStateRow(2, 7, [4])],
        });
        Assert.Equal([b.Document.Id], store.ReadForLinking(all: false).Select(p => p.Document.Id));
        Assert.Equal(3, store.ReadForLinking(all: true).Count());
        Assert.Equal("v1", store.ReadLinkVersion());
        var values = store.ReadLinkState(1, [7, 8]);
        Assert.Equal([3], values[7]);
        Assert.False(values.ContainsKey(8));

        // Analysed again by another version: seen by the linking stages again, in its first place.
        store.Save([a with { PipelineVersion = "2", Arrival = 0 }]);
        Assert.Equal([b.Document.Id, a.Document.Id], store.ReadForLinking(all: false).Select(p => p.Document.Id));

        // From scratch, in parts: the documents this part read are linked, every other one is not (the next part reads it).
        store.SaveCorpus(new CorpusUpdate { Rebuild = true, LinkVersion = "v2", Linked = [b.Document.Id, a.Document.Id] });
        Assert.Equal([c.Document.Id], store.ReadForLinking(all: false).Select(p => p.Document.Id));
        Assert.Empty(store.ReadLinkState(1, [7]));
        Assert.Equal("v2", store.ReadLinkVersion());
    }
}
