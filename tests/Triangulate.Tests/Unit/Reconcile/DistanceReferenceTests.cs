using Triangulate.Reconcile;
using Triangulate.Tests.Support;
using static Triangulate.Tests.Support.SomeClaims;

namespace Triangulate.Tests.Unit.Reconcile;

/// <summary>
/// A distance is measured from a place: "67 km north-east of Pumsostad" and "about 45 kilometres east of Lozec" are
/// two quakes' epicentres, two quantities, while two distances from one town are one quantity that two reports may
/// give differently.
/// </summary>
public sealed class DistanceReferenceTests
{
    private static CorpusContext Run(InMemoryCorpus corpus)
    {
        var context = corpus.Context();
        new ClaimMatchingStage().Run(context);
        new ContradictionStage().Run(context);
        return context;
    }

    private static InMemoryCorpus Quakes(string firstTown, string secondTown, double second = 45)
    {
        var a = Document($"An earthquake of magnitude 4.6 struck 67 km north-east of {firstTown} on Thursday, the survey said.", "Alpha", "2024-11-14");
        var b = Document($"The quake hit about {second} kilometres east of {secondTown} on Thursday, officials said.", "Beta", "2024-11-14");
        return new InMemoryCorpus()
            .Add(a, Analysis(a, [Quantity(a, "67 km north-east", "north-east", "length", 67, 67, "km", time: "2024-11-14")]))
            .Add(b, Analysis(b, [Quantity(b, $"about {second} kilometres east", "east", "length", second * 0.9, second * 1.1, "km", time: "2024-11-14", hedge: "about")]));
    }

    [Fact]
    public void Distances_from_two_towns_do_not_contradict()
    {
        Assert.Empty(Run(Quakes("Pumsostad", "Lozec")).Contradictions);
    }

    [Fact]
    public void Distances_from_one_town_that_differ_contradict()
    {
        Assert.Single(Run(Quakes("Pumsostad", "Pumsostad")).Contradictions);
    }

    [Fact]
    public void The_same_distance_from_two_towns_is_two_claims_and_from_one_town_one()
    {
        var apart = Run(Quakes("Pumsostad", "Lozec", second: 67));
        Assert.Equal(2, apart.Claims.Count);
        var together = Run(Quakes("Pumsostad", "Pumsostad", second: 67));
        Assert.Equal(2, Assert.Single(together.Claims).Mentions.Count);
    }

    [Theory]
    [InlineData("pumsostad", "lozec", false)]
    [InlineData("aoraki mount cook", "mt cook", true)]
    [InlineData("worec", null, true)]
    public void Places_that_share_a_word_may_be_one(string a, string? b, bool same)
    {
        Assert.Equal(same, Figures.SameReference(a, b));
    }

    [Theory]
    [InlineData("struck 67 km north-east of Pumsostad on Thursday", "67 km north-east", "pumsostad")]
    [InlineData("lag 52 km südwestlich von Bad Worec, teilte", "52 km", "bad worec")]
    [InlineData("à 52 km au sud-ouest de Worec.", "52 km", "worec")]
    [InlineData("a 52 km al suroeste de Worec", "52 km", "worec")]
    [InlineData("a 52 km d'Anzino", "52 km", "anzino")]
    [InlineData("at a depth of 10 km. Worec was hit", "10 km", null)]
    [InlineData("at a depth of 10 km, about 52 km south of Worec", "10 km", null)]
    [InlineData("10 km Worec", "10 km", null)]
    public void The_place_a_distance_is_measured_from_is_read_after_its_direction(string text, string figure, string? place)
    {
        var end = text.IndexOf(figure, StringComparison.Ordinal) + figure.Length;
        Assert.Equal(place, Figures.ReferencePlace(text, end, "length"));
        Assert.Null(Figures.ReferencePlace(text, end, "count"));
    }
}
