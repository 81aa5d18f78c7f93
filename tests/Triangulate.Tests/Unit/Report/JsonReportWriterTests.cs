using System.Text.Json.Nodes;
using Triangulate.Model;
using Triangulate.Report;
using Triangulate.Tests.Support;

namespace Triangulate.Tests.Unit.Report;

public class JsonReportWriterTests
{
    [Fact]
    public void A_product_is_written_as_the_contracts_other_with_its_subtype_and_the_dossier_stays_valid()
    {
        using var temp = new TempFolder();
        var docs = SomeDossier.SmallDocuments();
        var corpus = SomeDossier.For(docs, entityPhrase: "the region");
        var place = Assert.Single(corpus.Entities);
        corpus = corpus with { Entities = [place with { Type = EntityType.Product }] };
        using var store = SomeDossier.Store(temp.File("t.db"), docs, corpus);

        var json = SomeDossier.Write(new JsonReportWriter(), store);

        Assert.Empty(DossierValidator.Errors(json));
        var entity = JsonNode.Parse(json)!["entities"]!.AsArray().Single()!;
        Assert.Equal("other", (string)entity["type"]!);
        Assert.Equal("product", (string)entity["subtype"]!);
        // The store keeps the finer type: only the contract's view maps it.
        Assert.Equal(EntityType.Product, Assert.Single(store.LoadCorpus().Entities).Type);
    }
}
