using Triangulate.Model;
using static Triangulate.Tests.Unit.Link.LinkCorpus;

namespace Triangulate.Tests.Unit.Link;

/// <summary>
/// One outlet's template filled for two events reads alike sentence by sentence, and its constant figures (the engines
/// sent, the year of its footer) are alike too; only the event's own figures differ. A copy keeps them, and may drop
/// some, but never states others in their place.
/// </summary>
public sealed class ProvenanceFrameFiguresTests
{
    private static string Fire(string town, string day, string dead, string hurt, string crews, string hours, string alarm, string residents) => $"""
        Bei einem Feuer in einer Lagerhalle in {town} sind am {day} {dead} Menschen gestorben, {hurt} wurden verletzt, teilte die Feuerwehr mit.
        Rund {crews} Einsatzkräfte mit 7 Löschfahrzeugen waren {hours} Stunden lang im Einsatz.
        Der Notruf ging um {alarm} Uhr ein; {residents} Anwohner mussten ihre Wohnungen verlassen.
        Die Ursache des Feuers ist noch unklar, die Polizei ermittelt.
        © 2024 Rheinischer Bote. Alle Rechte vorbehalten.
        """;

    private static readonly string Marvale = Fire("Marvale", "Mittwoch", "2", "8", "110", "3", "17.25", "90");

    [Fact]
    public void Two_German_fires_of_one_template_with_other_figures_are_not_derived_from_each_other()
    {
        // Every figure sentence keeps one number of the frame (8 hurt, 7 engines, the footer's year) beside the event's
        // own. Counting a sentence as agreeing when it shares any number, only the alarm sentence disagreed (1 of 4) and
        // the two fires were a copy.
        var first = Doc(Marvale, "marvale.txt", outlet: "Rheinischer Bote", language: "de", published: new DateOnly(2024, 11, 5));
        var second = Doc(Fire("Dornfeld", "Dienstag", "4", "8", "75", "10", "8.41", "282"), "dornfeld.txt", outlet: "Rheinischer Bote", language: "de", published: new DateOnly(2024, 11, 8));
        Assert.Empty(Derivations(Run(first, second)));
    }

    [Fact]
    public void A_German_copy_and_a_rewrite_that_drops_figures_are_derived()
    {
        var source = Doc(Marvale, "source.txt", outlet: "Rheinischer Bote", language: "de", published: new DateOnly(2024, 11, 5));
        var copy = Doc(Marvale.Replace("Rheinischer Bote", "Weserkurier", StringComparison.Ordinal), "copy.txt", outlet: "Weserkurier", language: "de", published: new DateOnly(2024, 11, 6));
        var copied = Assert.Single(Derivations(Run(source, copy)));
        Assert.Equal(copy.Id, copied.From);
        // Dropping the engines and the residents puts no other number in their place: still taken.
        var shorter = Marvale.Replace(" mit 7 Löschfahrzeugen", "", StringComparison.Ordinal).Replace("; 90 Anwohner mussten", "; die Anwohner mussten", StringComparison.Ordinal);
        var rewrite = Doc(shorter.Replace("Rheinischer Bote", "Weserkurier", StringComparison.Ordinal), "rewrite.txt", outlet: "Weserkurier", language: "de", published: new DateOnly(2024, 11, 6));
        var rewritten = Assert.Single(Derivations(Run(source, rewrite)));
        Assert.Equal(rewrite.Id, rewritten.From);
    }

    [Fact]
    public void A_rewrite_that_gives_one_newer_figure_is_still_derived()
    {
        // Of the two sentences that state figures on both sides, one says another number each side (the crews counted
        // later): a rewrite that updates a detail, not another event's report (two such sentences would be).
        var source = Doc(Marvale, "source.txt", outlet: "Rheinischer Bote", language: "de", published: new DateOnly(2024, 11, 5));
        var updated = Marvale.Replace("Rund 110 Einsatzkräfte mit 7", "Rund 120 Einsatzkräfte mit 8", StringComparison.Ordinal)
            .Replace("um 17.25 Uhr ein; 90 Anwohner", "am Abend ein; die Anwohner", StringComparison.Ordinal)
            .Replace("© 2024 Rheinischer Bote. ", "", StringComparison.Ordinal);
        var rewrite = Doc(updated, "updated.txt", outlet: "Weserkurier", language: "de", published: new DateOnly(2024, 11, 6));
        Assert.Equal(rewrite.Id, Assert.Single(Derivations(Run(source, rewrite))).From);
    }
}
