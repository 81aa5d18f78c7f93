using System.Text;
using Triangulate.Model;

namespace Triangulate.Reconcile;

/// <summary>
/// Finds claims that cannot all be true: exclusive statuses of one subject (killed, wounded, unharmed) at one time,
/// values of one measure and subject at one moment that do not overlap beyond their hedges and rounding, and one event
/// placed on days that do not overlap. Conservative by design, since a false alarm costs an analyst more than a miss:
/// figures tied to their own moment ("at its peak", "now") or to different times form a series instead; claims whose
/// every mention comes from one independence group with no distinct attribution are one voice, not two; statuses
/// such as "not seen" exclude nothing. Connected conflicts of one subject become one contradiction, and their claims
/// are marked contested.
/// </summary>
public sealed class ContradictionStage : ICorpusStage
{
    /// <summary>Relative gap beyond hedges and rounding below which two figures are not called contradictory (10%: reporting noise such as conversions and cut-off dates).</summary>
    public const double MinimumGap = 0.10;

    /// <inheritdoc />
    public string Name => "contradictions";

    /// <inheritdoc />
    public void Run(CorpusContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var claims = context.Claims;
        var features = new ClaimFacts[claims.Count];
        var index = new BlockingIndex();
        for (var i = 0; i < claims.Count; i++)
        {
            var f = features[i] = new ClaimFacts(claims[i], context);
            var prefix = claims[i].Kind switch
            {
                ClaimKind.Status when f.StatusGroup is not null => "s|" + f.StatusGroup + "|",
                ClaimKind.Quantity when claims[i].Measure is not null => "q|" + claims[i].Measure!.ToLowerInvariant() + "|",
                ClaimKind.Event => "e|",
                _ => null,
            };
            if (prefix is null) continue;
            foreach (var word in f.SubjectWords) index.Add(prefix + word, i);
        }
        var sets = new UnionFind(claims.Count);
        var conflicted = new bool[claims.Count];
        foreach (var (a, b) in index.Pairs())
        {
            if (!Conflict(features[a], features[b])) continue;
            sets.Union(a, b);
            conflicted[a] = conflicted[b] = true;
        }
        Contradict(context, sets, conflicted, features);
    }

    /// <summary>Adds one contradiction per connected set of conflicting claims and marks those claims contested.</summary>
    internal static void Contradict(CorpusContext context, UnionFind sets, bool[] conflicted, ClaimFacts[] features)
    {
        var contested = new HashSet<string>(StringComparer.Ordinal);
        foreach (var set in sets.Sets())
        {
            if (set.Count < 2 || !conflicted[set[0]]) continue;
            var members = new List<ClaimFacts>(set.Count);
            foreach (var i in set) members.Add(features[i]);
            context.Contradictions.Add(Describe(members, context));
            foreach (var m in members) contested.Add(m.Claim.Id);
        }
        MarkContested(context, contested);
        context.Contradictions.Sort(static (x, y) => string.CompareOrdinal(x.Id, y.Id));
    }

    /// <summary>Sets the verdict of the claims named to contested.</summary>
    internal static void MarkContested(CorpusContext context, HashSet<string> ids)
    {
        for (var i = 0; i < context.Claims.Count; i++)
            if (ids.Contains(context.Claims[i].Id)) context.Claims[i] = context.Claims[i] with { Verdict = Verdict.Contested };
    }

    /// <summary>True when the two claims cannot both be true (and come from distinct voices).</summary>
    internal static bool Conflict(ClaimFacts a, ClaimFacts b)
    {
        var x = a.Claim;
        var y = b.Claim;
        if (x.Kind != y.Kind || !a.SameSubject(b) || !ClaimFacts.DistinctVoices(a, b)) return false;
        // A writer who gives both, in one voice, holds both true: they are two things, not one in dispute.
        if (ClaimFacts.OneVoiceGivesBoth(a, b)) return false;
        // Two reports in one form with another name or hour around the claim ("… 7:15 a.m.; police evacuated 12" /
        // "… 9:05 p.m.; police evacuated 123") are two events' reports: a conflict needs one event, not one form.
        if (ClaimFacts.OtherEventsForm(a, b)) return false;
        switch (x.Kind)
        {
            case ClaimKind.Status:
                // A group's members can meet different fates ("soldiers killed" and "soldiers wounded" are both true);
                // only one person or thing cannot be both dead and unharmed.
                return a.StatusGroup is not null && a.StatusGroup == b.StatusGroup && x.Status != y.Status
                    && !IsGroup(x.Subject) && !IsGroup(y.Subject) && !IsAnother(x.Subject) && !IsAnother(y.Subject)
                    && DraftFeatures.TimesCompatible(x.Time, y.Time);
            case ClaimKind.Quantity:
                if (!string.Equals(x.Measure, y.Measure, StringComparison.OrdinalIgnoreCase)) return false;
                // Two figures that say nothing of what they count ("$1.07 billion", "$5.05 billion") share only their
                // measure: corroboration asks their sentences to be alike, a conflict asks at least a subject.
                if (string.IsNullOrWhiteSpace(x.Subject) || string.IsNullOrWhiteSpace(y.Subject)) return false;
                // A figure that picks its thing out ("a 12-inch laptop") names which one, not how much: another value is
                // another thing. A change ("cut 4,000 jobs") is a part of the level it changes ("has 12,500 staff").
                if (a.Attributive || b.Attributive || a.Change != b.Change) return false;
                // "67 km north-east of Pumsostad" and "45 km east of Lozec" are distances from two places: two quantities.
                if (!ClaimFacts.SameReference(a, b)) return false;
                if (!string.IsNullOrEmpty(x.Value?.Unit) && !string.IsNullOrEmpty(y.Value?.Unit)
                    && !string.Equals(x.Value.Unit, y.Value.Unit, StringComparison.OrdinalIgnoreCase)) return false;
                // The same moment: both dated and overlapping, or neither dated nor tied to a moment of its own.
                var bx = DraftFeatures.Bounds(x.Time);
                var by = DraftFeatures.Bounds(y.Time);
                // Undated figures never conflict: without a stated time there is no telling a change over time (or
                // another place) from a disagreement, and false alarms cost analysts more than misses.
                // A month is not a moment: territory changes hands and new units arrive within one, so "400 to 500
                // troops last month" and "thousands of troops last month" can both hold. Only figures for one day compare.
                var sameMoment = bx is not null && by is not null && ToTheDay(x.Time) && ToTheDay(y.Time)
                    && DraftFeatures.TimesCompatible(x.Time, y.Time) && !a.Qualified && !b.Qualified;
                // A toll of the killed and a count of the injured (or of a force) are different counts, not two values of one.
                return sameMoment && ContentWords.Jaccard(a.SubjectWords, b.SubjectWords) >= 0.5
                    && Figures.Gap(x.Value, y.Value) > MinimumGap && ClaimMatcher.FatesAgree(a.Fates, b.Fates);
            case ClaimKind.Event:
                // One event on days that cannot overlap: both stated to the day, at least two days apart (time zones and "overnight").
                if (ContentWords.Jaccard(a.TextWords, b.TextWords) < ClaimMatcher.SameText) return false;
                if (!ToTheDay(x.Time) || !ToTheDay(y.Time)) return false;
                var ex = DraftFeatures.Bounds(x.Time)!.Value;
                var ey = DraftFeatures.Bounds(y.Time)!.Value;
                return ey.Start.DayNumber - ex.End.DayNumber >= 2 || ex.Start.DayNumber - ey.End.DayNumber >= 2;
            default:
                return false;
        }
    }

