using Triangulate.Store;
using Triangulate.Tests.Support;

namespace Triangulate.Tests.Unit.Store;

public class SqliteStoreSearchTests
{
    [Fact]
    public void Search_finds_documents_claims_and_quotes_with_marked_snippets()
    {
        using var temp = new TempFolder();
        var docs = SomeDossier.SmallDocuments();
        using var store = SomeDossier.Store(temp.File("t.db"), docs);
        var hits = store.Search("not retreat", 10);
        Assert.Contains(hits, h => h.Kind == "quote" && h.Document == docs[0].Id);
        Assert.Contains(hits, h => h.Kind == "document" && h.Id == docs[1].Id);
        Assert.Contains($"{SearchHit.MarkStart}retreat{SearchHit.MarkEnd}", hits[0].Snippet);
        Assert.Contains(store.Search("area held 500", 10), h => h.Kind == "claim");
    }

    [Fact]
    public void Saving_the_corpus_again_replaces_indexed_claims()
    {
        using var temp = new TempFolder();
        var docs = SomeDossier.SmallDocuments();
        using var store = SomeDossier.Store(temp.File("t.db"), docs);
        store.SaveCorpus(Triangulate.Model.CorpusResult.Empty);
        Assert.DoesNotContain(store.Search("area held", 10), h => h.Kind == "claim");
        Assert.NotEmpty(store.Search("square", 10));
    }

    [Fact]
    public void Query_syntax_in_the_input_is_searched_as_plain_words()
    {
        using var temp = new TempFolder();
        using var store = SomeDossier.Store(temp.File("t.db"), SomeDossier.SmallDocuments());
        Assert.NotEmpty(store.Search("\"script\" (alert", 10));
        Assert.Empty(store.Search("*** ((", 10));
    }

    [Fact]
    public void A_search_for_one_spelling_of_an_entity_finds_the_document_that_uses_another()
    {
        using var temp = new TempFolder();
        var kyiv = Some.DatedDocument("Talks resumed in Kyiv on Monday.", new DateOnly(2024, 3, 4), "a.txt");
        var other = Some.DatedDocument("Rain is expected on Monday.", new DateOnly(2024, 3, 4), "b.txt");
        using var store = SomeDossier.Store(temp.File("t.db"), [kyiv, other], new Triangulate.Model.CorpusResult
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
}
