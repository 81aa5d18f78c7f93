using static Triangulate.Tests.Unit.Link.LinkCorpus;

namespace Triangulate.Tests.Unit.Link;

/// <summary>
/// Two dated pages more than a week apart are no copy of each other (news is taken while it is news): two reports
/// written in one frame about two fires a month apart read like a rewrite, and are not one.
/// </summary>
public sealed class ProvenanceLagTests
{
    // German capitalises its nouns, so the frame's nouns read as names both reports share, and their facts seem to agree.
    private const string First =
        "Brand in Quellbach\nBrand in Quellbach: Zahl der Toten steigt auf 10.\n" +
        "Die Zahl der Toten nach dem Brand in einer Fabrik in Quellbach ist auf 10 gestiegen, teilte die Feuerwehr am Mittwoch mit.\n" +
        "Die Ermittler vermuten ein Gasleck als Ursache des Feuers in der Fabrik.\n" +
        "Die Polizei befragt den Besitzer des Gebäudes, sagte der Sprecher der Feuerwehr.\n";

    private const string Second =
        "Brand in Ostermoor\nBrand in Ostermoor: Zahl der Toten steigt auf 10.\n" +
        "Die Zahl der Toten nach dem Brand in einer Fabrik in Ostermoor ist auf 10 gestiegen, teilte die Feuerwehr am Mittwoch mit.\n" +
        "Die Ermittler vermuten ein Gasleck als Ursache des Feuers in der Fabrik.\n" +
        "Die Polizei befragt den Besitzer des Gebäudes, sagte der Sprecher der Feuerwehr.\n";

    [Fact]
    public void Two_reports_of_one_frame_a_month_apart_are_not_derived()
    {
        var context = Run(Report(First, "a.txt", new DateOnly(2024, 3, 6)), Report(Second, "b.txt", new DateOnly(2024, 4, 10)));
        Assert.Empty(Derivations(context));
    }

    [Fact]
    public void The_same_two_reports_a_day_apart_are_judged_by_their_text()
    {
        // Within days the dates do not decide: this pair reads as a rewrite, which is what the lag alone rules out above.
        var context = Run(Report(First, "a.txt", new DateOnly(2024, 3, 6)), Report(Second, "b.txt", new DateOnly(2024, 3, 7)));
        Assert.Single(Derivations(context));
    }

    private static Triangulate.Model.Document Report(string text, string name, DateOnly day) =>
        Doc(text, name, outlet: "Kreisbote " + name, language: "de", published: day);
}
