using Triangulate.Model;
using Triangulate.Reconcile;

namespace Triangulate.Link.Stories;

/// <summary>
/// Parts the units of a story (documents, a derived family counting once) that report two events of one kind and say
/// so: a unit whose headline states another value of a group's headline figure ("jailed for 4 years" against "to 5
/// years") or whose headline and lead give its event another street or building (<see cref="LeadPlaces"/>), and which
/// names none of the days the group names while both name some, reports another event; it is a cannot-link, and the
/// unit goes to a group it does not conflict with, or starts one. Two fires of one town, two sentencings by one judge,
/// told in one frame by the same officials, share the town, the officials and every template sentence, so no overlap of
/// words parts them, nor the splitter (a second event of two or three reports is under its smallest part); their
/// reports name their own day and their own street, figure or building, while every report of one event that names
/// its day names the same one (a follow-up names the day of its event beside the day of its update). A unit is
/// compared with each group's first reports only (<see cref="Leads"/>), so the work is the units times the groups.
/// </summary>
internal sealed class EventSeparation
{
    /// <summary>Documents of a small story above which <see cref="MayConflict"/> does not compare pairs.</summary>
    private const int MaxCheckedDocuments = 200;

    /// <summary>How many of a group's first units a unit's headline and lead are compared with (as the clusterer's first reports).</summary>
    public int Leads { get; init; } = 10;

    /// <summary>
    /// Days from a dated document's publication within which a day it names may be its event's (see <see cref="Profile.Add"/>):
    /// a follow-up names its event's day up to two weeks on.
    /// </summary>
    public int Reach { get; init; } = 14;

    /// <summary>What a unit says of its event: the days its documents name, and each document's headline figures and lead places.</summary>
    internal sealed class Profile
    {
        public HashSet<int> Days { get; } = [];

        public List<Dictionary<string, HashSet<string>>> Figures { get; } = [];

        public List<Dictionary<string, HashSet<string>>> Places { get; } = [];

        /// <summary>
        /// Each titled document's headline frame (<see cref="HeadlineNames"/>) with its words, these read from the whole
        /// text only when the frame is found substituted (few are), not for every document of a story split.
        /// </summary>
        public List<(Frame Headline, Lazy<DocumentWords> Words)> Headlines { get; } = [];

        /// <summary>The earliest publication day of its documents (int.MaxValue when none is dated): groups are founded in time order.</summary>
        public int First { get; set; } = int.MaxValue;

        /// <summary>
        /// Adds a document: the days it names (from its story terms) within <paramref name="reach"/> days of its
        /// publication when it is dated (a season's record set in 1961, a match two weeks before, are background, not
        /// its event), and its headline figures and lead places.
        /// </summary>
        public void Add(Document document, IEnumerable<int> named, int reach)
        {
            ArgumentNullException.ThrowIfNull(document);
            ArgumentNullException.ThrowIfNull(named);
            var published = StoryState.DaysOf(document.Published);
            foreach (var day in named)
                if (published is not { } p || (day >= p.First - reach && day <= p.Last + reach)) Days.Add(day);
            if (HeadlineFigures.Of(document.Title) is { Count: > 0 } figures) Figures.Add(figures);
            if (LeadPlaces.Of(document) is { Count: > 0 } places) Places.Add(places);
            if (HeadlineNames.Of(document.Title) is { Slots.Count: > 0 } headline)
            {
                var text = document.Text;
                Headlines.Add((headline, new Lazy<DocumentWords>(() => new DocumentWords(text))));
            }
            if (published is { } days) First = Math.Min(First, days.First);
        }
    }

