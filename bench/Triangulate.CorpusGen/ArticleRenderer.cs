using System.Globalization;

namespace Triangulate.CorpusGen;

/// <summary>
/// Writes an article as its outlet's page text: header furniture, headline, byline and date line, the body with
/// inline markers and teasers, the credit and trailer, and the footer with the outlet's recent headlines.
/// </summary>
internal sealed class ArticleRenderer
{
    // Recent headlines per outlet, for "READ MORE" teasers and "Most read" lists: boilerplate that names other stories.
    private readonly Dictionary<Outlet, Queue<string>> _recent = [];

    public Page Render(Article article, Rng rng)
    {
        var outlet = article.Outlet;
        var body = article.Body;
        var blocks = new List<(PagePart, string)>();
        foreach (var line in outlet.Header) blocks.Add((PagePart.Navigation, line));
        if (outlet.TitleInText) blocks.Add((PagePart.Headline, article.Title));
        var byline = Byline(article);
        var dateLine = article.Dated ? DateLine(outlet, article.Time) : null;
        if (byline is not null && dateLine is not null && outlet.BylineStyle % 2 == 0) blocks.Add((PagePart.Byline, $"{byline} | {dateLine}"));
        else
        {
            if (byline is not null) blocks.Add((PagePart.Byline, byline));
            if (dateLine is not null) blocks.Add((PagePart.Byline, dateLine));
        }
        var recent = _recent.TryGetValue(outlet, out var queue) ? queue : null;
        var index = 0;
        foreach (var paragraph in body.RenderParagraphs())
        {
            blocks.Add((PagePart.Paragraph, paragraph));
            index++;
            if (outlet.Inline is not null && index % outlet.InlineEvery == 0 && index < body.Paragraphs.Count) blocks.Add((PagePart.Marker, outlet.Inline));
            if (outlet.Teaser is not null && index == 2 && recent is { Count: > 0 })
                blocks.Add((PagePart.Teaser, outlet.Teaser.Replace("{title}", recent.ElementAt(rng.Next(recent.Count)), StringComparison.Ordinal)));
        }
        if (body.Trailer is not null) blocks.Add((PagePart.Trailer, body.Trailer));
        if (body.Credit is not null) blocks.Add((PagePart.Credit, body.Credit));
        if (outlet.Related > 0 && recent is { Count: > 0 })
        {
            blocks.Add((PagePart.RelatedHeading, outlet.RelatedHeading!));
            foreach (var title in recent.Reverse().Take(outlet.Related)) blocks.Add((PagePart.Related, title));
        }
        foreach (var line in outlet.Footer) blocks.Add((PagePart.Footer, line.Replace("{year}", article.Time.Year.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)));
        Remember(outlet, article.Title);
        return new Page(blocks);
    }

    private void Remember(Outlet outlet, string title)
    {
        if (!_recent.TryGetValue(outlet, out var queue)) _recent[outlet] = queue = new Queue<string>();
        queue.Enqueue(title);
        if (queue.Count > 6) queue.Dequeue();
    }

    private static string? Byline(Article article)
    {
        if (article.Byline is null) return null;
        var outlet = article.Outlet;
        return (outlet.Lang, outlet.BylineStyle) switch
        {
            (Lang.En, 0 or 1) => $"By {article.Byline}",
            (Lang.En, 2) => $"{article.Byline}, {outlet.Name}",
            (Lang.De, _) => $"Von {article.Byline}",
            (Lang.Fr, _) => $"Par {article.Byline}",
            (Lang.Es, _) => $"Por {article.Byline}",
            _ => article.Byline,
        };
    }

    private static string DateLine(Outlet outlet, DateTime time)
    {
        var date = DateOnly.FromDateTime(time);
        var clock = time.ToString("HH:mm", CultureInfo.InvariantCulture);
        return (outlet.Lang, outlet.DateStyle) switch
        {
            (Lang.En, 0) => $"Published {Locale.FullDate(Lang.En, date)} at {clock}",
            (Lang.En, 1) => $"Updated {clock} GMT, {Locale.FullDate(Lang.En, date)}",
            (Lang.En, _) => time.ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture),
            (Lang.De, 0) => $"Veröffentlicht am {Locale.FullDate(Lang.De, date)}, {clock} Uhr",
            (Lang.De, _) => time.ToString("dd.MM.yyyy, HH:mm", CultureInfo.InvariantCulture) + " Uhr",
            (Lang.Fr, 0) => $"Publié le {Locale.FullDate(Lang.Fr, date)} à {clock.Replace(':', 'h')}",
            (Lang.Fr, _) => time.ToString("dd/MM/yyyy 'à' HH'h'mm", CultureInfo.InvariantCulture),
            (Lang.Es, 0) => $"Publicado el {Locale.FullDate(Lang.Es, date)} a las {clock}",
            _ => time.ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture),
        };
    }

    /// <summary>The record's published field in the outlet's metadata style.</summary>
    public static string Published(Outlet outlet, DateTime time) => outlet.PublishedStyle switch
    {
        0 => time.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        1 => time.AddHours(1).ToString("yyyy-MM-dd'T'HH:mm:ss'+01:00'", CultureInfo.InvariantCulture),
        _ => time.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

}
