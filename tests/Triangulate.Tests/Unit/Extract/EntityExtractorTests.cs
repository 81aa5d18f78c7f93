using Triangulate.Extract;
using Triangulate.Extract.Entities;
using Triangulate.Model;
using Triangulate.Tests.Support;
using Triangulate.Text;

namespace Triangulate.Tests.Unit.Extract;

public sealed class EntityExtractorTests
{
    internal static ExtractionContext Run(string text)
    {
        var context = new ExtractionContext(Some.Document(text), new PunctuationSentenceSplitter());
        new EntityExtractor().Extract(context);
        return context;
    }

    [Fact]
    public void ARankedPersonKeepsTitleAndAppositionAndTheSurnameResolvesToThem()
    {
        var context = Run("The fate of Lieutenant General Valery Solodchuk, the deputy commander of the 44th Army Corps, is unknown. Rumors abound about Solodchuk's fate.");
        var general = Assert.Single(context.Entities, e => e.Name == "Valery Solodchuk");
        Assert.Equal(EntityType.Person, general.Type);
        Assert.Contains("Lieutenant General", general.Descriptions);
        Assert.Contains("the deputy commander of the 44th Army Corps", general.Descriptions);
        Assert.Equal(2, general.Mentions.Count);
        Assert.Equal("Solodchuk", general.Mentions[1].Excerpt);
        var unit = Assert.Single(context.Entities, e => e.Type == EntityType.Unit);
        Assert.Equal("44th Army Corps", unit.Name);
    }

    [Fact]
    public void AnAgeAppositionIsKeptWithTheDescriptionAfterIt()
    {
        var context = Run("Oleh, 30, a soldier in the 47th Mechanised Brigade, said the line held.");
        var oleh = Assert.Single(context.Entities, e => e.Name == "Oleh");
        Assert.Equal(EntityType.Person, oleh.Type);
        Assert.Contains("30, a soldier in the 47th Mechanised Brigade", oleh.Descriptions);
    }

    [Fact]
    public void TitlesAfterNationalityAdjectivesMakeAPerson()
    {
        var context = Run("As the situation dragged on, Ukrainian President Zelensky acknowledged the danger. Zelensky remarked on it.");
        var president = Assert.Single(context.Entities, e => e.Name == "Zelensky");
        Assert.Equal(EntityType.Person, president.Type);
        Assert.Contains("Ukrainian President", president.Descriptions);
        Assert.DoesNotContain(context.Entities, e => e.Name.StartsWith("Ukrainian", StringComparison.Ordinal));
    }

    [Fact]
    public void WeaponsPlacesAndOrganisationsAreTypedByTheirCues()
    {
        var context = Run("Russia said it shot down American ATACMS missiles near Belgorod. The Institute for the Study of War disagreed. Fighting in the Kharkiv region went on.");
        Assert.Equal(EntityType.Weapon, Assert.Single(context.Entities, e => e.Name == "ATACMS").Type);
        Assert.Equal(EntityType.Place, Assert.Single(context.Entities, e => e.Name == "Belgorod").Type);
        Assert.Equal(EntityType.Organization, Assert.Single(context.Entities, e => e.Name == "Institute for the Study of War").Type);
        Assert.Equal(EntityType.Place, Assert.Single(context.Entities, e => e.Name == "Kharkiv").Type);
    }

    [Fact]
    public void PronounsResolveToTheNearestPersonBefore()
    {
        var context = Run("Michael Kofman, a military analyst at CNA, said the offensive stalled. He added that it was costly.");
        var kofman = Assert.Single(context.Entities, e => e.Name == "Michael Kofman");
        Assert.Contains("a military analyst at CNA", kofman.Descriptions);
        Assert.Contains(kofman.Mentions, m => m.Excerpt == "He");
    }

    [Fact]
    public void SentenceInitialFunctionWordsAreNotEntities()
    {
        var context = Run("However, the attack failed. The Army said so.");
        Assert.DoesNotContain(context.Entities, e => e.Name.Contains("However", StringComparison.Ordinal) || e.Name.StartsWith("The", StringComparison.Ordinal));
        Assert.Single(context.Entities, e => e.Name == "Army");
    }
}
