using Triangulate.Model;
using Triangulate.Tests.Support;
using Triangulate.Web;

namespace Triangulate.Tests.Unit.Web;

/// <summary>The web app's entity list and pages show one entity per corpus identity, whichever story spelled it how.</summary>
public sealed class EntityIdentityPagesTests
{
    [Fact]
    public async Task An_acronym_in_one_story_and_its_expansion_in_another_are_one_entity_with_the_quotes_of_both()
    {
        using var temp = new TempFolder();
        var long1 = Some.DatedDocument("Calverton Freight Systems opened a depot\nCalverton Freight Systems opened a depot on Monday, its manager said.\n", new DateOnly(2024, 3, 4), "a.txt") with { Title = "Depot opens" };
        var short1 = Some.DatedDocument("Strike at CFS\n'We will not load the trucks,' said CFS on Friday.\n", new DateOnly(2024, 6, 7), "b.txt") with { Title = "Strike" };
        var spoken = SomeDossier.Spans(short1, "We will not load the trucks").Single();
        using var store = SomeDossier.Store(temp.File("t.db"), [long1, short1], new CorpusResult
        {
            Stories =
            [
                new Story { Id = "s-depot", Title = "Depot", Documents = [long1.Id] },
                new Story { Id = "s-strike", Title = "Strike", Documents = [short1.Id] },
            ],
            Entities =
            [
                new Entity { Id = "e-full", Name = "Calverton Freight Systems", Type = EntityType.Organization, Mentions = [.. SomeDossier.Spans(long1, "Calverton Freight Systems")] },
                new Entity { Id = "e-short", Name = "CFS", Type = EntityType.Organization, Mentions = [.. SomeDossier.Spans(short1, "CFS")] },
            ],
            Quotes = [new Quote { Id = "q-1", Speaker = "e-short", SpeakerKind = SpeakerKind.Named, Story = "s-strike", Variants = [new QuoteVariant { Span = spoken, Text = spoken.Excerpt ?? "", Direct = true }] }],
        });
        await using var served = await PerStoryServingTests.Start(store, new WebHostOptions { UploadFolder = temp.File("uploads") });

        var list = await served.Http.GetStringAsync("/entities");
        Assert.Contains("<h1>Entities (1)</h1>", list, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/entities/e-full\">Calverton Freight Systems</a></td><td>organization</td><td>4</td><td>2</td><td>1</td><td>CFS</td>", list, StringComparison.Ordinal);
        // Either story's id reaches the one page: the expansion's name, every mention, the acronym's quote.
        foreach (var id in new[] { "e-full", "e-short" })
        {
            var page = await served.Http.GetStringAsync($"/entities/{id}");
            Assert.Contains("<h1>Calverton Freight Systems</h1>", page, StringComparison.Ordinal);
            Assert.Contains("<h2>Mentions (4)</h2>", page, StringComparison.Ordinal);
            Assert.Contains("<h2>Quotes (1)</h2>", page, StringComparison.Ordinal);
        }
    }
}
