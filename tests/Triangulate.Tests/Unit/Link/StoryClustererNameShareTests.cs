using Triangulate.Link;
using Triangulate.Link.Stories;
using Triangulate.Model;
using static Triangulate.Tests.Unit.Link.LinkCorpus;

namespace Triangulate.Tests.Unit.Link;

public sealed class StoryClustererNameShareTests
{
    private static readonly DateOnly Tuesday = new(2024, 6, 4);

    // Two fires of one evening in two towns: the frame's words and the day they name are all they share.
    private const string First = """
        Blaze at a mill in Quarrendon
        A blaze swept through the old mill in Quarrendon in the evening, crews said, and smoke drifted over the river.
        Crews fought the blaze through the night before the roof collapsed.
        """;

    private const string Second = """
        Blaze at a depot in Hollowmere
        Smoke drifted over Hollowmere in the evening as a blaze gutted the bus depot, and crews said the roof collapsed.
        The crews fought on through the night.
        """;

    // A follow-up of the first fire: its town and its fire chief besides the day.
    private const string FollowUp = """
        Quarrendon mill blaze: chief Odessa Fenwright blames wiring
        Fire chief Odessa Fenwright said faulty wiring started the blaze at the Quarrendon mill in the evening.
        """;

    private static (Document, DocumentAnalysis) Report(string text, string source, int published) =>
        NamingDay(text, source, Tuesday.AddDays(published), Tuesday);

    private static CorpusContext Cluster(StoryClusterer clusterer, params (Document, DocumentAnalysis)[] items) => Run(clusterer, items);

    [Fact]
    public void Two_fires_in_two_towns_sharing_only_a_day_and_the_frame_are_two_stories()
    {
        var items = new[] { Report(First, "1.txt", 0), Report(Second, "2.txt", 0) };
        var placements = new List<StoryPlacement>();
        // The word-share rule is set aside (the day carries enough here that it would not refuse either way in larger
        // stories): without the name-share rule the day and the frame's words carry the second fire into the first's story.
        var joined = Cluster(new StoryClusterer { HeadlineNameConflict = false, Splitter = new StorySplitter { Events = null }, MaxWordShare = 2, MinNameShare = 0, Placed = placements.Add }, items);
        Assert.Single(joined.Stories);
        var second = placements.Single(p => p.Document == "d-2.txt");
        Assert.True(second.WordShare + second.DayShare > 0.7, $"words {second.WordShare:F2}, day {second.DayShare:F2}");
        // With it, names and numbers carry too little of that similarity: two stories.
        Assert.Equal(2, Cluster(new StoryClusterer { MaxWordShare = 2 }, items).Stories.Count);
        Assert.Equal(2, Cluster(new StoryClusterer(), items).Stories.Count);
    }

    [Fact]
    public void A_follow_up_naming_the_town_and_its_people_still_joins()
    {
        var items = new[] { Report(First, "1.txt", 0), Report(FollowUp, "2.txt", 1) };
        Assert.Single(Cluster(new StoryClusterer(), items).Stories);
    }

    [Fact]
    public void German_nouns_common_among_german_reports_do_not_join_quakes_in_two_towns()
    {
        // German reports of quakes in six towns, in one frame whose nouns are capitalised as every German noun is.
        string[] towns = ["Lindahof", "Berenwald", "Kesselbach", "Ormstedt", "Palingen", "Rauheim"];
        string[] sentences =
        [
            "Nach dem Erdbeben in {0} suchten Rettungskräfte in den Trümmern nach Überlebenden.",
            "Viele Gebäude in {0} stürzten ein, wie die Behörden mitteilten.",
            "Die Menschen in {0} verbrachten die Nacht im Freien, sagten die Behörden.",
            "Rettungskräfte brachten Verletzte aus {0} in die Krankenhäuser der Region.",
            "Die Behörden in {0} zählten in der Nacht beschädigte Gebäude und Straßen.",
            "Überlebende in {0} berichteten von Trümmern auf den Straßen und Menschen in Not.",
        ];
        var documents = new List<Document>();
        foreach (var town in towns)
        {
            var i = documents.Count;
            // Each report shares at most one sentence with another: reports of their own, not copies.
            var body = string.Format(System.Globalization.CultureInfo.InvariantCulture, sentences[i] + " " + sentences[(i + 1) % sentences.Length], town);
            documents.Add(Doc($"Erdbeben nahe {town}\n{body}", $"{i}.txt", language: "de", published: Tuesday.AddDays(i / 2)));
        }
        var last = documents[^1].Id;
        int Members(CorpusContext context) => context.Stories.Single(s => s.Documents.Contains(last)).Documents.Count;
        // Read as names, the frame's nouns weigh double and carry the last town's quake into an earlier town's story.
        var items = documents.Select(d => (d, new DocumentAnalysis { DocumentId = d.Id })).ToArray();
        Assert.True(Members(Cluster(new StoryClusterer { CommonNounShare = 0, HeadlineNameConflict = false, Splitter = new StorySplitter { Events = null } }, items)) > 1);
        // Read as the common nouns they are (by then in most German reports), it is a story of its own.
        Assert.Equal(1, Members(Cluster(new StoryClusterer(), items)));
    }

    [Fact]
    public void Terms_lists_capitalised_words_among_the_names_and_plain_words_not()
    {
        var document = Doc("Quake shakes Tolleby\nA quake shook Tolleby, the Survey said.", "1.txt");
        var names = new HashSet<ulong>();
        StoryFeatures.Terms(document, new DocumentAnalysis { DocumentId = document.Id }, null, null, names);
        Assert.Contains(LinkText.Hash("@" + LinkText.NameKey("Tolleby")), names);
        Assert.DoesNotContain(LinkText.Hash("@" + LinkText.NameKey("quake")), names);
    }
}
