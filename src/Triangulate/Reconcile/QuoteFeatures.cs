using Triangulate.Model;

namespace Triangulate.Reconcile;

/// <summary>A quote draft with its words, anchors and speaker words, computed once for matching.</summary>
internal sealed class QuoteFeatures(QuoteDraft draft, string documentId, string group)
{
    public QuoteDraft Draft { get; } = draft;

    public string DocumentId { get; } = documentId;

    public string Group { get; } = group;

    public string[] Words { get; } = ContentWords.Of(draft.Variant.Text);

    public string[] Anchors { get; } = ContentWords.Anchors(draft.Variant.Text);

    public string[] SpeakerWords { get; } = ContentWords.Of(draft.Speaker);

    /// <summary>
    /// The same statement: compatible speakers (the same name; or two unnamed descriptions, or an unnamed one beside a
    /// named one when the words agree strongly) and the same words or shared anchors.
    /// </summary>
    public static bool Match(QuoteFeatures a, QuoteFeatures b)
    {
        if (!ClaimMatcher.SameWords(a.Words, a.Anchors, b.Words, b.Anchors)) return false;
        var namedA = a.Draft.SpeakerKind == SpeakerKind.Named;
        var namedB = b.Draft.SpeakerKind == SpeakerKind.Named;
        if (namedA && namedB) return ClaimMatcher.SpeakersAgree(a.SpeakerWords, b.SpeakerWords);
        if (namedA || namedB)
            // One rendering names the speaker, the other describes or omits them: only near-verbatim text is the same quote.
            return ContentWords.Jaccard(a.Words, b.Words) >= 0.7;
        return a.SpeakerWords.Length == 0 || b.SpeakerWords.Length == 0 || ContentWords.Shared(a.SpeakerWords, b.SpeakerWords) > 0
            || ContentWords.Jaccard(a.Words, b.Words) >= 0.7;
    }
}
