using System.CommandLine;
using Triangulate.Link.Evaluation;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Triangulate.Extract;
using Triangulate.Ingest;
using Triangulate.Ingest.Evaluation;
using Triangulate.Model;

namespace Triangulate.Cli;

/// <summary>
/// <c>triangulate eval extract GOLD...</c>: scores entities, quotes (text, speaker, speaker kind) and status claims
/// against a JSON gold file, or named-entity mentions against a MEANTIME folder (CAT XML, ENTITY_MENTION of type NAM),
/// and prints precision and recall per item type.
/// </summary>
internal static class EvalExtractCommand
{
    public static Command Create()
    {
        var gold = new Argument<string[]>("GOLD") { Description = "A gold JSON file, or a MEANTIME folder of CAT XML files", Arity = ArgumentArity.OneOrMore };
        var verbose = new Option<bool>("--verbose") { Description = "List what was found but is not in the gold (and gold items missed), per document" };
        var command = new Command("extract", "Score entity, quote and status-claim extraction against a gold set") { gold, verbose };
        AddTimexOptions(command);
        command.SetAction(result =>
        {
            Verbose = result.GetValue(verbose);
            // Scores per half (EvalHalf: looked at while tuning, held back and only scored), printed apart and summed.
            var scores = new Dictionary<string, SortedDictionary<string, Score>>(StringComparer.Ordinal)
            {
                [EvalHalf.Look] = new(StringComparer.Ordinal),
                [EvalHalf.Held] = new(StringComparer.Ordinal),
            };
            foreach (var path in result.GetValue(gold)!)
            {
                if (Directory.Exists(path)) { EvalMeantime(path, scores); EvalMeantimeTimes(path, result); }
                else if (File.Exists(path)) EvalGold(path, scores);
                else { Console.Error.WriteLine($"error: {path}: no such file or folder"); return ExitCodes.Usage; }
            }
            Console.WriteLine("item\thalf\tgold\tfound\tcorrect\tprecision\trecall\tf1");
            var names = scores.Values.SelectMany(h => h.Keys).Distinct().Order(StringComparer.Ordinal);
            foreach (var name in names)
            {
                var all = new Score();
                foreach (var half in (string[])[EvalHalf.Look, EvalHalf.Held])
                {
                    var s = scores[half].GetValueOrDefault(name) ?? new Score();
                    Add(all, s.Gold, s.Found, s.Correct);
                    PrintScore(name, half, s);
                }
                PrintScore(name, "all", all);
            }
            return ExitCodes.Success;
        });
        return command;
    }

    private static bool Verbose { get; set; }

