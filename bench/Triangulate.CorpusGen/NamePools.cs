namespace Triangulate.CorpusGen;

/// <summary>
/// Invented people, towns, companies and clubs for one corpus. Pools grow with the corpus (roughly with its square
/// root) and people are drawn with Zipf weights, so common surnames recur across unrelated stories and a few full
/// names collide, as they do in real news.
/// </summary>
internal sealed class NamePools
{
    // Mostly single consonants and vowels: pronounceable, name-like words rather than random letters.
    private static readonly string[] Onsets = ["b", "c", "d", "f", "g", "h", "j", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "b", "d", "k", "l", "m", "n", "r", "s", "t", "br", "dr", "gr", "st", "tr", "ch", "sh", "w"];
    private static readonly string[] Vowels = ["a", "e", "i", "o", "u", "a", "e", "o", "a", "e", "i", "o"];
    private static readonly string[] Codas = ["", "", "", "n", "r", "l", "s", "m", "n", "r"];
    private static readonly string[] SurnameEndings = ["", "er", "son", "sen", "ek", "ic", "ova", "ani", "etti", "ez", "ard", "ley", "man", "ow", "ski", "ides", "ura", "ens", "ier", "hoff"];
    private static readonly string[] FemaleEndings = ["a", "ia", "ina", "elle", "ette", "ine", "ara", "ea", "is", "een"];
    private static readonly string[] MaleEndings = ["o", "an", "en", "er", "us", "as", "ik", "on", "el", "ard"];
    private static readonly string[] TownEndings = ["ford", "burg", "ton", "ville", "mouth", "stad", "heim", "ora", "ano", "ec", "ova", "by", "dal", "wick", "field", "haven", "ia", "ar", "ino", "brook"];
    private static readonly string[] TownPrefixes = ["Port ", "San ", "New ", "Upper ", "North ", "Santa ", "Fort ", "Lower ", "Bad ", "Saint-"];
    private static readonly string[] ClubPatterns = ["FC {0}", "{0} United", "{0} Rovers", "Sporting {0}", "{0} City", "Real {0}", "Athletic {0}", "{0} Wanderers", "Dynamo {0}", "{0} Albion"];

    // Company name suffixes, index-aligned with the sector names below.
    private static readonly string[] Sectors = ["Holdings", "Systems", "Energy", "Pharma", "Motors", "Bank", "Foods", "Telecom", "Logistics", "Mining", "Airlines", "Semiconductors"];
    private static readonly (string En, string De, string Fr, string Es)[] SectorNames =
    [
        ("investment", "Beteiligungs", "investissement", "inversión"), ("software", "Software", "logiciel", "software"), ("energy", "Energie", "énergie", "energía"),
        ("drugmaker", "Pharma", "pharmaceutique", "farmacéutica"), ("carmaker", "Auto", "automobile", "automovilística"), ("banking", "Bank", "bancaire", "bancaria"),
        ("food", "Lebensmittel", "agroalimentaire", "alimentaria"), ("telecoms", "Telekommunikations", "télécoms", "de telecomunicaciones"), ("logistics", "Logistik", "logistique", "logística"),
        ("mining", "Bergbau", "minier", "minera"), ("airline", "Flug", "aérien", "aérea"), ("chipmaker", "Chip", "semi-conducteurs", "de chips"),
    ];

