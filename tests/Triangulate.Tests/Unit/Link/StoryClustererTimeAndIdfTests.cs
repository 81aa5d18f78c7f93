using Triangulate.Link.Stories;
using Triangulate.Model;
using static Triangulate.Tests.Unit.Link.LinkCorpus;

namespace Triangulate.Tests.Unit.Link;

public sealed class StoryClustererTimeAndIdfTests
{
    [Fact]
    public void Reports_of_one_event_months_apart_are_two_stories_unless_strongly_alike_and_an_undated_report_joins()
    {
        const string first = """
            Bridge closed in Tolleby
            The old stone bridge in Tolleby was closed on Monday after engineers found cracks in two arches, the council said.
            Traffic will be diverted through Harnmoor for at least a month.
            Local shops fear losing trade during the summer season.
            """;
        const string second = """
            Tolleby bridge repairs to start
            Repair crews will begin work on the damaged bridge at Tolleby next week, officials said.
            The council has set aside money for new arches and a temporary weight limit.
            Drivers have complained about long detours on narrow lanes.
            """;
        // The time-window mechanism at the thresholds this pair was written for (the defaults are tuned on real news).
        static StoryClusterer Mechanism(Action<string, string?, double, double, int, int>? trace = null) => new() { JoinThreshold = 0.15, StrongThreshold = 0.3, Trace = trace };
        var original = Doc(first, "1.txt", published: new DateOnly(2024, 5, 1));
        var cosines = new List<double>();
        var close = Doc(second, "2.txt", published: new DateOnly(2024, 5, 4));
        Assert.Single(Run(Mechanism((_, story, cosine, _, _, _) => { if (story is not null) cosines.Add(cosine); }), original, close).Stories);
        // Alike enough to join within the window, not enough to join whatever the distance.
        Assert.InRange(Assert.Single(cosines), 0.15, 0.3);
        Assert.Equal(2, Run(Mechanism(), original, Doc(second, "2.txt", published: new DateOnly(2024, 9, 1))).Stories.Count);
        Assert.Single(Run(Mechanism(), original, Doc(second, "2.txt")).Stories);
        // Strongly alike reports (same town, mayor, river and figure) stay one story months apart.
        Assert.Single(Run(Mechanism(), Doc(Texts.FloodOriginal, "1.txt", published: new DateOnly(2024, 5, 1)),
            Doc(Texts.FloodIndependent, "2.txt", published: new DateOnly(2024, 9, 1))).Stories);
    }

    [Fact]
    public void The_similarity_needed_to_join_rises_beyond_the_window_up_to_the_strong_threshold()
    {
        var clusterer = new StoryClusterer { JoinThreshold = 0.15, WindowDays = 3, DecayDays = 7, StrongThreshold = 0.3 };
        var story = new StoryState();
        var day = new DateOnly(2024, 5, 1);
        story.Add(Doc(Texts.FloodOriginal, "1.txt", published: day), [], 160);
        (int, int) At(int offset) => (day.DayNumber + offset, day.DayNumber + offset);
        Assert.Equal(0.15, clusterer.Required(null, story));
        Assert.Equal(0.15, clusterer.Required(At(-3), story));
        Assert.Equal(0.15, clusterer.Required(At(3), story));
        Assert.Equal(0.15 * Math.Exp(2 / 7.0), clusterer.Required(At(5), story), 6);
        Assert.Equal(0.3, clusterer.Required(At(60), story));
        Assert.Equal(0.15, clusterer.Required(At(60), new StoryState()));
    }

    [Fact]
    public void A_day_the_text_names_is_a_story_feature_and_a_month_is_not()
    {
        // Two fires in one town a week apart are told in the same words; the day each report names tells them apart.
        var document = Doc("Fire in Tolleby\nA fire destroyed a barn in Tolleby on Monday, the fire service said.", "1.txt", published: new DateOnly(2024, 5, 8));
        static TimeExpression Time(PartialDate start, PartialDate end) => new() { Span = new TextSpan("1.txt", 0, 1), Start = start, End = end };
        var analysis = new DocumentAnalysis
        {
            DocumentId = document.Id,
            Times = [Time(new PartialDate(2024, 5, 6), new PartialDate(2024, 5, 6)), Time(new PartialDate(2024, 5), new PartialDate(2024, 5)), Time(new PartialDate(2024, 5, 1), new PartialDate(2024, 5, 3))],
        };
        var terms = StoryFeatures.Terms(document, analysis);
        static ulong Day(string day) => Triangulate.Link.LinkText.Hash("@day:" + day);
        Assert.True(terms.TryGetValue(Day("2024-05-06"), out var monday) && monday.Boost == StoryFeatures.NameBoost);
        Assert.DoesNotContain(Day("2024-05"), terms.Keys);
        Assert.DoesNotContain(Day("2024-05-01"), terms.Keys);
    }

    [Fact]
    public void A_name_seen_in_many_documents_weighs_less_than_a_name_seen_once()
    {
        var document = Doc("Notes from the valley\nThe mayor met Quillon and Harlow at the market on a quiet day.", "1.txt");
        static ulong Name(string word) => Triangulate.Link.LinkText.Hash("@" + Triangulate.Link.LinkText.NameKey(word));
        var df = new Dictionary<ulong, int> { [Name("Harlow")] = 900 };
        var vector = StoryFeatures.Vector(document, new DocumentAnalysis { DocumentId = document.Id }, df, 1000, 40, out var lookup, 0.5);
        var harlow = vector.FindIndex(f => f.Feature == Name("Harlow"));
        var quillon = vector.FindIndex(f => f.Feature == Name("Quillon"));
        Assert.True(harlow >= 0 && quillon >= 0);
        Assert.True(vector[harlow].Weight < vector[quillon].Weight / 4, $"{vector[harlow].Weight} vs {vector[quillon].Weight}");
        // Nearly everywhere: not worth looking up in the story index.
        Assert.False(lookup[harlow]);
        Assert.True(lookup[quillon]);
        Assert.Equal(901, df[Name("Harlow")]);
    }

    [Fact]
    public void A_council_named_in_every_report_stops_gluing_unrelated_events_once_it_is_common()
    {
        // A hundred unrelated events (own town, own official, own figure) told in the same words and all mentioning one
        // council. While the corpus is small the shared words still weigh (the idf prior) and early documents clump;
        // once they are in most documents seen they weigh next to nothing and the events stay apart.
        string[] heads = ["Tol", "Har", "Brem", "Cast", "Dun", "Eld", "Fern", "Glen", "Holm", "Ivor"];
        string[] tails = ["by", "mere", "wick", "stead", "ford", "thorpe", "dale", "ton", "ham", "well"];
        var docs = new List<Document>();
        for (var i = 0; i < 100; i++)
        {
            // Town, official and figure are the event's own; everything else is the same in every report.
            var town = heads[i % 10] + tails[i / 10];
            var official = heads[i % 10] + tails[i / 10] + "a " + heads[(i + 5) % 10] + tails[(i / 10 + 3) % 10] + "er";
            var text = $"{town} damage report\n{official} said {100 + i * 37} homes in {town} were damaged this spring.\n" +
                $"The Brightwater Council will meet on Friday.\nPeople in {town} want answers from {official}.";
            docs.Add(Doc(text, $"{i}.txt"));
        }
        var stories = Run([.. docs]).Stories;
        Assert.True(stories.Count >= 50, $"{stories.Count} stories");
        // Past the first few dozen documents every event is a story of its own.
        Assert.True(stories.Count(x => x.Documents.Count == 1) >= 50, $"{stories.Count(x => x.Documents.Count == 1)} single-document stories");
    }
}
