using System.Globalization;
using System.Text.Json;

namespace Triangulate.Cluster;

/// <summary>
/// A small synthetic news corpus made in memory for a worker's warm-up (<see cref="WorkerWarmUp"/>): a few stories,
/// each a wire report with a dateline, figures, dates and a quote, reprinted by other outlets under their page chrome,
/// rewritten, rendered in German, French or Spanish, and followed up with a changed figure, so that reading,
/// extraction, provenance, linking and the story stages all take their usual paths. Names are made of syllables.
/// The same seed gives the same articles.
/// </summary>
internal static class WarmUpSample
{
    private static readonly string[] Syllables = ["va", "lo", "mer", "ti", "sa", "ren", "ko", "dal", "mi", "nor", "be", "tru", "sel", "ga", "vin", "ost"];
    private static readonly string[] Weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];
    private static readonly string[] Outlets = ["Daily Courant", "Evening Ledger", "Harbour Post", "Valley Herald"];
    private const string Wire = "Meridian Press";

    /// <summary>JSON lines (url, title, text, published, outlet) of <paramref name="stories"/> stories of six articles each.</summary>
    public static IReadOnlyList<string> Articles(int stories, int seed)
    {
        var random = new Random(seed);
        var lines = new List<string>();
        var day = new DateTime(2024, 3, 4, 8, 0, 0, DateTimeKind.Utc);
        for (var s = 0; s < stories; s++)
        {
            var when = day.AddDays(s / 4).AddHours(s % 4 * 2);
            var facts = new Facts(random, when);
            var (title, paragraphs) = (s % 4) switch
            {
                0 => Earnings(facts),
                1 => Match(facts),
                2 => Fire(facts),
                _ => Quake(facts),
            };
            var wire = string.Join("\n\n", paragraphs);
            var dated = $"{facts.City.ToUpperInvariant()}, {When(when)} ({Wire}) - ";
            Add(lines, $"{Slug(title)}-{s}", title, $"{Wire} | Updated {when:HH:mm} GMT, {When(when)}, {when.Year}\n\n{dated}{wire}\n\nReporting by {facts.Reporter}; editing by {facts.Editor}", when, Wire);
            for (var o = 0; o < 2; o++)
            {
                var outlet = Outlets[(s + o) % Outlets.Length];
                var chrome = $"{outlet} Home | News | Business | Sport\n\nMenu | Search | Sign in\n\nSubscribe now for unlimited access\n\n{facts.Reporter}, {outlet} | {when.AddHours(o + 1):dd/MM/yyyy HH:mm}";
                Add(lines, $"{Slug(title)}-{s}-{o}", title, $"{chrome}\n\n{dated}{wire}\n\nDistributed by {Wire}.\n\n© {when.Year} {outlet}. All rights reserved.", when.AddHours(o + 1), outlet);
            }
            var rewrite = string.Join("\n\n", paragraphs.Skip(1).Reverse().Prepend($"{paragraphs[0]} the {Wire} news agency reported."));
            Add(lines, $"{Slug(title)}-{s}-r", $"{facts.City}: {title}", $"By {facts.Editor}\n\n{rewrite}", when.AddHours(3), Outlets[(s + 2) % Outlets.Length]);
            var (translatedTitle, translated) = Translated(facts, s % 3);
            Add(lines, $"{Slug(title)}-{s}-t", translatedTitle, translated, when.AddHours(4), Outlets[(s + 3) % Outlets.Length]);
            Add(lines, $"{Slug(title)}-{s}-f", $"Update: {title}",
                $"{facts.City.ToUpperInvariant()}, {When(when.AddDays(1))} ({Wire}) - Officials on {Weekdays[(s + 1) % 5]} revised the figure to {facts.Count + 3}, up from {facts.Count} reported a day earlier.\n\n\"We now have a clearer picture,\" {facts.Person} told reporters on {When(when.AddDays(1))}.",
                when.AddDays(1), Wire);
        }
        return lines;
    }

    private static (string Title, string[] Paragraphs) Earnings(Facts f) => (
        $"{f.Company} quarterly profit at €{f.Amount} million",
        [
            $"{f.Company} on {f.Weekday} reported third quarter net income of €{f.Amount} million, or €{f.Small}.{f.Count % 100:00} per share.",
            $"Revenue rose {f.Percent}% to €{f.Amount * 9} million in the period, above the €{f.Amount * 8} million analysts had expected.",
            $"\"Demand held up better than we planned for,\" chief executive {f.Person} said in a statement.",
            $"The company raised its full-year forecast for {f.When.Year} and its shares rose {f.Small}.{f.Percent % 10}% in early trading.",
        ]);

    private static (string Title, string[] Paragraphs) Match(Facts f) => (
        $"{f.City} United {f.Small}-1 {f.Other} Rovers in the {f.Other} League",
        [
            $"{f.City} United beat {f.Other} Rovers {f.Small}-1 on {f.Weekday}, with {f.Person} scoring in the {f.Count % 80 + 5}th minute.",
            $"A crowd of {f.Amount * 37:N0} saw the game at {f.Other} Park, where the visitors had not lost since {f.When.AddMonths(-5):MMMM yyyy}.",
            $"\"We were patient and it paid off,\" coach {f.Editor} said after the match.",
            $"{f.City} United move up to 3rd in the standings, {f.Percent} points behind the leaders.",
        ]);

    private static (string Title, string[] Paragraphs) Fire(Facts f) => (
        $"{f.Count} hurt in warehouse fire in {f.City}",
        [
            $"Firefighters in {f.City} brought a blaze at a warehouse on {f.Other} Road under control on {f.Weekday}, authorities said, adding that {f.Count} people were hurt.",
            $"About {f.Amount} firefighters with {f.Small + 10} engines fought the fire for {f.Small} hours; police evacuated {f.Amount * 3} people from nearby homes.",
            $"\"It was a very difficult operation,\" said {f.Person}, head of the {f.City} fire service.",
            $"The cause of the fire was not immediately known, and an investigation was opened on {When(f.When)}.",
        ]);

    private static (string Title, string[] Paragraphs) Quake(Facts f) => (
        $"Magnitude {f.Small}.{f.Count % 10} quake strikes near {f.City}",
        [
            $"The geological survey recorded a tremor of magnitude {f.Small}.{f.Count % 10} on {f.Weekday}, centred about {f.Amount} kilometres north of {f.City}.",
            $"It struck at a depth of {f.Percent} kilometres at around {f.When:h:mm} a.m. local time, the survey said.",
            $"\"Buildings shook for several seconds but we have no reports of damage,\" said {f.Person}, the mayor of {f.City}.",
            $"A smaller tremor of magnitude {f.Small - 1}.{f.Percent % 10} struck the same area in {f.When.AddMonths(-2):MMMM}.",
        ]);

    /// <summary>The story's gist in German (0), French (1) or Spanish (2).</summary>
    private static (string Title, string Text) Translated(Facts f, int language) => language switch
    {
        0 => ($"{f.City}: {f.Count} Verletzte und {f.Amount} Einsatzkräfte",
            $"{f.City}, {f.When.Day}. März {f.When.Year} - Nach Angaben der Behörden wurden am {f.When.Day}. März {f.Count} Menschen verletzt. Rund {f.Amount} Einsatzkräfte waren vor Ort.\n\n\"Die Lage ist unter Kontrolle\", sagte {f.Person} am Abend."),
        1 => ($"{f.City} : {f.Count} blessés, selon les autorités",
            $"{f.City}, le {f.When.Day} mars {f.When.Year} - Selon les autorités, {f.Count} personnes ont été blessées le {f.When.Day} mars. Environ {f.Amount} pompiers sont intervenus.\n\n« La situation est sous contrôle », a déclaré {f.Person} dans la soirée."),
        _ => ($"{f.City}: {f.Count} heridos según las autoridades",
            $"{f.City}, {f.When.Day} de marzo de {f.When.Year} - Según las autoridades, {f.Count} personas resultaron heridas el {f.When.Day} de marzo. Unos {f.Amount} bomberos participaron en las tareas.\n\n\"La situación está bajo control\", dijo {f.Person} por la noche."),
    };

    private static void Add(List<string> lines, string slug, string title, string text, DateTime published, string outlet)
    {
        var host = outlet.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();
        lines.Add(JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["url"] = $"https://www.{host}.example/{published:yyyy/MM/dd}/{slug}",
            ["title"] = title,
            ["text"] = text,
            ["published"] = published.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["outlet"] = outlet,
        }));
    }

    private static string When(DateTime when) => when.ToString("MMMM d", CultureInfo.InvariantCulture);

    private static string Slug(string title) =>
        string.Join('-', title.ToLowerInvariant().Split([' ', ':', '€', '.'], StringSplitOptions.RemoveEmptyEntries)).Replace("\"", "", StringComparison.Ordinal);

    /// <summary>One story's invented names and figures.</summary>
    private sealed class Facts(Random random, DateTime when)
    {
        public DateTime When { get; } = when;
        public string Weekday { get; } = when.DayOfWeek.ToString();
        public string City { get; } = Name(random, 2, 3);
        public string Other { get; } = Name(random, 2, 3);
        public string Company { get; } = Name(random, 2, 3) + " Holdings";
        public string Person { get; } = Name(random, 2, 2) + " " + Name(random, 2, 3);
        public string Reporter { get; } = Name(random, 2, 2) + " " + Name(random, 2, 3);
        public string Editor { get; } = Name(random, 2, 2) + " " + Name(random, 3, 3);
        public int Amount { get; } = random.Next(20, 900);
        public int Count { get; } = random.Next(3, 60);
        public int Small { get; } = random.Next(2, 7);
        public int Percent { get; } = random.Next(2, 30);
    }

    private static string Name(Random random, int minSyllables, int maxSyllables)
    {
        var count = random.Next(minSyllables, maxSyllables + 1);
        var name = string.Concat(Enumerable.Range(0, count).Select(_ => Syllables[random.Next(Syllables.Length)]));
        return char.ToUpperInvariant(name[0]) + name[1..];
    }
}
