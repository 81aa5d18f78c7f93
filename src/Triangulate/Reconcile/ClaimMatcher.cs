using Triangulate.Model;

namespace Triangulate.Reconcile;

/// <summary>
/// Decides whether two claim drafts state the same thing. Rules by kind: quantities need the same measure, the same
/// subject, compatible times and values that overlap beyond their hedges and rounding; statuses the same status of the
/// same subject; events the same subject and most content words; statements a compatible speaker and either most words
/// or the anchors that survive paraphrase and translation (numbers, names, rare words).
/// </summary>
internal static class ClaimMatcher
{
    /// <summary>Word-set similarity above which two texts say the same (token-set Jaccard; paraphrases of one sentence score 0.4–0.7, unrelated sentences of one story under 0.2).</summary>
    public const double SameText = 0.5;

    /// <summary>
    /// Word-set similarity of two figures' sentences (less the figures) from which unnamed figures count the same
    /// thing. Low on purpose: a restatement of a figure shares a few of its sentence's words ("offer", the team, the
    /// years); the same round sum about another thing usually shares none. Tried on the look half of ecb-dev: 0.2
    /// cut more same-event pairs than cross-event ones (20 against 11), 0.1 fewer (4 against 6).
    /// </summary>
    public const double SameContext = 0.1;

    /// <summary>True when the two drafts are mentions of one claim.</summary>
    public static bool Match(DraftFeatures a, DraftFeatures b)
    {
        if (a.Draft.Kind != b.Draft.Kind || !DraftFeatures.TimesCompatible(a.Time, b.Time)) return false;
        // One report form filled in for two events ("… in Iwick on Wednesday" / "… in Iwick on Sunday") is two facts.
        if (ClaimFrames.Substituted(a.Frame, b.Frame)) return false;
        return a.Draft.Kind switch
        {
            ClaimKind.Quantity => a.Measure is not null && a.Measure == b.Measure && UnitsAgree(a.Draft.Value, b.Draft.Value)
                && a.SameSubject(b) && FatesAgree(a.Fates, b.Fates) && SameContextWhenUnnamed(a, b) && Figures.Agree(a.Draft.Value, b.Draft.Value)
                && !OtherFiguresInOneForm(a, b) && BoundOfOneSubject(a, b) && ApproximationOfItsNumber(a, b) && a.Average == b.Average && a.Each == b.Each
                && Figures.SameReference(a.Reference, b.Reference)
                && !ClaimFrames.NamedAgainstNone(a.Frame, b.Frame),
            ClaimKind.Status => a.Status is not null && a.Status == b.Status && a.SameSubject(b),
            ClaimKind.Event => a.SameSubject(b) && ContentWords.Jaccard(a.TextWords, b.TextWords) >= SameText,
            ClaimKind.Statement => SpeakersAgree(a.SpeakerWords, b.SpeakerWords) && SameWords(a.TextWords, a.Anchors, b.TextWords, b.Anchors),
            _ => false,
        };
    }

    /// <summary>Same words, or (for translations and paraphrases) two shared anchors and some shared words.</summary>
    public static bool SameWords(string[] aWords, string[] aAnchors, string[] bWords, string[] bAnchors)
    {
        var similarity = ContentWords.Jaccard(aWords, bWords);
        if (similarity >= SameText) return true;
        return ContentWords.Shared(aAnchors, bAnchors) >= 2 && similarity >= 0.2;
    }

    /// <summary>Speakers agree when both are unknown, or their words mostly coincide ("Smith" and "John Smith").</summary>
    public static bool SpeakersAgree(string[] a, string[] b)
    {
        if (a.Length == 0 || b.Length == 0) return a.Length == b.Length;
        return ContentWords.Containment(a, b) >= 0.5;
    }

