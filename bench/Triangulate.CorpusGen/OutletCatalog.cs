namespace Triangulate.CorpusGen;

/// <summary>
/// The outlets of one corpus: a few wires (real agency names, as credit lines name them), and generated newspapers,
/// broadcasters and scraper sites in four languages, each with its own boilerplate.
/// </summary>
internal sealed class OutletCatalog
{
    private static readonly string[][] NavLines =
    [
        ["Home | News | World | Business | Sport | Culture", "News  World  Business  Sport  Opinion  Video", "Menu | Search | Sign in", "Skip to main content", "Subscribe now for unlimited access"],
        ["Startseite | Politik | Wirtschaft | Sport | Kultur", "Zum Inhalt springen", "Menü  Suche  Anmelden", "Jetzt abonnieren"],
        ["Accueil | International | Économie | Sports | Culture", "Aller au contenu", "Menu  Rechercher  Se connecter", "Abonnez-vous"],
        ["Portada | Internacional | Economía | Deportes | Cultura", "Ir al contenido", "Menú  Buscar  Iniciar sesión", "Suscríbete"],
    ];

    private static readonly string[][] FooterLines =
    [
        ["© {year} {name}. All rights reserved.", "Sign up for our morning briefing: the day's news from {name}, free in your inbox every weekday.", "Share this article: Facebook | X | WhatsApp | Email",
            "Terms of use | Privacy policy | Cookie settings | Contact us", "Have a news tip? Email tips@{domain}", "Follow {name} on social media for the latest updates."],
        ["© {year} {name}. Alle Rechte vorbehalten.", "Impressum | Datenschutz | Kontakt", "Artikel teilen: Facebook | X | WhatsApp | E-Mail", "Melden Sie sich für unseren Newsletter an."],
        ["© {year} {name}. Tous droits réservés.", "Mentions légales | Confidentialité | Contact", "Partager : Facebook | X | WhatsApp | E-mail", "Abonnez-vous à notre newsletter."],
        ["© {year} {name}. Todos los derechos reservados.", "Aviso legal | Privacidad | Contacto", "Compartir: Facebook | X | WhatsApp | Correo", "Suscríbete a nuestro boletín."],
    ];

    private static readonly string[][] InlineMarkers =
    [
        ["Advertisement", "ADVERTISEMENT", "Story continues below advertisement", "Continue reading below"],
        ["Anzeige", "Werbung"],
        ["Publicité", "PUBLICITÉ"],
        ["Publicidad", "PUBLICIDAD"],
    ];

    private static readonly string[][] Teasers = [["READ MORE: {title}", "Related: {title}", "See also: {title}"], ["Mehr zum Thema: {title}", "Lesen Sie auch: {title}"], ["Lire aussi : {title}", "À lire aussi : {title}"], ["Lee también: {title}", "Te puede interesar: {title}"]];

    private static readonly string[][] RelatedHeadings = [["More from {name}", "Most read", "Latest news", "You may also like"], ["Meistgelesen", "Weitere Nachrichten"], ["Les plus lus", "À la une"], ["Lo más leído", "Últimas noticias"]];

    private static readonly string[][] Sections = [["world", "news", "business", "sport", "international"], ["politik", "wirtschaft", "sport", "panorama"], ["international", "economie", "sports", "monde"], ["internacional", "economia", "deportes", "sociedad"]];

    private static readonly string[][] PaperPatterns =
    [
        ["The {Town} Herald", "{Town} Evening Post", "The {Region} Chronicle", "{Word} Times", "The Daily {Word}", "{Town} Gazette", "{Word} News 24", "The {Region} Observer", "{Word} Public Radio", "Channel {Word} News"],
        ["{Town}er Nachrichten", "{Word} Zeitung", "Neue {Region} Presse", "{Town}er Tagblatt", "{Word} Rundschau"],
        ["Le {Word}", "La Voix de {Town}", "{Town} Matin", "Le Courrier de {Region}", "{Word} Info"],
        ["El {Word}", "Diario de {Town}", "La Voz de {Town}", "El Correo de {Region}", "Noticias {Word}"],
    ];

