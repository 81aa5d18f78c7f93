using Triangulate.Link;
using Triangulate.Link.Stories;
using Triangulate.Model;
using static Triangulate.Tests.Unit.Link.LinkCorpus;

namespace Triangulate.Tests.Unit.Link;

public sealed class StoryFeaturesNameTests
{
    private static ulong Name(string word) => LinkText.Hash("@" + LinkText.NameKey(word));

    [Fact]
    public void The_words_of_a_long_name_share_one_name_boost_and_a_one_word_town_keeps_its_own()
    {
        var document = Doc("Quake shakes Tolleby\nA strong quake shook the valley near Tolleby overnight, the Norvik Regional Seismological Centre said.", "1.txt");
        var terms = StoryFeatures.Terms(document, new DocumentAnalysis { DocumentId = document.Id });
        Assert.Equal(StoryFeatures.NameBoost, terms[Name("Tolleby")].Boost);
        string[] agency = ["Norvik", "Regional", "Seismological", "Centre"];
        // Together the four words weigh (in the vector's norm) no more than the one-word town; each still weighs as much as a plain word.
        Assert.InRange(agency.Sum(w => terms[Name(w)].Boost * terms[Name(w)].Boost), 0, StoryFeatures.NameBoost * StoryFeatures.NameBoost + 1e-9);
        Assert.All(agency, w => Assert.True(terms[Name(w)].Boost >= terms[LinkText.Hash("quake")].Boost));
    }

    [Fact]
    public void The_parts_of_an_entitys_name_share_one_name_boost_and_a_name_said_alone_keeps_its_own()
    {
        var document = Doc("Dam inspected\nInspectors walked the dam on Monday. Officials from Harnmoor were not present.", "1.txt");
        var board = new Entity { Id = "e1", Name = "Harnmoor Water Board", Type = EntityType.Organization, Mentions = [] };
        var terms = StoryFeatures.Terms(document, new DocumentAnalysis { DocumentId = document.Id, Entities = [board] });
        Assert.True(terms[Name("Water")].Boost < StoryFeatures.NameBoost);
        Assert.Equal(terms[Name("Water")].Boost, terms[Name("Board")].Boost);
        // "Harnmoor" also stands alone in the text: a name said on its own weighs as one.
        Assert.Equal(StoryFeatures.NameBoost, terms[Name("Harnmoor")].Boost);
    }

    [Fact]
    public void Quakes_in_two_towns_quoting_one_long_agency_name_are_two_stories()
    {
        const string first = """
            Quake shakes Tolleby
            Houses cracked in Tolleby after a quake before dawn, according to the Norvik Regional Seismological Observatory Centre.
            Schools in Tolleby stayed shut while engineers checked bridges.
            """;
        const string second = """
            Harnmoor jolted
            A shallow quake rattled windows across Harnmoor on Tuesday afternoon, the Norvik Regional Seismological Observatory Centre reported.
            Farmers near Harnmoor counted fallen walls and injured sheep.
            """;
        // Only the agency's five words and "quake" are shared: at two name boosts a word the agency glued the
        // two (cosine ~0.39 against a join threshold of 0.22); as one name they stay apart (~0.17).
        var context = Run(Doc(first, "1.txt", published: new DateOnly(2024, 5, 1)), Doc(second, "2.txt", published: new DateOnly(2024, 5, 2)));
        Assert.Equal(2, context.Stories.Count);
    }
}