    private static readonly Country[] AllCountries =
    [
        new("Portugal", "Portugal", "Portugal", "Portugal", "EUR"), new("Chile", "Chile", "Chili", "Chile", "USD"), new("Peru", "Peru", "Pérou", "Perú", "USD"),
        new("Indonesia", "Indonesien", "Indonésie", "Indonesia", "USD"), new("Turkey", "Türkei", "Turquie", "Turquía", "USD"), new("Greece", "Griechenland", "Grèce", "Grecia", "EUR"),
        new("Italy", "Italien", "Italie", "Italia", "EUR"), new("Mexico", "Mexiko", "Mexique", "México", "USD"), new("Japan", "Japan", "Japon", "Japón", "USD"),
        new("the Philippines", "den Philippinen", "les Philippines", "Filipinas", "USD"), new("Canada", "Kanada", "Canada", "Canadá", "USD"), new("Norway", "Norwegen", "Norvège", "Noruega", "EUR"),
        new("Spain", "Spanien", "Espagne", "España", "EUR"), new("Austria", "Österreich", "Autriche", "Austria", "EUR"), new("Poland", "Polen", "Pologne", "Polonia", "EUR"),
        new("Kenya", "Kenia", "Kenya", "Kenia", "USD"), new("Colombia", "Kolumbien", "Colombie", "Colombia", "USD"), new("New Zealand", "Neuseeland", "Nouvelle-Zélande", "Nueva Zelanda", "USD"),
        new("Ireland", "Irland", "Irlande", "Irlanda", "EUR"), new("Romania", "Rumänien", "Roumanie", "Rumanía", "EUR"), new("Ecuador", "Ecuador", "Équateur", "Ecuador", "USD"),
        new("Iceland", "Island", "Islande", "Islandia", "EUR"),
    ];

    private readonly Rng _rng;
    private readonly string[] _femaleGiven;
    private readonly string[] _maleGiven;
    private readonly string[] _surnames;

    public NamePools(ulong seed, long articles)
    {
        _rng = Rng.For(seed, "pools");
        var scale = Math.Sqrt(Math.Max(articles, 100));
        var used = new HashSet<string>(StringComparer.Ordinal);
        _femaleGiven = Make(260, () => Joined(Word(1, 2), _rng.Pick(FemaleEndings), 8), used);
        _maleGiven = Make(260, () => Joined(Word(1, 2), _rng.Pick(MaleEndings), 8), used);
        _surnames = Make(2500 + (int)(scale * 20), () => Joined(Word(1, 2), _rng.Pick(SurnameEndings), 10), used);
        Countries = AllCountries;
        var regionsPerCountry = new string[Countries.Count][];
        for (var c = 0; c < Countries.Count; c++) regionsPerCountry[c] = Make(8, () => Word(2, 3), used);
        Towns = MakeTowns(200 + (int)(scale * 10), regionsPerCountry, used);
        Companies = MakeCompanies(120 + (int)(scale * 3), used);
        Teams = MakeTeams(used);
    }

    public IReadOnlyList<Country> Countries { get; }

    public IReadOnlyList<Town> Towns { get; }

    public IReadOnlyList<Company> Companies { get; }

    public IReadOnlyList<Team> Teams { get; }

    /// <summary>A person drawn with Zipf weights on given name and surname, so common names recur.</summary>
    public Person Person(Rng rng)
    {
        var female = rng.Chance(0.45);
        var given = female ? _femaleGiven[rng.Zipf(_femaleGiven.Length, 0.9)] : _maleGiven[rng.Zipf(_maleGiven.Length, 0.9)];
        return new Person(given, _surnames[rng.Zipf(_surnames.Length, 0.8)], female);
    }

    /// <summary>A town drawn with Zipf weights: big towns make more news.</summary>
    public Town Town(Rng rng) => Towns[rng.Zipf(Towns.Count, 0.7)];

    public Company Company(Rng rng) => Companies[rng.Zipf(Companies.Count, 0.6)];

    public IReadOnlyList<Town> TownsOf(Country country) => _townsByCountry[country];

    private readonly Dictionary<Country, List<Town>> _townsByCountry = [];

    private List<Town> MakeTowns(int count, string[][] regions, HashSet<string> used)
    {
        var towns = new List<Town>(count);
        var names = Make(count, () =>
        {
            var stem = Joined(Word(1, 2), _rng.Pick(TownEndings), 11);
            return _rng.Chance(0.12) ? _rng.Pick(TownPrefixes) + stem : stem;
        }, used);
        for (var i = 0; i < count; i++)
        {
            // Countries get towns unevenly, as news coverage is uneven.
            var c = _rng.Zipf(Countries.Count, 0.5);
            var country = Countries[c];
            var town = new Town(i, names[i], regions[c][_rng.Next(regions[c].Length)], country, Person(_rng), Person(_rng), Person(_rng), Person(_rng));
            towns.Add(town);
            if (!_townsByCountry.TryGetValue(country, out var list)) _townsByCountry[country] = list = [];
            list.Add(town);
        }
        return towns;
    }

