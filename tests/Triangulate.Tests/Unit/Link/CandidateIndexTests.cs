using System.Globalization;
using Triangulate.Link;
using Triangulate.Link.Provenance;
using static Triangulate.Tests.Unit.Link.LinkCorpus;

namespace Triangulate.Tests.Unit.Link;

/// <summary>
/// The provenance stage's candidate search at scale: crowded keys and buckets must not stop a later document from
/// meeting its source (a long stream reuses frames and names), and a translation must not be crowded out by pages of
/// its own language that share the genre's words.
/// </summary>
public sealed class CandidateIndexTests
{
    private const string Notice = "Headline\nThe harbour office of Pellmoor posted its daily tide notice for the northern quays this morning, listing the berths open to barges.\n";

    [Fact]
    public void A_crowded_bucket_keeps_its_latest_documents_so_a_new_copy_meets_the_last_one()
    {
        // The same notice, posted again and again: its LSH buckets fill. The 71st posting must still meet the 70th.
        var index = new CandidateIndex();
        var profile = TextProfile.Build(Doc(Notice, "notice.txt"));
        for (var key = 1L; key <= 70; key++) index.Add(profile, key);
        var candidates = index.Add(profile, 71);
        Assert.Contains(70L, candidates);
    }

    [Fact]
    public void Names_crowded_long_ago_count_again_once_the_stream_has_moved_on()
    {
        // Pellmoor's names were in 60 reports early in the stream, then in none for 2,000 documents; a report about
        // Pellmoor and its translation must meet on those names.
        var (index, source) = Stream(between: 2000);
        var candidates = index.Add(TextProfile.Build(Doc(Translation, "translation.txt", language: "fr")), source + 1);
        Assert.Contains(source, candidates);
    }

    [Fact]
    public void Names_crowded_among_the_recent_documents_still_do_not_count()
    {
        // The same reports without the documents between: Pellmoor's names are in the news now, and name the story.
        var (index, source) = Stream(between: 0);
        var candidates = index.Add(TextProfile.Build(Doc(Translation, "translation.txt", language: "fr")), source + 1);
        Assert.DoesNotContain(source, candidates);
    }

    [Fact]
    public void A_translation_meets_its_source_among_many_pages_of_its_language_in_the_same_frame()
    {
        // Fourteen French reports of other strikes share the frame's long words with the translation, more of them than
        // the names and figures it shares with its English source: ranked together, they fill every place.
        var index = new CandidateIndex();
        const long source = 1;
        index.Add(TextProfile.Build(Doc(Source, "source.txt")), source);
        for (var i = 0; i < 14; i++)
            index.Add(TextProfile.Build(Doc(FrenchFrame("Vorland" + (char)('a' + i), 100 + i), $"other{i}.txt", language: "fr")), 2 + i);
        var candidates = index.Add(TextProfile.Build(Doc(Translation, "translation.txt", language: "fr")), 100);
        Assert.Contains(source, candidates);
    }

    /// <summary>
    /// An index that has read 60 reports naming Pellmoor's harbourmaster and union man, then <paramref name="between"/>
    /// unrelated documents, then the English report the translation renders (its key returned).
    /// </summary>
    private static (CandidateIndex Index, long Source) Stream(int between)
    {
        var index = new CandidateIndex();
        var key = 0L;
        var early = TextProfile.Build(Doc("Headline\nAn earlier storm closed the quays at Pellmoor, harbourmaster Ostrava Quillen and the union's Brannick said.\n", "early.txt"));
        for (var i = 0; i < 60; i++) index.Add(early, ++key);
        for (var i = 0; i < between; i++)
            index.Add(TextProfile.Build(Doc(string.Create(CultureInfo.InvariantCulture, $"Headline\nItem number {i} of the garden column about tomatoes and beans.\n"), "filler.txt")), ++key);
        index.Add(TextProfile.Build(Doc(Source, "source.txt")), ++key);
        return (index, key);
    }

    /// <summary>An English report on a strike at Pellmoor's docks.</summary>
    private const string Source =
        "Headline\nDockers at Pellmoor walked out on Tuesday, 412 of them, harbourmaster Ostrava Quillen said.\n" +
        "The union leader Brannick Toller demanded higher wages for the crews.\n";

    /// <summary>Its French rendering: none of the English words, the same names and figures, and a paragraph of the French frame.</summary>
    private const string Translation =
        "Titre\nMardi, 412 dockers de Pellmoor se sont mis en grève, selon le capitaine du port Ostrava Quillen.\n" +
        "Le syndicaliste Brannick Toller réclame une hausse des salaires.\n" +
        "Les négociations avec la direction portuaire reprendront jeudi matin, selon plusieurs délégués syndicaux.\n";

    /// <summary>A French report of another strike in the translation's frame: its long words, another town and figure, no shared name.</summary>
    private static string FrenchFrame(string town, int dockers) => string.Create(CultureInfo.InvariantCulture,
        $"Titre\nMardi, {dockers} dockers de {town} se sont mis en grève, selon le capitaine du port.\n" +
        $"Le syndicaliste réclame une hausse des salaires.\n" +
        $"Les négociations avec la direction portuaire reprendront jeudi matin, selon plusieurs délégués syndicaux.\n");
}
