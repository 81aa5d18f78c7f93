using Triangulate.Link;
using Triangulate.Link.Provenance;
using static Triangulate.Tests.Unit.Link.LinkCorpus;

namespace Triangulate.Tests.Unit.Link;

/// <summary>The counts that rule a pair out before its sentences are aligned (ProvenanceLinker.CannotBeTaken).</summary>
public sealed class ProvenanceBoundTests
{
    [Fact]
    public void Texts_with_fewer_than_two_worded_sentences_cannot_be_taken_whatever_their_five_grams()
    {
        // Scores and names only: no sentence has three words of its writer's own.
        var a = Profile("Results\nKellby 3, Ostrand 1.\nVarnhagen Cup: Dorn 2, Marvale 2.\nRescue crews pulled survivors from flooded rooftops overnight.", "a.txt");
        var b = Profile("Results\nKellby 3, Ostrand 1.\nVarnhagen Cup: Dorn 2, Marvale 2.\nRescue crews pulled survivors from flooded rooftops overnight.", "b.txt");
        Assert.True(ProvenanceLinker.CannotBeTaken(a, b, fiveGrams: 1.0));
    }

    [Fact]
    public void Short_texts_under_the_five_gram_floor_cannot_be_a_paraphrase_and_above_it_they_are_aligned()
    {
        var original = Profile(Texts.FloodOriginal, "a.txt");
        var rewrite = Profile(Texts.FloodRewrite, "b.txt");
        // Six and eight sentences: fewer than the ten aligned passages a paraphrase needs.
        Assert.True(ProvenanceLinker.CannotBeTaken(original, rewrite, fiveGrams: 0.0));
        Assert.False(ProvenanceLinker.CannotBeTaken(original, rewrite, fiveGrams: ProvenanceLinker.MinSharedFiveGrams));
    }

    [Fact]
    public void Long_worded_texts_under_the_five_gram_floor_are_still_aligned()
    {
        var lines = Enumerable.Range(1, 12).Select(i => $"Engineers repaired {i} broken pipes beneath the flooded market square.");
        var a = Profile("Repairs\n" + string.Join('\n', lines), "a.txt");
        var b = Profile("Repairs go on\n" + string.Join('\n', lines.Reverse()), "b.txt");
        Assert.False(ProvenanceLinker.CannotBeTaken(a, b, fiveGrams: 0.0));
    }

    private static TextProfile Profile(string text, string source) => TextProfile.Build(Doc(text, source), signature: false);
}
