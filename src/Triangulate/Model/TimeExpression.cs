namespace Triangulate.Model;

/// <summary>
/// A time expression found in a document, normalised TIMEX3-style. Relative expressions keep their anchor and offset,
/// so they can be resolved again when the publication date is inferred later.
/// </summary>
public sealed record TimeExpression
{
    /// <summary>Where it stands.</summary>
    public required TextSpan Span { get; init; }

    /// <summary>TIMEX3-style value: "2024-11-26", "2024-11", "P9D", "PRESENT_REF"; null when it could not be resolved.</summary>
    public string? Value { get; init; }

    /// <summary>Resolved first date.</summary>
    public PartialDate? Start { get; init; }

    /// <summary>Resolved last date.</summary>
    public PartialDate? End { get; init; }

    /// <summary>What the value depends on.</summary>
    public TimeAnchor Anchor { get; init; }

    /// <summary>For <see cref="TimeAnchor.Event"/>: the event as written ("the president's inauguration").</summary>
    public string? AnchorEvent { get; init; }

    /// <summary>Offset in days from the anchor, when the expression states one (negative = before). Null when it names a calendar position instead.</summary>
    public int? OffsetDays { get; init; }

    /// <summary>For calendar positions relative to publication ("January 20", "last month", "on Saturday"): a rule the resolver re-applies ("month-day:01-20", "month:-1", "weekday:-6").</summary>
    public string? Rule { get; init; }

    /// <summary>Fuzziness in days on each side ("almost four months", "towards the end of November").</summary>
    public int Tolerance { get; init; }
}
