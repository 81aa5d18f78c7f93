namespace Triangulate.CorpusGen;

/// <summary>
/// A news outlet with its own page furniture (header, inline markers, footer), byline and date styles, fixed for all its
/// pages: the boilerplate repeats across unrelated articles of one outlet, as on real sites.
/// </summary>
internal sealed class Outlet
{
    public required string Name { get; init; }

    public required string Domain { get; init; }

    public required Lang Lang { get; init; }

    public required OutletRole Role { get; init; }

    public required Town Home { get; init; }

    /// <summary>Wires only: the dateline, with {TOWN}, {Town} and {date} placeholders.</summary>
    public string? Dateline { get; init; }

    /// <summary>Wires only: the short name used in credits ("Reuters", "AFP").</summary>
    public string Credit => CreditName ?? Name;

    public string? CreditName { get; init; }

    public required string[] Header { get; init; }

    public required string[] Footer { get; init; }

    /// <summary>Inline marker between paragraphs ("Advertisement"), or null.</summary>
    public string? Inline { get; init; }

    public int InlineEvery { get; init; }

    /// <summary>"READ MORE: {title}"-style teaser of another of the outlet's recent articles, or null.</summary>
    public string? Teaser { get; init; }

    /// <summary>How many recent headlines the footer lists under its "more" heading.</summary>
    public int Related { get; init; }

    public string? RelatedHeading { get; init; }

    public bool TitleInText { get; init; }

    public int BylineStyle { get; init; }

    public int DateStyle { get; init; }

    public int UrlStyle { get; init; }

    /// <summary>0: date and time in UTC; 1: with an offset; 2: date only.</summary>
    public int PublishedStyle { get; init; }

    /// <summary>Share of its pages that carry no date at all (no metadata, no date line).</summary>
    public double Undated { get; init; }

    /// <summary>Share of its records whose outlet field is missing.</summary>
    public double NoOutletField { get; init; }

    public required Person[] Staff { get; init; }

    public required string[] Sections { get; init; }

    public override string ToString() => Name;
}