    private static readonly string[] AggregatorPatterns = ["{word}news.net", "newsfeed-{word}.com", "{word}hub.info", "top{word}news.com", "daily{word}.site", "{word}-today.org"];

    public OutletCatalog(ulong seed, NamePools pools, Rng? rng = null)
    {
        rng ??= Rng.For(seed, "outlets");
        var used = new HashSet<string>(StringComparer.Ordinal);
        Wires =
        [
            Wire(pools, rng, "Reuters", "reuters.example", "{TOWN}, {date} (Reuters) - ", Lang.En, 30),
            Wire(pools, rng, "AFP", "afp.example", "{Town} (AFP) - ", Lang.En, 25),
            Wire(pools, rng, "Associated Press", "apnews.example", "{TOWN} (AP) — ", Lang.En, 25, "AP"),
            Wire(pools, rng, "Meridian Press", "meridianpress.example", "{TOWN}, {date} (Meridian) - ", Lang.En, 10, "Meridian"),
            Wire(pools, rng, "Continental News Service", "cns-wire.example", "{Town} (CNS) - ", Lang.En, 10, "CNS"),
        ];
        ForeignWires =
        [
            Wire(pools, rng, "dpa", "dpa.example", "{Town} (dpa) - ", Lang.De, 1),
            Wire(pools, rng, "AFP", "afp-fr.example", "{Town} (AFP) - ", Lang.Fr, 1),
            Wire(pools, rng, "EFE", "efe.example", "{Town}, {date} (EFE).- ", Lang.Es, 1),
        ];
        var counts = new[] { 48, 10, 10, 10 };
        foreach (var lang in Enum.GetValues<Lang>())
        {
            var list = new List<Outlet>();
            for (var i = 0; i < counts[(int)lang]; i++) list.Add(Paper(pools, rng, lang, used));
            Papers[lang] = list;
            var scrapers = new List<Outlet>();
            for (var i = 0; i < (lang == Lang.En ? 12 : 3); i++) scrapers.Add(Aggregator(pools, rng, lang, used));
            Aggregators[lang] = scrapers;
        }
    }

    public IReadOnlyList<Outlet> Wires { get; }

    /// <summary>Wire services writing in German, French and Spanish: who writes independent foreign-language reports.</summary>
    public IReadOnlyList<Outlet> ForeignWires { get; }

    public Dictionary<Lang, List<Outlet>> Papers { get; } = [];

    public Dictionary<Lang, List<Outlet>> Aggregators { get; } = [];

    private readonly List<int> _wireWeights = [];

    /// <summary>A wire chosen by market share.</summary>
    public Outlet PickWire(Rng rng, Outlet? not = null)
    {
        while (true)
        {
            var total = _wireWeights.Sum();
            var x = rng.Next(total);
            for (var i = 0; i < Wires.Count; i++)
            {
                if (x < _wireWeights[i])
                {
                    if (Wires[i] != not) return Wires[i];
                    break;
                }
                x -= _wireWeights[i];
            }
        }
    }

    /// <summary>A newspaper of the language, the bigger ones (lower index) more often.</summary>
    public Outlet PickPaper(Rng rng, Lang lang) => Papers[lang][rng.Zipf(Papers[lang].Count, 0.6)];

    public Outlet PickAggregator(Rng rng, Lang lang) => rng.Pick(Aggregators[lang]);

    private Outlet Wire(NamePools pools, Rng rng, string name, string domain, string dateline, Lang lang, int weight, string? credit = null)
    {
        if (lang == Lang.En) _wireWeights.Add(weight);
        return new Outlet
        {
            Name = name,
            CreditName = credit,
            Domain = domain,
            Lang = lang,
            Role = OutletRole.Wire,
            Home = pools.Towns[rng.Next(20)],
            Dateline = dateline,
            Header = [],
            Footer = [],
            BylineStyle = rng.Next(3),
            DateStyle = rng.Next(3),
            UrlStyle = rng.Next(3),
            PublishedStyle = rng.Next(2),
            Undated = 0.02,
            Staff = Staff(pools, rng, 40),
            Sections = Sections[(int)lang],
        };
    }

