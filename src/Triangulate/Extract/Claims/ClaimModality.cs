using System.Text.RegularExpressions;

namespace Triangulate.Extract.Claims;

/// <summary>
/// Whether a claim's clause states a reported fact or something else: an order ("told to capture at least one
/// prisoner"), a plan or aim ("plans to cut 10,000 jobs", "will send", "wants to show it has regained"), a hypothetical ("could reach 5,000", "if ... 300") or a
/// denial ("denied that 40 ... died"). Read from the nearest cue before the claim's words in the same clause (a comma,
/// semicolon, colon or dash ends the clause), as factuality profilers such as FactBank's annotators do. Only reported
/// facts corroborate or contradict others.
/// </summary>
public static partial class ClaimModality
{
    /// <summary>The modality of the words at <paramref name="at"/> in the sentence starting at <paramref name="sentenceStart"/>: null for a reported fact, else "order", "plan", "hypothetical" or "denial".</summary>
    public static string? Of(string text, int sentenceStart, int at)
    {
        ArgumentNullException.ThrowIfNull(text);
        // The clause before the claim: at most 80 characters back, cut at the last clause break.
        var from = Math.Max(sentenceStart, at - 80);
        var clause = text.AsSpan(from, Math.Max(0, at - from));
        var cut = clause.LastIndexOfAny(ClauseBreaks);
        if (cut >= 0) clause = clause[(cut + 1)..];
        string? found = null;
        var best = -1;
        foreach (var m in Cues().EnumerateMatches(clause))
        {
            if (m.Index < best) continue;
            best = m.Index;
            var cue = clause.Slice(m.Index, m.Length);
            found = Kind(cue);
        }
        return found;
    }

    private static readonly System.Buffers.SearchValues<char> ClauseBreaks = System.Buffers.SearchValues.Create(",;:—–()");

    private static string Kind(ReadOnlySpan<char> cue)
    {
        if (OrderCue().IsMatch(cue)) return "order";
        if (DenialCue().IsMatch(cue)) return "denial";
        if (HypotheticalCue().IsMatch(cue)) return "hypothetical";
        return "plan";
    }

    [GeneratedRegex(@"\b(?:(?:told|ordered|instructed|commanded|directed|urged|asked|required)\s+(?:\w+\s+){0,3}?to|must)\b"
        + @"|\b(?:plans?|planned|planning|intends?|intended|aims?|aimed|expects?|hopes?|scheduled|going|due|set|wants?|wanted|seeks?|sought|tries|tried|trying|attempts?|attempted)\s+to\b|\bwill\b|\bshall\b"
        + @"|\b(?:if|unless|could|would|might|should)\b"
        + @"|\b(?:denied|denies|deny|rejected|dismissed)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Cues();

    [GeneratedRegex(@"^(?:told|ordered|instructed|commanded|directed|urged|asked|required|must)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OrderCue();

    [GeneratedRegex(@"^(?:denied|denies|deny|rejected|dismissed)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DenialCue();

    [GeneratedRegex(@"^(?:if|unless|could|would|might|should)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HypotheticalCue();
}