    private List<Company> MakeCompanies(int count, HashSet<string> used)
    {
        var stems = Make(count, () => Capitalise(Word(1, 2) + _rng.Pick(["ex", "ia", "on", "ar", "is", "ix", "era", "o", "an", "ium"])), used);
        var companies = new List<Company>(count);
        for (var i = 0; i < count; i++)
        {
            var s = _rng.Next(Sectors.Length);
            var (sen, sde, sfr, ses) = SectorNames[s];
            var ticker = new string(stems[i].ToUpperInvariant().Where(char.IsLetter).Take(3).ToArray()) + (char)('A' + _rng.Next(26));
            var name = _rng.Chance(0.5) ? $"{stems[i]} {Sectors[s]}" : stems[i];
            companies.Add(new Company(name, ticker, Fact.Local(sen, sde, sfr, ses), Town(_rng), Person(_rng), Person(_rng), _rng.Between(80.0, 40000.0)));
        }
        return companies;
    }

    private List<Team> MakeTeams(HashSet<string> used)
    {
        var teams = new List<Team>();
        foreach (var country in Countries)
        {
            if (!_townsByCountry.TryGetValue(country, out var towns) || towns.Count < 4) continue;
            var league = Capitalise(Word(2, 2)) + " League";
            foreach (var town in towns.Take(18))
            {
                var name = string.Format(System.Globalization.CultureInfo.InvariantCulture, _rng.Pick(ClubPatterns), town.Name);
                if (!used.Add(name)) continue;
                var squad = new Person[14];
                for (var p = 0; p < squad.Length; p++) squad[p] = Person(_rng) with { Female = false };
                teams.Add(new Team(name, town, $"{Capitalise(Word(2, 3))} {_rng.Pick(["Stadium", "Park", "Arena", "Ground"])}", Person(_rng), squad, league));
            }
        }
        return teams;
    }

    private string Word(int minSyllables, int maxSyllables)
    {
        while (true)
        {
            var syllables = _rng.Between(minSyllables, maxSyllables);
            var word = new System.Text.StringBuilder();
            for (var i = 0; i < syllables; i++)
            {
                // Words may open on a vowel, as Ana or Elmar do.
                if (i > 0 || _rng.Chance(0.8)) word.Append(_rng.Pick(Onsets));
                word.Append(_rng.Pick(Vowels));
                if (i < syllables - 1 && _rng.Chance(0.25)) word.Append(_rng.Pick(Codas));
            }
            if (word.Length <= 2 + (3 * maxSyllables) - 2) return Capitalise(word.ToString());
        }
    }

    private static string[] Make(int count, Func<string> make, HashSet<string> used)
    {
        var result = new string[count];
        for (var i = 0; i < count; i++)
        {
            string name;
            var tries = 0;
            do name = make();
            while ((!Plausible(name) || !used.Add(name)) && ++tries < 200);
            result[i] = name;
        }
        return result;
    }

    /// <summary>Rejects what no one is called: names under four letters, doubled vowels, two vowels at the start.</summary>
    private static bool Plausible(string name)
    {
        if (name.Length < 4) return false;
        var lower = name.ToLowerInvariant();
        if (IsVowel(lower[0]) && IsVowel(lower[1])) return false;
        for (var i = 1; i < lower.Length; i++)
            if (IsVowel(lower[i]) && lower[i] == lower[i - 1]) return false;
        return true;
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';

    /// <summary>A stem and an ending joined without a doubled vowel, cut back to a plausible length.</summary>
    private static string Joined(string stem, string ending, int maxLength)
    {
        if (ending.Length > 0 && stem.Length > 1 && "aeiou".Contains(ending[0], StringComparison.Ordinal) && "aeiou".Contains(stem[^1], StringComparison.Ordinal)) stem = stem[..^1];
        var word = stem + ending;
        if (word.Length > maxLength) word = stem.Length > 3 ? stem[..Math.Max(3, maxLength - ending.Length)] + ending : word;
        return Capitalise(word);
    }

    private static string Capitalise(string word) => word.Length == 0 ? word : char.ToUpperInvariant(word[0]) + word[1..].ToLowerInvariant();
}
