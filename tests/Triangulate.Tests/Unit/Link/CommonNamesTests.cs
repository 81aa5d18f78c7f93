using Triangulate.Link;
using Triangulate.Link.Provenance;
using Triangulate.Model;
using static Triangulate.Tests.Unit.Link.LinkCorpus;

namespace Triangulate.Tests.Unit.Link;

/// <summary>
/// German capitalises every noun, so a fire report's Brand, Toten, Feuerwehr and Ursache read as names beside its town:
/// two reports of one template about two fires with the same toll then agreed on most of their "names". A capitalised
/// word that many of the language's documents carry is a common noun, found from the corpus itself, and states no fact.
/// </summary>
public sealed class CommonNamesTests
{
    private static readonly string[] Towns =
    [
        "Arlau", "Brenning", "Celdorf", "Dammsee", "Eibach", "Fennholt", "Gorwitz", "Haldrup", "Ilmsted", "Jorbeck",
        "Kelmar", "Lossen", "Murnach", "Nettwig", "Orlen", "Pfalzing", "Quarnitz", "Rossel", "Selbitz", "Tannrode",
        "Ulmsdorf", "Varnholt", "Wessling", "Xanthal", "Yberg", "Zernitz", "Altmoor", "Birkow", "Crailing", "Drossen",
    ];

    private static readonly string[] Causes = ["ein Gasleck", "eine brennende Zigarette", "ein Kurzschluss", "Brandstiftung", "ein defekter Heizofen"];

    private static readonly string[] Days = ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag"];

    private static string Toll(string town, int dead, string cause, string day, string chief, string outlet) => $"""
        Brand in {town}: Zahl der Toten steigt auf {dead}
        Die Zahl der Toten nach dem Brand in {town} ist auf {dead} gestiegen. Die Ermittler vermuten als Ursache {cause}, teilte die Feuerwehr am {day} mit.
        „Unsere Einsatzkräfte hatten mit großer Hitze und dichtem Rauch zu kämpfen“, sagte Feuerwehrchef {chief}.
        Die Polizei hat die Brandstelle abgesperrt und sucht nach Zeugen des Feuers.
        © 2024 {outlet}. Alle Rechte vorbehalten.
        """;

    /// <summary>Reports of thirty other fires, each of its own town, toll and day: the language's news of the kind.</summary>
    private static IEnumerable<Document> OtherFires()
    {
        for (var i = 0; i < Towns.Length; i++)
            yield return Doc(Toll(Towns[i], 10 + i, Causes[i % Causes.Length], Days[i % Days.Length], "Jurek Marrow", "Neue Zichi Presse"),
                $"fire-{i}.txt", outlet: "Neue Zichi Presse", language: "de", published: new DateOnly(2024, 9, 1).AddDays(i));
    }

    private static readonly Document Fohano = Doc(Toll("Fohano", 9, "ein Gasleck", "Dienstag", "Zobras Bekehoff", "Neue Zichi Presse"),
        "fohano.txt", outlet: "Neue Zichi Presse", language: "de", published: new DateOnly(2024, 11, 7));

    [Fact]
    public void Two_German_fires_of_one_template_with_the_same_toll_are_not_derived_from_each_other()
    {
        // Another fire, another town, cause, day and chief; the same toll, so no figure tells them apart.
        var anzino = Doc(Toll("Anzino", 9, "eine brennende Zigarette", "Mittwoch", "Badina Gohides", "Neue Zichi Presse"),
            "anzino.txt", outlet: "Neue Zichi Presse", language: "de", published: new DateOnly(2024, 11, 8));
        var context = Run(OtherFires().Append(Fohano).Append(anzino).ToArray());
        Assert.DoesNotContain(Derivations(context), r => r.From == anzino.Id && r.To == Fohano.Id);
    }

    [Fact]
    public void A_German_copy_and_a_rewrite_of_one_fire_are_still_derived()
    {
        var copy = Doc(Toll("Fohano", 9, "ein Gasleck", "Dienstag", "Zobras Bekehoff", "Erlow Rundschau"),
            "copy.txt", outlet: "Erlow Rundschau", language: "de", published: new DateOnly(2024, 11, 8));
        var rewrite = Doc("""
            Feuer in Fohano: Zahl der Toten steigt auf 9
            Nach dem Brand in Fohano ist die Zahl der Toten auf 9 gestiegen. Als Ursache vermuten die Ermittler ein Gasleck, teilte die Feuerwehr am Dienstag mit.
            „Unsere Einsatzkräfte hatten mit großer Hitze und dichtem Rauch zu kämpfen“, sagte Feuerwehrchef Zobras Bekehoff.
            Die Polizei hat die Brandstelle abgesperrt und sucht nach Zeugen des Feuers.
            """, "rewrite.txt", outlet: "Grorbic Zeitung", language: "de", published: new DateOnly(2024, 11, 8));
        var context = Run(OtherFires().Append(Fohano).Append(copy).Append(rewrite).ToArray());
        var derivations = Derivations(context);
        Assert.Contains(derivations, r => r.From == copy.Id && r.To == Fohano.Id);
        Assert.Contains(derivations, r => r.From == rewrite.Id && (r.To == Fohano.Id || r.To == copy.Id));
    }

    [Fact]
    public void A_capitalised_word_is_common_once_a_large_share_of_its_languages_documents_carry_it()
    {
        var names = new CommonNames(LinkState.Fresh());
        HashSet<ulong>? common = null;
        var fires = OtherFires().ToList();
        foreach (var fire in fires) common = names.Count("de", TextProfile.Build(fire));
        var last = TextProfile.Build(fires[^1]);
        // The frame's nouns are in every report; the last report's town is in it alone.
        Assert.NotNull(common);
        Assert.True(common.Count >= 4);
        Assert.True(common.Count < last.Names.Count);
        // English capitals mark names: its documents are not counted, and nothing is common there.
        Assert.Null(names.Count("en", last));
        // Two reports that share a name make it no noun, nor do ten of one event; a word in 10 of 1,000 is rare, in 60 common.
        Assert.False(CommonNames.IsCommon(2, 2));
        Assert.False(CommonNames.IsCommon(10, 20));
        Assert.False(CommonNames.IsCommon(10, 1000));
        Assert.True(CommonNames.IsCommon(60, 1000));
    }
}
