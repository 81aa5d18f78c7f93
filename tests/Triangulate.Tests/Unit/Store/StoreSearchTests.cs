using Triangulate.Store;
using Triangulate.Tests.Support;

namespace Triangulate.Tests.Unit.Store;

/// <summary>Full-text search: the same contract on every store.</summary>
public class StoreSearchTests(TestStores stores) : IClassFixture<TestStores>
{
    [Theory, SqliteData, PostgresData]
    public void Search_finds_documents_claims_and_quotes_with_marked_snippets(string kind)
    {
        var docs = SomeDossier.SmallDocuments();
        using var store = SomeDossier.Fill(stores.Open(kind), docs);
        var hits = store.Search("not retreat", 10);
        Assert.Contains(hits, h => h.Kind == "quote" && h.Document == docs[0].Id);
        Assert.Contains(hits, h => h.Kind == "document" && h.Id == docs[1].Id);
        Assert.Contains($"{SearchHit.MarkStart}retreat{SearchHit.MarkEnd}", hits[0].Snippet);
        Assert.Contains(store.Search("area held 500", 10), h => h.Kind == "claim");
    }

    [Theory, SqliteData, PostgresData]
    public void Every_word_is_required_and_the_last_also_matches_as_a_prefix(string kind)
    {
        var docs = SomeDossier.SmallDocuments();
        using var store = SomeDossier.Fill(stores.Open(kind), docs);
        Assert.Contains(store.Search("officials sai", 10), h => h.Id == docs[0].Id);
        Assert.Empty(store.Search("officials remain", 10));
        Assert.Empty(store.Search("offic said", 10));
        Assert.Single(store.Search("square kilometres", 1));
    }

    [Theory, SqliteData, PostgresData]
    public void Saving_the_corpus_again_replaces_indexed_claims(string kind)
    {
        var docs = SomeDossier.SmallDocuments();
        using var store = SomeDossier.Fill(stores.Open(kind), docs);
        store.SaveCorpus(Triangulate.Model.CorpusResult.Empty);
        Assert.DoesNotContain(store.Search("area held", 10), h => h.Kind == "claim");
        Assert.NotEmpty(store.Search("square", 10));
    }

    [Theory, SqliteData, PostgresData]
    public void Query_syntax_in_the_input_is_searched_as_plain_words(string kind)
    {
        using var store = SomeDossier.Fill(stores.Open(kind), SomeDossier.SmallDocuments());
        Assert.NotEmpty(store.Search("\"script\" (alert", 10));
        Assert.NotEmpty(store.Search("'script' & !alert:*", 10));
        Assert.Empty(store.Search("*** ((", 10));
    }

    [Theory, SqliteData, PostgresData]
    public void A_search_for_one_spelling_of_an_entity_finds_the_document_that_uses_another(string kind)
    {
        var kyiv = Some.DatedDocument("Talks resumed in Kyiv on Monday.", new DateOnly(2024, 3, 4), "a.txt");
        var other = Some.DatedDocument("Rain is expected on Monday.", new DateOnly(2024, 3, 4), "b.txt");
        using var store = SomeDossier.Fill(stores.Open(kind), [kyiv, other], new Triangulate.Model.CorpusResult
        {
            Stories = [new Triangulate.Model.Story { Id = "s-1", Title = "Talks", Documents = [kyiv.Id, other.Id] }],
            Entities = [new Triangulate.Model.Entity
            {
                Id = "e-kyiv", Name = "Kyiv", Aliases = ["Kiev"], Type = Triangulate.Model.EntityType.Place,
                Mentions = [new Triangulate.Model.TextSpan(kyiv.Id, 17, 21)],
            }],
        });
        var hits = store.Search("Kiev", 10);
        Assert.Contains(hits, h => h.Kind == "document" && h.Id == kyiv.Id);
        Assert.Contains(hits, h => h.Kind == "entity" && h.Id == "e-kyiv");
        Assert.DoesNotContain(hits, h => h.Id == other.Id);
        Assert.Empty(store.Search("Odesa", 10));
    }

    [Theory, SqliteData, PostgresData]
    public void Accents_and_case_are_ignored_by_search(string kind)
    {
        var document = Some.DatedDocument("The Café Zürich reopened after the flood.", new DateOnly(2024, 3, 4), "a.txt");
        using var store = SomeDossier.Fill(stores.Open(kind), [document]);
        var hit = Assert.Single(store.Search("cafe zurich", 10), h => h.Id == document.Id);
        Assert.Contains($"{SearchHit.MarkStart}Café{SearchHit.MarkEnd} {SearchHit.MarkStart}Zürich{SearchHit.MarkEnd}", hit.Snippet);
    }
}