    /// <summary>
    /// Two figures of one measure without a subject to say what they count ("$25 million" twice) are one figure only
    /// when their sentences say something alike around them (<see cref="SameContext"/> of their other words, or two
    /// words in common, since a long sentence dilutes the share) or both write one number too precise to recur by
    /// chance ("€399.99", "approximately 1,376"): the same round sum in two sentences about different deals is a
    /// coincidence of value, not a corroboration. Figures with a subject on both sides are left to the subject.
    /// </summary>
    private static bool SameContextWhenUnnamed(DraftFeatures a, DraftFeatures b) =>
        (a.SubjectWords.Length > 0 && b.SubjectWords.Length > 0)
        || ShareNumber(a.Anchors, b.Anchors, precise: true)
        || ContentWords.Jaccard(a.ContextWords, b.ContextWords) >= SameContext
        || ContentWords.Shared(a.ContextWords, b.ContextWords) >= 2;

    /// <summary>
    /// Two figures count the same things only when their sentences give them the same fate or none: "500 soldiers were
    /// killed" does not corroborate "500 soldiers launched an assault". One fate in common is enough ("killed or
    /// wounded" and "killed").
    /// </summary>
    internal static bool FatesAgree(string[] a, string[] b)
    {
        if (a.Length == 0 || b.Length == 0) return a.Length == b.Length;
        foreach (var fate in a) if (Array.BinarySearch(b, fate, StringComparer.Ordinal) >= 0) return true;
        return false;
    }

    /// <summary>
    /// True when two exact figures of different value ("€300 million", "€296 million") are said in one frame
    /// (<see cref="ClaimFrames.SameFrame"/> of their sentences less the figures) in which another number differs too
    /// ("… which rose 7.2% …" / "… which fell 0.1% …"): one report form filled in for two periods or events, though
    /// rounding lets the values meet. A rounded restatement ("1,376" → "1,400") rewrites the sentence or keeps its
    /// other numbers; hedged figures ("about 300") are intervals, not exact, and are left to their overlap.
    /// </summary>
    internal static bool OtherFiguresInOneForm(DraftFeatures a, DraftFeatures b)
    {
        if (a.Draft.Value is not { Low: { } x, High: { } xHigh } || b.Draft.Value is not { Low: { } y, High: { } yHigh }) return false;
        if (!x.Equals(xHigh) || !y.Equals(yHigh) || x.Equals(y)) return false;
        return ContentWords.Jaccard(a.ContextWords, b.ContextWords) >= ClaimFrames.SameFrame
            && HasNumberNotIn(a.ContextWords, b.ContextWords) && HasNumberNotIn(b.ContextWords, a.ContextWords);
    }

    /// <summary>
    /// A one-sided figure ("at least 30", "as much as $180 million") states a bound, not a value: nearly any figure of
    /// its measure above or below it agrees with it, so it corroborates only a figure of the same subject, word for word
    /// ("at least 30 goals" / "31 goals"; not "at least 30 goals" / "at least 25 home goals", nor two sums that name no
    /// subject), and of the same unit. A bound that writes the other's number ("as many as 2,300" / "2,300"; "more
    /// than 40 percent" / "around 40%") restates it and is left to the other rules.
    /// </summary>
    /// <remarks>
    /// Otherwise the bound is read as the range a writer means by it, its number up to the next step of its last
    /// significant digit ("more than 50" is 50–60, "over 100" 100–200, "more than five" 5–6, "fewer than 26" 25–26):
    /// who knew of 54 charges may write "more than 50", but not who knew of seven rounds "more than five", nor who
    /// knew of 13 homers "fewer than 26". The other figure must lie in that range; whose figures they are is
    /// matching's rule for every figure (<see cref="ClaimFrames.NamedAgainstNone"/>). The open interval stays what
    /// <see cref="Figures"/> compares elsewhere: a bound is no conflict with a figure beyond its step.
    /// </remarks>
    internal static bool BoundOfOneSubject(DraftFeatures a, DraftFeatures b)
    {
        var aBound = OneSided(a.Draft.Value);
        var bBound = OneSided(b.Draft.Value);
        if (!aBound && !bBound) return true;
        if (SameNumber(a.Draft.Value!, b.Draft.Value!) || ShareNumber(a.Anchors, b.Anchors, precise: false)) return true;
        return a.SubjectWords.Length > 0 && a.SubjectWords.AsSpan().SequenceEqual(b.SubjectWords)
            && string.Equals(a.Draft.Value?.Unit ?? "", b.Draft.Value?.Unit ?? "", StringComparison.OrdinalIgnoreCase)
            && Overlaps(Figures.MeantRange(a.Draft.Value), Figures.MeantRange(b.Draft.Value));
    }