    /// <summary>
    /// The groups of <paramref name="members"/> (indices into <paramref name="profiles"/>): one group when nothing says two
    /// events. Units are taken in time order; each joins the group it conflicts with none of that shares most of its
    /// days, then the one <paramref name="similarity"/> finds most alike (the earliest on a tie), or starts one;
    /// <paramref name="similarity"/> is asked about a unit and a group's units.
    /// </summary>
    public List<List<int>> Separate(List<int> members, Profile[] profiles, Func<int, List<int>, double> similarity)
    {
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(profiles);
        ArgumentNullException.ThrowIfNull(similarity);
        var order = members.OrderBy(u => profiles[u].First).ThenBy(u => u).ToList();
        var groups = new List<(List<int> Units, HashSet<int> Days)>();
        foreach (var u in order)
        {
            var profile = profiles[u];
            var best = -1;
            var bestShared = -1;
            var bestSimilarity = double.MinValue;
            for (var g = 0; g < groups.Count; g++)
            {
                var (units, days) = groups[g];
                if (Conflicts(profile, units, days, profiles)) continue;
                var shared = profile.Days.Count(days.Contains);
                var alike = similarity(u, units);
                if (shared > bestShared || (shared == bestShared && alike > bestSimilarity))
                    (best, bestShared, bestSimilarity) = (g, shared, alike);
            }
            if (best < 0)
            {
                groups.Add(([u], [.. profile.Days]));
                continue;
            }
            groups[best].Units.Add(u);
            groups[best].Days.UnionWith(profile.Days);
        }
        return [.. groups.Select(g => g.Units)];
    }

    /// <summary>
    /// Whether any two units' documents (<paramref name="units"/>: indices into <paramref name="documents"/>) state
    /// another value of one headline figure or give another lead place. <see cref="Conflicts"/> needs such a pair, so
    /// where there is none the story is one group and its documents' analyses need not be read. Reads documents only;
    /// the pairs are those of a story under the splitter's smallest size, bounded by <see cref="MaxCheckedDocuments"/>
    /// (a larger one is taken as possibly conflicting).
    /// </summary>
    public static bool MayConflict(IReadOnlyList<List<int>> units, IReadOnlyList<string> documents, ICorpusReader corpus,
        Func<string, LeadFacts?>? leads = null)
    {
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(corpus);
        if (units.Sum(u => u.Count) > MaxCheckedDocuments) return true;
        var said = new List<(int Unit, LeadFacts Facts)>();
        for (var u = 0; u < units.Count; u++)
            foreach (var d in units[u])
            {
                // What a story's first reports were read as already (the documents the story opened with, most often).
                if (leads?.Invoke(documents[d]) is { } known) said.Add((u, known));
                else if (corpus.FindDocument(documents[d]) is { } document) said.Add((u, LeadFacts.Of(document)));
            }
        for (var i = 0; i < said.Count; i++)
            for (var j = i + 1; j < said.Count; j++)
            {
                if (said[i].Unit == said[j].Unit) continue;
                var (a, b) = (said[i].Facts, said[j].Facts);
                if (HeadlineFigures.Conflict(a.Figures, b.Figures) || HeadlineFigures.Conflict(b.Figures, a.Figures)) return true;
                if (LeadPlaces.Conflict(a.Places, [b.Places]) || LeadPlaces.Conflict(b.Places, [a.Places])) return true;
                if (HeadlineNames.Substituted(a.Headline, b.Headline) is not null) return true;
            }
        return false;
    }

    /// <summary>
    /// Whether a unit reports another event than a group: both name days, none in common, and the unit's headline
    /// states another value of a figure one of the group's first units' headlines states and none states one of its
    /// figures alike, or its lead gives another place than they give and none gives its own.
    /// </summary>
    private bool Conflicts(Profile unit, List<int> group, HashSet<int> days, Profile[] profiles)
    {
        var leads = group.Take(Leads).Select(g => profiles[g]).ToList();
        // A headline in the frame of one of the group's with another name that neither report gives: another event
        // of that kind, whatever days they name.
        foreach (var (headline, words) in unit.Headlines)
            foreach (var lead in leads)
                foreach (var (other, otherWords) in lead.Headlines)
                    if (HeadlineNames.Substituted(headline, other) is { } names && !HeadlineNames.Named(words.Value, names.Other) && !HeadlineNames.Named(otherWords.Value, names.Own))
                        return true;
        if (unit.Days.Count == 0 || days.Count == 0 || unit.Days.Overlaps(days)) return false;
        // Headlines that agree on one figure (the score) report one event, whatever else they state apart (two players' yards).
        var figuresOf = leads.SelectMany(l => l.Figures).ToList();
        foreach (var figures in unit.Figures)
            if (figuresOf.Any(f => HeadlineFigures.Conflict(figures, f)) && !unit.Figures.Any(u => figuresOf.Any(f => HeadlineFigures.Agree(u, f)))) return true;
        foreach (var places in unit.Places)
            if (LeadPlaces.Conflict(places, leads.SelectMany(l => l.Places))) return true;
        return false;
    }
}
