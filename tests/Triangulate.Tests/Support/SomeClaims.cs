using Triangulate.Model;

namespace Triangulate.Tests.Support;

/// <summary>
/// Builders of hand-made documents and claim drafts for the reconcile stages: a document holds a text, and each
/// draft's span points at the first occurrence of its evidence phrase in that text.
/// </summary>
public static class SomeClaims
{
    /// <summary>A document with an outlet, a title and (optionally) a publication day.</summary>
    public static Document Document(string text, string outlet, string? published = null) =>
        Support.Some.Document(text, source: outlet + ".txt", published: published is null ? null
            : DateEstimate.Exact(PartialDate.Parse(published), DateBasis.Metadata)) with
        { Outlet = outlet, Title = outlet + " report" };

    /// <summary>The span of the first occurrence of <paramref name="phrase"/> in the document.</summary>
    public static TextSpan Span(Document document, string phrase)
    {
        var start = document.Text.IndexOf(phrase, StringComparison.Ordinal);
        if (start < 0) throw new ArgumentException($"'{phrase}' is not in the document", nameof(phrase));
        return new TextSpan(document.Id, start, start + phrase.Length).WithExcerpt(document.Text);
    }

    public static ClaimDraft Quantity(Document document, string phrase, string subject, string measure, double? low, double? high,
        string? unit = null, string? time = null, string? hedge = null, string? speaker = null)
    {
        return new()
        {
            Kind = ClaimKind.Quantity,
            Text = phrase,
            Subject = subject,
            Measure = measure,
            Value = new QuantityValue { Low = low, High = high, Unit = unit },
            Time = Time(time),
            Mention = Mention(document, phrase, speaker, hedge),
            Keys = [.. subject.Split(' ')],
        };
    }

    public static ClaimDraft Status(Document document, string phrase, string subject, string status, string? speaker = null, string? time = null)
    {
        return new()
        {
            Kind = ClaimKind.Status,
            Text = phrase,
            Subject = subject,
            Status = status,
            Time = Time(time),
            Mention = Mention(document, phrase, speaker, null),
        };
    }

    public static ClaimDraft Event(Document document, string phrase, string subject, string? time = null)
    {
        return new()
        {
            Kind = ClaimKind.Event,
            Text = phrase,
            Subject = subject,
            Time = Time(time),
            Mention = Mention(document, phrase, null, null),
        };
    }

    public static ClaimDraft Statement(Document document, string phrase, string speaker)
    {
        return new()
        {
            Kind = ClaimKind.Statement,
            Text = phrase,
            Mention = Mention(document, phrase, speaker, null),
        };
    }

    public static QuoteDraft Quote(Document document, string phrase, string? speaker, SpeakerKind kind = SpeakerKind.Named)
    {
        return new()
        {
            Speaker = speaker,
            SpeakerKind = kind,
            Variant = new QuoteVariant { Span = Span(document, phrase), Text = phrase, Direct = true },
        };
    }

    /// <summary>The analysis of a document with these drafts.</summary>
    public static DocumentAnalysis Analysis(Document document, IEnumerable<ClaimDraft>? claims = null, IEnumerable<QuoteDraft>? quotes = null)
    {
        return new()
        {
            DocumentId = document.Id,
            Claims = [.. claims ?? []],
            Quotes = [.. quotes ?? []],
        };
    }

    /// <summary>"2024-11-26" or "2024-11-20/2024-11-30" as a date range.</summary>
    public static DateRange? Time(string? time)
    {
        if (time is null) return null;
        var parts = time.Split('/');
        return new DateRange { Start = PartialDate.Parse(parts[0]), End = PartialDate.Parse(parts[^1]) };
    }

    private static Mention Mention(Document document, string phrase, string? speaker, string? hedge)
    {
        return new()
        {
            Span = Span(document, phrase),
            Attribution = speaker is null ? null : new Attribution { Speaker = speaker },
            Hedge = hedge,
        };
    }
}