    /// <summary>
    /// True when two statuses or statements are dated by their own words to different times ("three undersea cables were
    /// damaged on Friday" / "undersea cables were also damaged in January"; "… a nightclub … on Tuesday" / "… a market
    /// hall … on Saturday"): two facts of one kind (<see cref="EventTimes"/>), which matching keeps apart even through
    /// a third, undated mention.
    /// </summary>
    internal static bool OtherEventTimes(DraftFeatures a, DraftFeatures b) =>
        a.Draft.Kind is ClaimKind.Status or ClaimKind.Statement && !EventTimes.Compatible(a.EventTime, a.EventRule, b.EventTime, b.EventRule);

    /// <summary>
    /// An approximation ("around $160 million") corroborates a figure that is not one only within the range its number
    /// means (<see cref="Figures.Written"/>: 155–165 million), not anywhere in the 10% either way the extractor widens it
    /// by: "around $160 million" is not "perhaps between $165 million and $180 million". Two approximations keep their
    /// widened overlap (neither writer knew the figure), and one that writes the other's number ("around 40%" / "more
    /// than 40 percent") is left to the other rules.
    /// </summary>
    internal static bool ApproximationOfItsNumber(DraftFeatures a, DraftFeatures b)
    {
        if (a.Approximate == b.Approximate || ShareNumber(a.Anchors, b.Anchors, precise: false)) return true;
        var (approximation, other) = a.Approximate ? (a, b) : (b, a);
        if (Figures.Written(approximation.Draft.Value) is not { } meant || Figures.MeantRange(other.Draft.Value) is not { } range) return true;
        // Touching at a margin is two round figures meeting ("around 160" and "165–180" meet at 165).
        return meant.Low < range.High && range.Low < meant.High;
    }

    private static bool Overlaps((double Low, double High)? x, (double Low, double High)? y) =>
        x is { } p && y is { } q && p.Low <= q.High && q.Low <= p.High;

    /// <summary>True when a bound of one value is a bound or the point of the other, as written ("as many as 2,300" / "2,300").</summary>
    private static bool SameNumber(QuantityValue a, QuantityValue b) =>
        (a.Low is { } al && (al.Equals(b.Low) || al.Equals(b.High))) || (a.High is { } ah && (ah.Equals(b.Low) || ah.Equals(b.High)));

    private static bool OneSided(QuantityValue? value) => value is not null && (value.Low is null) != (value.High is null);

    private static bool HasNumberNotIn(string[] words, string[] other)
    {
        foreach (var word in words)
            if (char.IsDigit(word[0]) && Array.BinarySearch(other, word, StringComparer.Ordinal) < 0) return true;
        return false;
    }

    /// <summary>
    /// True when the two texts share a number (of three significant digits or more when <paramref name="precise"/>): a
    /// hedge widens a value, not the number written ("more than 40 percent" / "around 40%").
    /// </summary>
    private static bool ShareNumber(string[] a, string[] b, bool precise)
    {
        foreach (var word in a)
            if ((precise ? Figures.Precise(word) : char.IsDigit(word[0])) && Array.BinarySearch(b, word, StringComparer.Ordinal) >= 0) return true;
        return false;
    }

    private static bool UnitsAgree(QuantityValue? a, QuantityValue? b) =>
        string.IsNullOrEmpty(a?.Unit) || string.IsNullOrEmpty(b?.Unit) || string.Equals(a.Unit, b.Unit, StringComparison.OrdinalIgnoreCase);
}