    /// <summary>
    /// True for a bearer that is a plural phrase ("their comrades", "Chilean troops", "people"), not an entity: the
    /// head noun is plural by its "-s" (not "-ss", "-us", "-is") or is a common plural without one.
    /// </summary>
    internal static bool IsGroup(string? subject)
    {
        if (subject is null || ContentWords.IsEntityId(subject)) return false;
        var space = subject.LastIndexOf(' ');
        var head = subject.AsSpan(space + 1).Trim();
        if (head.Length < 3) return false;
        if (head.Equals("people", StringComparison.OrdinalIgnoreCase) || head.Equals("children", StringComparison.OrdinalIgnoreCase)
            || head.Equals("men", StringComparison.OrdinalIgnoreCase) || head.Equals("women", StringComparison.OrdinalIgnoreCase)
            || head.Equals("police", StringComparison.OrdinalIgnoreCase) || head.Equals("personnel", StringComparison.OrdinalIgnoreCase)) return true;
        return (head[^1] is 's' or 'S') && !head.EndsWith("ss", StringComparison.OrdinalIgnoreCase)
            && !head.EndsWith("us", StringComparison.OrdinalIgnoreCase) && !head.EndsWith("is", StringComparison.OrdinalIgnoreCase);
    }

    // Words that set one member of a kind apart from another: "the second deputy", "another officer", "the other driver".
    private static readonly string[] OtherMember = ["another", "other", "second", "third", "fourth", "fifth"];

    /// <summary>
    /// True for a bearer described as another member of its kind ("the second deputy was injured" beside "Deputy Ruiz
    /// was killed"): the description itself says it is not the one named, so their fates are two people's.
    /// </summary>
    internal static bool IsAnother(string? subject)
    {
        if (subject is null || ContentWords.IsEntityId(subject)) return false;
        foreach (var word in subject.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            foreach (var other in OtherMember)
                if (word.Equals(other, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    private static bool ToTheDay(DateRange? range) =>
        range is not null && (range.Start ?? range.End)?.Day is not null && (range.End ?? range.Start)?.Day is not null;

    private static Contradiction Describe(List<ClaimFacts> members, CorpusContext context)
    {
        members.Sort(static (p, q) => string.CompareOrdinal(p.Claim.Id, q.Claim.Id));
        var first = members[0].Claim;
        // Subjects that are entity ids are named for people to read.
        if (first.Subject is { } id && context.EntityName(id) is { } name) first = first with { Subject = name };
        var about = first.Kind switch
        {
            ClaimKind.Status => "the fate of " + (first.Subject ?? "the subject"),
            ClaimKind.Quantity => (first.Measure ?? "figure") + " of " + (first.Subject ?? "the subject"),
            _ => "when " + first.Text + " happened",
        };
        var text = new StringBuilder();
        for (var i = 0; i < members.Count; i++)
        {
            var claim = members[i].Claim;
            if (i > 0) text.Append(i == members.Count - 1 ? " while " : "; ");
            text.Append(members[i].Voices()).Append(claim.Kind switch
            {
                ClaimKind.Status => " says " + claim.Status,
                ClaimKind.Quantity => " gives " + Figures.Describe(claim.Value),
                _ => " dates it " + DescribeTime(claim.Time),
            });
        }
        text.Append(" (").Append(about).Append(").");
        var ids = new List<string>(members.Count);
        foreach (var m in members) ids.Add(m.Claim.Id);
        return new Contradiction
        {
            Id = StableId.Of("x", [.. ids]),
            About = about,
            Claims = ids,
            Explanation = char.ToUpperInvariant(text[0]) + text.ToString(1, text.Length - 1),
        };
    }

    private static string DescribeTime(DateRange? time) =>
        DraftFeatures.Bounds(time) is { } b ? (b.Start == b.End ? b.Start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
            : b.Start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + " to " + b.End.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)) : "undated";
}