    private static void PrintScore(string name, string half, Score s) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}\t{half}\t{s.Gold}\t{s.Found}\t{s.Correct}\t{s.Precision:0.000}\t{s.Recall:0.000}\t{s.F1:0.000}"));

    private static readonly Option<string?> DumpTimex = new("--dump-timex") { Description = "MEANTIME: write the articles (text, creation date, sentences) as JSON for a peer time tagger" };
    private static readonly Option<string?> TimexFound = new("--timex-found") { Description = "MEANTIME: score a peer's time expressions (JSON) instead of ours" };

    private static void AddTimexOptions(Command command)
    {
        command.Options.Add(DumpTimex);
        command.Options.Add(TimexFound);
    }

    /// <summary>MEANTIME TIMEX3: ours (or a peer's, with --timex-found) scored by <see cref="MeantimeTimexEval"/>; --dump-timex writes the input for a peer.</summary>
    private static void EvalMeantimeTimes(string folder, ParseResult result)
    {
        var articles = MeantimeTimexEval.Read(folder);
        if (result.GetValue(DumpTimex) is { } dump) MeantimeTimexEval.Dump(articles, dump);
        var label = result.GetValue(TimexFound) is { } peer ? Path.GetFileNameWithoutExtension(peer) : "ours";
        double? seconds;
        Dictionary<string, List<MeantimeTimexEval.Found>> found;
        if (result.GetValue(TimexFound) is { } peerFile) found = MeantimeTimexEval.Load(peerFile, out seconds);
        else
        {
            found = MeantimeTimexEval.Ours(articles, out var ours);
            seconds = ours;
        }
        // Both halves on every run (only the looked-at half's errors are listed with --verbose; the held half's only
        // counted by class), then the whole set.
        var classes = new Dictionary<string, TimexErrorClasses>(StringComparer.Ordinal);
        foreach (var half in (string[])[EvalHalf.Look, EvalHalf.Held])
        {
            var part = articles.Where(a => EvalHalf.Of(a.File) == half).ToList();
            MeantimeTimexEval.Score(part, found, Verbose && half == EvalHalf.Look, $"{label}, {half}", null, classes[half] = new TimexErrorClasses());
            if (label == "ours") MeantimeTimexEval.ScoreValues(part, Verbose && half == EvalHalf.Look, half);
        }
        if (Verbose) TimexErrorClasses.Print(label, classes[EvalHalf.Look], classes[EvalHalf.Held]);
        MeantimeTimexEval.Score(articles, found, false, $"{label}, all", seconds);
        if (label == "ours") MeantimeTimexEval.ScoreValues(articles, false, "all");
    }

    private sealed class Score
    {
        public int Gold { get; set; }
        public int Found { get; set; }
        public int Correct { get; set; }
        public double Precision => Found == 0 ? 0 : (double)Correct / Found;
        public double Recall => Gold == 0 ? 0 : (double)Correct / Gold;
        public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
    }

    private static Score Get(SortedDictionary<string, Score> scores, string name)
    {
        if (!scores.TryGetValue(name, out var s)) scores[name] = s = new Score();
        return s;
    }

    private static DocumentAnalysis Analyse(Document document)
    {
        var builder = PipelineBuilder.CreateDefault();
        return new DocumentExtractor(builder.SentenceSplitter, builder.Extractors).Extract(document);
    }

    private static Document Classified(string text, string source)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var sourceDocument = new SourceDocument { Source = source, Sha256 = StableId.Sha256Hex(bytes), Raw = bytes, Text = text, Segments = LineSegmenter.Segment(text), Format = "text" };
        // The classifier the pipeline uses for text captures, so furniture is kept out as it is in `analyze`.
        var blocks = PipelineBuilder.CreateDefault().Classifier.Classify(sourceDocument);
        return new Document { Id = StableId.ForDocument(sourceDocument.Sha256), Source = source, Sha256 = sourceDocument.Sha256, Text = text, Blocks = blocks, Body = DocumentAssembler.JoinBody(text, blocks), Language = "en" };
    }

    private static void EvalGold(string path, Dictionary<string, SortedDictionary<string, Score>> halves)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        foreach (var doc in json.RootElement.GetProperty("documents").EnumerateArray())
        {
            var file = Path.GetFullPath(Path.Combine(folder, doc.GetProperty("file").GetString()!));
            var scores = halves[EvalHalf.Of(file)];
            var analysis = Analyse(Classified(File.ReadAllText(file), file));
            var names = new Dictionary<string, Entity>(StringComparer.Ordinal);
            foreach (var e in analysis.Entities) names[e.Id] = e;
            // Entities: a gold (name, type) is found when an entity has that name or alias and that type.
            var entities = Get(scores, "entity");
            var typed = Get(scores, "entity+type");
            entities.Found += analysis.Entities.Count;
            typed.Found += analysis.Entities.Count;
            foreach (var g in doc.GetProperty("entities").EnumerateArray())
            {
                var name = g[0].GetString()!;
                var type = g[1].GetString()!;
                entities.Gold++;
                typed.Gold++;
                var match = analysis.Entities.FirstOrDefault(e => Same(e.Name, name) || e.Aliases.Any(a => Same(a, name)));
                if (match is null) continue;
                entities.Correct++;
                if (string.Equals(match.Type.ToString(), type, StringComparison.OrdinalIgnoreCase)) typed.Correct++;
            }
            var quotes = Get(scores, "quote");
            var speakers = Get(scores, "quote+speaker");
            quotes.Found += analysis.Quotes.Count(q => q.Variant.Direct == true);
            speakers.Found += analysis.Quotes.Count(q => q.Variant.Direct == true);
            foreach (var g in doc.GetProperty("quotes").EnumerateArray())
            {
                quotes.Gold++;
                speakers.Gold++;
                var text = g.GetProperty("text").GetString()!;
                var match = analysis.Quotes.FirstOrDefault(q => q.Variant.Direct == true && q.Variant.Text.StartsWith(text, StringComparison.Ordinal));
                if (match is null) continue;
                quotes.Correct++;
                var speaker = match.Speaker is not null && names.TryGetValue(match.Speaker, out var entity) ? entity.Name : match.Speaker;
                var kind = g.GetProperty("kind").GetString()!;
                if (Same(speaker ?? "", g.GetProperty("speaker").GetString()!) && string.Equals(match.SpeakerKind.ToString(), kind, StringComparison.OrdinalIgnoreCase)) speakers.Correct++;
            }
            var status = Get(scores, "status");
            var found = analysis.Claims.Where(c => c.Kind == ClaimKind.Status)
                .Select(c => (Subject: c.Subject is not null && names.TryGetValue(c.Subject, out var e) ? e.Name : c.Subject ?? "", Status: c.Status ?? ""))
                .Distinct().ToList();
            status.Found += found.Count;
            foreach (var g in doc.GetProperty("status").EnumerateArray())
            {
                status.Gold++;
                var subject = g[0].GetString()!;
                var value = g[1].GetString()!;
                if (found.Any(f => Same(f.Subject, subject) && f.Status == value)) status.Correct++;
            }
            if (Verbose && EvalHalf.Of(file) == EvalHalf.Look) Report(doc, analysis, names, found);
            if (doc.TryGetProperty("quantities", out var figures)) ScoreQuantities(figures, analysis, Get(scores, "quantity"), Verbose && EvalHalf.Of(file) == EvalHalf.Look);
        }
    }

    /// <summary>
    /// Figures: a gold [number, unit or null] is found when a quantity claim's bounds hold the number and each stated
    /// bound lies within a quarter of it (so the hedge's reading of "about 400" or "more than 40" does not decide the
    /// match, but a claim of 10..1,000 does not match 400) and, when the gold names a unit, the claim has that unit.
    /// Found counts quantity claims by distinct span, so one figure restated by two claims is not counted twice.
    /// </summary>
    private static void ScoreQuantities(JsonElement figures, DocumentAnalysis analysis, Score score, bool verbose)
    {
        var claims = new List<ClaimDraft>();
        var spans = new HashSet<(int, int)>();
        foreach (var c in analysis.Claims)
            if (c.Kind == ClaimKind.Quantity && c.Value is not null && spans.Add((c.Mention.Span.Start, c.Mention.Span.End))) claims.Add(c);
        score.Found += claims.Count;
        var used = new HashSet<ClaimDraft>(ReferenceEqualityComparer.Instance);
        foreach (var g in figures.EnumerateArray())
        {
            score.Gold++;
            var number = g[0].GetDouble();
            var unit = g[1].ValueKind == JsonValueKind.String ? g[1].GetString() : null;
            // One claim per figure, a count ("items") first for a figure without unit, so "roughly 4%" and "four of
            // the makers" are two figures, not one claim standing for both.
            var match = claims.FirstOrDefault(c => !used.Contains(c) && Holds(c.Value!, number) && string.Equals(c.Value!.Unit, unit ?? "items", StringComparison.OrdinalIgnoreCase))
                ?? claims.FirstOrDefault(c => !used.Contains(c) && Holds(c.Value!, number) && unit is null);
            if (match is not null) { score.Correct++; used.Add(match); }
            else if (verbose) Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"- quantity {number} {unit}"));
        }
        if (!verbose) return;
        foreach (var c in claims)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  quantity {c.Value!.Low}..{c.Value!.High} {c.Value!.Unit} «{c.Mention.Span.Excerpt}»"));
    }

    private static bool Holds(QuantityValue value, double number)
    {
        var slack = 1e-9 * Math.Max(1, Math.Abs(number));
        if (value.Low is null && value.High is null) return false;
        if (value.Low is { } low && (low > number + slack || low < number - Math.Abs(number) / 4 - slack)) return false;
        return value.High is not { } high || (high >= number - slack && high <= number + Math.Abs(number) / 4 + slack);
    }

    /// <summary>Lists found items absent from the gold ("+") and gold items not found ("-"), to judge the gold and the extractor.</summary>
    private static void Report(JsonElement doc, DocumentAnalysis analysis, Dictionary<string, Entity> names, List<(string Subject, string Status)> found)
    {
        Console.WriteLine("# " + doc.GetProperty("file").GetString());
        var goldEntities = doc.GetProperty("entities").EnumerateArray().Select(g => (Name: g[0].GetString()!, Type: g[1].GetString()!)).ToList();
        foreach (var e in analysis.Entities)
        {
            var g = goldEntities.FirstOrDefault(g => Same(e.Name, g.Name) || e.Aliases.Any(a => Same(a, g.Name)));
            var mark = g.Name is null ? "+" : string.Equals(g.Type, e.Type.ToString(), StringComparison.OrdinalIgnoreCase) ? " " : "~";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{mark} entity {e.Type} {e.Name} [{string.Join("|", e.Aliases)}] x{e.Mentions.Count}"));
        }
        foreach (var g in goldEntities)
            if (!analysis.Entities.Any(e => Same(e.Name, g.Name) || e.Aliases.Any(a => Same(a, g.Name)))) Console.WriteLine($"- entity {g.Type} {g.Name}");
        var goldQuotes = doc.GetProperty("quotes").EnumerateArray().Select(g => g.GetProperty("text").GetString()!).ToList();
        foreach (var q in analysis.Quotes)
        {
            if (q.Variant.Direct != true) continue;
            var mark = goldQuotes.Any(g => q.Variant.Text.StartsWith(g, StringComparison.Ordinal)) ? " " : "+";
            var speaker = q.Speaker is not null && names.TryGetValue(q.Speaker, out var entity) ? entity.Name : q.Speaker;
            var text = q.Variant.Text.Length > 50 ? q.Variant.Text[..50] : q.Variant.Text;
            Console.WriteLine($"{mark} quote \"{text}\" — {speaker} ({q.SpeakerKind})");
        }
        foreach (var g in goldQuotes)
            if (!analysis.Quotes.Any(q => q.Variant.Direct == true && q.Variant.Text.StartsWith(g, StringComparison.Ordinal))) Console.WriteLine($"- quote \"{g}\"");
        var goldStatus = doc.GetProperty("status").EnumerateArray().Select(g => (g[0].GetString()!, g[1].GetString()!)).ToList();
        foreach (var f in found)
            Console.WriteLine($"{(goldStatus.Any(g => Same(g.Item1, f.Subject) && g.Item2 == f.Status) ? " " : "+")} status {f.Subject}: {f.Status}");
    }

    private static bool Same(string a, string b) => string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);

    /// <summary>MEANTIME: each article analysed once, then scored per item type.</summary>
    private static void EvalMeantime(string folder, Dictionary<string, SortedDictionary<string, Score>> halves)
    {
        foreach (var file in Directory.EnumerateFiles(folder, "*.xml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var xml = XDocument.Load(file);
            if (xml.Root?.Name.LocalName != "Document") continue;
            var (content, offsets) = MeantimeReader.Tokens(xml.Root);
            var analysis = Analyse(MeantimeReader.ToDocument(content, file, null));
            var look = EvalHalf.Of(file) == EvalHalf.Look;
            if (Verbose && look) Console.WriteLine("# " + Path.GetFileName(file));
            ScoreMeantimeEntities(xml.Root, content, offsets, analysis, halves[EvalHalf.Of(file)], Verbose && look);
        }
    }

    /// <summary>
    /// MEANTIME names, scored by <see cref="MeantimeNameScorer"/> (the region the document-level annotation covers, the
    /// noun phrase's head, PRE.NAM neither right nor wrong in the NAM row). Strict: exact span of a NAM mention. Head:
    /// the found name lies inside the gold extent and covers its head. Lenient: NAM and PRE.NAM ("the Boeing employees")
    /// both count as names. Per type: PER, ORG, LOC, PRO (our products and weapons; our untyped names count for no
    /// type), FIN (indices and currencies: our financial names), scored by head with the type of the gold entity
    /// instance. Names we type as events are left out: MEANTIME marks events as EVENT_MENTION, not entity mentions.
    /// </summary>
    private static void ScoreMeantimeEntities(XElement root, string content, Dictionary<string, (int Start, int End)> offsets, DocumentAnalysis analysis, SortedDictionary<string, Score> scores, bool verbose)
    {
        var gold = MeantimeNameScorer.ReadGold(root, content, offsets);
        if (gold.LastAnnotatedSentence < 0) return;
        var found = new List<MeantimeFoundName>();
        var events = new List<MeantimeFoundName>();
        var spans = new HashSet<(int, int)>();
        foreach (var e in analysis.Entities)
            foreach (var m in e.Mentions)
            {
                // Pronoun mentions resolve coreference; MEANTIME's NAM mentions are names only.
                if (gold.SentenceAt[m.Start] > gold.LastAnnotatedSentence || IsPronoun(content.AsSpan(m.Start, m.Length)) || !spans.Add((m.Start, m.End))) continue;
                (e.Type == EntityType.Event ? events : found).Add(new MeantimeFoundName(m.Start, m.End, MeantimeType(e.Type)));
            }
        var nam = gold.Names.Where(g => g.Syntactic == "NAM").ToList();
        var preNam = gold.Names.Where(g => g.Syntactic is "PRE.NAM" or "").ToList();
        var names = gold.Names.Where(g => g.Syntactic is "NAM" or "PRE.NAM").ToList();
        var untyped = gold.Names.Where(g => g.Syntactic.Length == 0).ToList();
        Add(Get(scores, "meantime-nam strict (exact span)"), nam.Count, found.Count, found.Count(f => nam.Any(g => g.Start == f.Start && g.End == f.End)));
        Add(Get(scores, "meantime-nam head"), MeantimeNameScorer.Score(found, nam, preNam));
        Add(Get(scores, "meantime-name lenient (NAM+PRE.NAM, head)"), MeantimeNameScorer.Score(found, names, untyped));
        foreach (var type in (string[])["PER", "ORG", "LOC", "PRO", "FIN"])
        {
            var typedGold = nam.Where(g => g.Type == type).ToList();
            var typedFound = found.Where(f => f.Type == type).ToList();
            Add(Get(scores, "meantime-nam head " + type), MeantimeNameScorer.Score(typedFound, typedGold, preNam));
            Add(Get(scores, "meantime-nam strict " + type), typedGold.Count, typedFound.Count, typedFound.Count(f => typedGold.Any(g => g.Start == f.Start && g.End == f.End)));
        }
        if (!verbose) return;
        // "+" found, not a gold name (with the markable gold puts there, if any); "~" a name of another type; "-" missed;
        // "=" on a PRE.NAM or untyped mention (not counted in the NAM row); "e" a name typed as an event (not scored).
        var pairs = MeantimeNameScorer.Pair(found, nam);
        var matched = pairs.ToDictionary(p => p.Found, p => p.Gold);
        foreach (var f in found)
        {
            if (matched.TryGetValue(f, out var g))
            {
                if (g.Type != f.Type) Console.WriteLine($"~ {content[f.Start..f.End]} found {f.Type} gold {g.Type}");
                continue;
            }
            if (preNam.FirstOrDefault(p => MeantimeNameScorer.Matches(p, f)) is { } careless)
            {
                Console.WriteLine($"= {content[f.Start..f.End]} [{f.Type}] gold: {(careless.Syntactic.Length == 0 ? "untyped" : careless.Syntactic)}");
                continue;
            }
            var over = gold.Others.Where(o => o.Start < f.End && f.Start < o.End).Select(o => o.Kind)
                .Concat(nam.Where(n => n.Start < f.End && f.Start < n.End).Select(n => $"NAM \"{content[n.Start..n.End]}\" head \"{content[n.HeadStart..n.HeadEnd]}\""))
                .Distinct();
            Console.WriteLine($"+ {content[f.Start..f.End]} [{f.Type}] gold: {string.Join(", ", over.DefaultIfEmpty("none"))}");
        }
        foreach (var e in events) Console.WriteLine($"e {content[e.Start..e.End]}");
        var hit = pairs.Select(p => p.Gold).ToHashSet();
        foreach (var g in nam.Where(g => !hit.Contains(g)).OrderBy(g => g.Start)) Console.WriteLine($"- {content[g.Start..g.End]} [{g.Type} {g.Syntactic}] head {content[g.HeadStart..g.HeadEnd]}");
    }

    private static bool IsPronoun(ReadOnlySpan<char> word) =>
        word.Equals("he", StringComparison.OrdinalIgnoreCase) || word.Equals("she", StringComparison.OrdinalIgnoreCase) || word.Equals("him", StringComparison.OrdinalIgnoreCase)
        || word.Equals("his", StringComparison.OrdinalIgnoreCase) || word.Equals("her", StringComparison.OrdinalIgnoreCase) || word.Equals("it", StringComparison.OrdinalIgnoreCase)
        || word.Equals("its", StringComparison.OrdinalIgnoreCase);

    private static string MeantimeType(EntityType type) => type switch
    {
        EntityType.Person => "PER",
        EntityType.Organization or EntityType.Unit => "ORG",
        EntityType.Place => "LOC",
        EntityType.Event => "EVT",
        EntityType.Product or EntityType.Weapon => "PRO",
        EntityType.Financial => "FIN",
        _ => "untyped",
    };

    private static void Add(Score score, int gold, int found, int correct)
    {
        score.Gold += gold;
        score.Found += found;
        score.Correct += correct;
    }

    private static void Add(Score score, (int Gold, int Found, int Correct) counts) => Add(score, counts.Gold, counts.Found, counts.Correct);
}
