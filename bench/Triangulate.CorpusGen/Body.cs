namespace Triangulate.CorpusGen;

/// <summary>
/// What an article says, as structure rather than text: language, facts, headline and paragraphs of sentence choices,
/// plus the lines that travel with the body when it is republished (the wire's dateline, trailer and a credit line).
/// Copies share a body; rewrites and translations derive a new one from it.
/// </summary>
internal sealed class Body
{
    public required Lang Lang { get; init; }

    public required Facts Facts { get; init; }

    public required EventKind Kind { get; init; }

    public required Sentence Title { get; set; }

    public required List<List<Sentence>> Paragraphs { get; init; }

    /// <summary>The wire whose dateline opens the body ("KESSFORD, March 4 (Reuters) - "), kept by verbatim republication.</summary>
    public Outlet? Wire { get; set; }

    public DateOnly DatelineDate { get; set; }

    /// <summary>The wire's closing line ("Reporting by …; Editing by …").</summary>
    public string? Trailer { get; set; }

    /// <summary>The credit a republisher adds ("This article first appeared on …").</summary>
    public string? Credit { get; set; }

    public Body Clone() => new()
    {
        Lang = Lang,
        Facts = Facts,
        Kind = Kind,
        Title = Title,
        Paragraphs = Paragraphs.Select(p => p.ToList()).ToList(),
        Wire = Wire,
        DatelineDate = DatelineDate,
        Trailer = Trailer,
        Credit = Credit,
    };

    public string RenderSentence(Sentence sentence) =>
        sentence.Literal ?? Facts.Fill(Kind.Phrases.Get(sentence.Key!, Lang, sentence.Variant), Lang);

    private string? Dateline()
    {
        if (Wire?.Dateline is null) return null;
        var town = Facts.Has("town") ? Facts["town"].Render(Lang, null) : Wire.Home.Name;
        return Wire.Dateline
            .Replace("{TOWN}", town.ToUpperInvariant(), StringComparison.Ordinal)
            .Replace("{Town}", town, StringComparison.Ordinal)
            .Replace("{date}", Locale.DayMonth(Lang, DatelineDate), StringComparison.Ordinal);
    }

    public string RenderTitle() => RenderSentence(Title);

    public IEnumerable<string> RenderParagraphs()
    {
        var first = true;
        var dateline = Dateline();
        foreach (var paragraph in Paragraphs)
        {
            var text = string.Join(" ", paragraph.Select(RenderSentence));
            yield return first && dateline is not null ? dateline + text : text;
            first = false;
        }
    }
}