    private Outlet Paper(NamePools pools, Rng rng, Lang lang, HashSet<string> used)
    {
        var home = pools.Town(rng);
        string name;
        do
        {
            name = rng.Pick(PaperPatterns[(int)lang])
                .Replace("{Town}", home.Name, StringComparison.Ordinal)
                .Replace("{Region}", home.Region, StringComparison.Ordinal)
                .Replace("{Word}", pools.Person(rng).Surname, StringComparison.Ordinal);
        }
        while (!used.Add(name));
        var domain = DomainOf(name, lang, rng);
        return Furnish(pools, rng, lang, name, domain, home, OutletRole.Newspaper);
    }

    private Outlet Aggregator(NamePools pools, Rng rng, Lang lang, HashSet<string> used)
    {
        string domain;
        do domain = rng.Pick(AggregatorPatterns).Replace("{word}", pools.Person(rng).Surname.ToLowerInvariant(), StringComparison.Ordinal);
        while (!used.Add(domain));
        var outlet = Furnish(pools, rng, lang, domain, domain, pools.Town(rng), OutletRole.Aggregator);
        return outlet;
    }

    private Outlet Furnish(NamePools pools, Rng rng, Lang lang, string name, string domain, Town home, OutletRole role)
    {
        var l = (int)lang;
        var aggregator = role == OutletRole.Aggregator;
        string Fill(string line) => line.Replace("{name}", name, StringComparison.Ordinal).Replace("{domain}", domain, StringComparison.Ordinal);
        var header = NavLines[l].Where(_ => rng.Chance(0.45)).Select(Fill).ToArray();
        var footer = FooterLines[l].Where(_ => rng.Chance(0.5)).Select(Fill).ToArray();
        return new Outlet
        {
            Name = name,
            Domain = domain,
            Lang = lang,
            Role = role,
            Home = home,
            Header = header,
            Footer = footer,
            Inline = rng.Chance(0.5) ? rng.Pick(InlineMarkers[l]) : null,
            InlineEvery = rng.Between(2, 4),
            Teaser = rng.Chance(0.35) ? rng.Pick(Teasers[l]) : null,
            Related = rng.Chance(0.5) ? rng.Between(2, 5) : 0,
            RelatedHeading = Fill(rng.Pick(RelatedHeadings[l])),
            TitleInText = rng.Chance(0.6),
            BylineStyle = rng.Next(4),
            DateStyle = rng.Next(3),
            UrlStyle = rng.Next(3),
            PublishedStyle = rng.Next(3),
            Undated = aggregator ? rng.Between(0.3, 0.7) : rng.Chance(0.2) ? rng.Between(0.2, 0.5) : 0.03,
            NoOutletField = aggregator ? 0.5 : rng.Chance(0.2) ? 0.5 : 0.0,
            Staff = Staff(pools, rng, aggregator ? 1 : 12),
            Sections = Sections[l],
        };
    }

    private static Person[] Staff(NamePools pools, Rng rng, int count)
    {
        var staff = new Person[count];
        for (var i = 0; i < count; i++) staff[i] = pools.Person(rng);
        return staff;
    }

    private static string DomainOf(string name, Lang lang, Rng rng)
    {
        var slug = Slug.Of(name, 40).Replace("-", "", StringComparison.Ordinal);
        if (slug.StartsWith("the", StringComparison.Ordinal) && rng.Chance(0.5)) slug = slug[3..];
        var tld = lang switch { Lang.De => ".de", Lang.Fr => ".fr", Lang.Es => ".es", _ => rng.Pick([".com", ".co.uk", ".net", ".com"]) };
        return slug + tld;
    }
}
