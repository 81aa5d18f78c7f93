using System.Collections.Frozen;
using System.Globalization;
using Triangulate.Model;
using Triangulate.Text;

namespace Triangulate.Extract.Quantities;

/// <summary>
/// Turns every number that states something into a <see cref="ClaimKind.Quantity"/> claim: digits or words, ranges
/// ("400 to 500"), ratios ("6 to 1"), percentages, measures normalised to one unit each (Data/quantity-units.tsv),
/// money (Data/currencies.tsv) and counts of things ("10,000 Chilean troops"). Hedges written before the number
/// (Data/quantity-hedges.tsv) become bounds. Years, dates and other numbers inside time expressions, ordinals
/// ("44th"), model numbers ("F-16") and times of day are skipped; ages ("Tomas, 30,", "aged 56") are claimed as their
/// holder's age (measure "age"), not as counts, or skipped when no holder is named. Runs after the
/// time extractor and attaches the sentence's first time expression.
/// </summary>
public sealed class QuantityExtractor : IExtractor
{
    private const int MaxSubjectWords = 5;

    /// <summary>How far a hedged number is widened: "about 300" is read as 270–330 (its own written range is <c>Figures.Written</c>'s).</summary>
    internal const double HedgeBelow = 0.9, HedgeAbove = 1.1;

    /// <summary>A lower-case "-s" or "-ed" word after a plural noun is the verb of the clause, not part of the noun phrase.</summary>
    private static bool IsVerbAfterPlural(string text, Token previous, Token current)
    {
        var prev = text.AsSpan(previous.Start, previous.End - previous.Start);
        var word = text.AsSpan(current.Start, current.End - current.Start);
        if (prev.Length < 3 || prev[^1] != 's' || prev[^2] == 's' || word.Length < 4 || !char.IsLower(word[0])) return false;
        return (word[^1] == 's' && word[^2] != 's') || word.EndsWith("ed", StringComparison.Ordinal);
    }

    /// <summary>
    /// An adjective or participle that stands for the people in a state after a count ("33 wounded", "five missing", "12
    /// arrested"), as English uses it after "the" ("the wounded"); the past forms of intransitive verbs ("died", "fled")
    /// are verbs there and stay out.
    /// </summary>
    private static bool IsStateHead(ReadOnlySpan<char> word) =>
        word is "dead" or "killed" or "wounded" or "injured" or "hurt" or "missing" or "arrested" or "detained" or "captured";

    /// <summary>
    /// A lower-case "-ing" word after a plural noun with a determiner after it is a verb taking an object ("employees
    /// beginning this week", "troops crossing the river"): it opens a phrase of its own. Alone or before a preposition
    /// it names what the noun counts ("404 yards rushing", "yards passing against").
    /// </summary>
    private static bool IsParticipleAfterPlural(string text, List<Token> tokens, int at)
    {
        if (at < 1 || at + 1 >= tokens.Count || tokens[at + 1].Kind != TokenKind.Word) return false;
        var prev = tokens[at - 1].In(text);
        var word = tokens[at].In(text);
        if (prev.Length < 3 || prev[^1] != 's' || prev[^2] == 's' || word.Length < 6 || !char.IsLower(word[0]) || !word.EndsWith("ing", StringComparison.Ordinal)) return false;
        return ExtractLexicon.Determiners.Has(tokens[at + 1].In(text)) || tokens[at + 1].In(text) is "his" or "her" or "its" or "their" or "him" or "them";
    }

    /// <summary>
    /// A name right after a lower-case plural head starts a clause of its own ("the 3,000 soldiers Caracas says it
    /// sent"): the name is what the clause is about, not part of the noun counted.
    /// </summary>
    private static bool IsNameAfterPlural(string text, Token previous, Token current)
    {
        var prev = text.AsSpan(previous.Start, previous.End - previous.Start);
        if (prev.Length < 3 || !char.IsLower(prev[0]) || prev[^1] != 's' || prev[^2] == 's') return false;
        // "took two soldiers prisoner", "held 40 tourists hostage": the singular after the plural is what they were made.
        return char.IsUpper(text[current.Start]) || ObjectComplements.Contains(text[current.Start..current.End]);
    }

    private static readonly FrozenSet<string> ObjectComplements = FrozenSet.ToFrozenSet(["prisoner", "hostage", "captive"], StringComparer.Ordinal);

    /// <inheritdoc />
    public void Extract(ExtractionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var lex = QuantityLexicon.Default;
        var text = context.Text;
        var times = new List<TimeExpression>();
        // Forms of up to three words are assembled here, lower case, for the span-keyed lexicon lookups.
        var key = new char[lex.LongestKey + 1];
        var models = ModelDesignations.Of(context, lex);
        for (var index = 0; index < context.Sentences.Count; index++)
        {
            var sentence = context.Sentences[index];
            var tokens = context.TokensOf(index);
            times.Clear();
            // Times are in sentence order: a linear pass would do, the list per sentence is short.
            foreach (var t in context.Times)
                if (t.Span.Start >= sentence.Start && t.Span.End <= sentence.End) times.Add(t);
            var i = 0;
            while (i < tokens.Count)
            {
                var next = TryQuantity(context, lex, models, tokens, times, i, sentence, key);
                i = next > i ? next : i + 1;
            }
        }
    }

    // How many tokens at i write the currency again before a number ("$", "US$", "USD"), 0 when they do not.
    private static int SameCurrency(string text, QuantityLexicon lex, List<Token> tokens, int i, string currency, char[] key)
    {
        if (tokens[i].Kind == TokenKind.Symbol && lex.CurrenciesLookup.TryGetValue(tokens[i].In(text), out var sym) && sym == currency
            && tokens[i + 1].Kind == TokenKind.Number) return 1;
        if (i + 2 < tokens.Count && tokens[i].Kind == TokenKind.Word && tokens[i + 1].Kind == TokenKind.Symbol && tokens[i + 2].Kind == TokenKind.Number
            && lex.CurrenciesLookup.TryGetValue(Concat(tokens[i].In(text), tokens[i + 1].In(text), key), out var sym2) && sym2 == currency) return 2;
        return 0;
    }

    private static int TryQuantity(ExtractionContext context, QuantityLexicon lex, ModelDesignations models, List<Token> tokens,
        List<TimeExpression> times, int i, Sentence sentence, char[] key)
    {
        var text = context.Text;
        string? currency = null;
        var start = i;
        if (tokens[i].Kind == TokenKind.Symbol && lex.CurrenciesLookup.TryGetValue(tokens[i].In(text), out var sym)
            && i + 1 < tokens.Count && tokens[i + 1].Kind == TokenKind.Number)
        {
            currency = sym;
            i++;
        }
        else if (tokens[i].Kind == TokenKind.Word && i + 2 < tokens.Count && tokens[i + 1].Kind == TokenKind.Symbol
            && tokens[i + 2].Kind == TokenKind.Number
            && lex.CurrenciesLookup.TryGetValue(Concat(tokens[i].In(text), tokens[i + 1].In(text), key), out var sym2))
        {
            currency = sym2;
            i += 2;
        }
        else if (tokens[i].Kind == TokenKind.Word && tokens[i].Length == 3 && IsUpperWord(tokens[i].In(text)) && i + 1 < tokens.Count
            && tokens[i + 1].Kind == TokenKind.Number && lex.CurrenciesLookup.TryGetValue(LowerInto(tokens[i].In(text), key), out var code))
        {
            // An ISO code before the amount: "USD 40 million", "EUR 1.2bn", written apart or against it ("SGD1.75").
            currency = code;
            i++;
        }
        // "about half of the staff", "a third of the fleet", "two-thirds of its routes": a share of a set, as a fraction.
        var fraction = currency is null ? Fraction(text, tokens, i) : (Share: 0.0, Tokens: 0);
        NumberMatch number;
        if (fraction.Tokens > 0)
        {
            if (Inside(times, tokens[i].Start, tokens[i + fraction.Tokens - 1].End)) return i + fraction.Tokens;
            number = new NumberMatch(fraction.Share, i, fraction.Tokens, tokens[i].Start, tokens[i + fraction.Tokens - 1].End, true, false);
        }
        else if (!NumberWords.TryParse(text, tokens, i, out number)) return i;
        var after = i + number.TokenCount;
        if (Inside(times, tokens[i].Start, number.End)) return after;
        var age = fraction.Tokens == 0 && currency is null ? AgeOf(text, lex, tokens, i, after, start, sentence, number, key) : null;
        if (age is null && fraction.Tokens == 0 && IsExcluded(text, tokens, i, after, number, currency is not null)) return after;
        if (age is null && currency is null && IsModel(text, lex, models, tokens, i, after, number, key)) return ModelEnd(text, tokens, after);
        // "one commander", "one of them": a lone "one" is an article more often than a figure.
        if (number.Words && number.Value == 1 && number.TokenCount == 1 && !HasHedgeBefore(text, lex, tokens, start, key)) return after;

        var low = number.Value;
        var high = number.Value;
        var measure = (string?)null;
        string? unit = null;
        var factor = 1.0;
        var isRatio = false;
        if (fraction.Tokens > 0)
        {
            // A fraction of one, kept apart from stated percentages: "just over half" is looser than "52%", and Reconcile
            // checks percentages against the figures they are shares of.
            measure = unit = "fraction";
            low = high = fraction.Share;
        }
        var j = after;
        // Ranges and ratios: "400 to 500", "400-500", "between 400 and 500", "6 to 1".
        var k = j;
        // "a 9-14 start", "fell to 2-6 at home", "(10-5, 4-4 away)": two bare whole numbers written tight around a dash
        // are a record or a score unless a plural noun follows to be counted (read below, once the noun is known).
        var tightPair = false;
        // "$300 million - $320 million", "US$ 5 to US$ 6 billion": the currency written again on the second end is still
        // one range of one amount, read past like the dash.
        // "between 400 and 500", "between $140 million and $150 million": "and" after "between" joins the two ends.
        var betweenAnd = k < tokens.Count && Is(text, tokens[k], "and") && start > 0 && Is(text, tokens[start - 1], "between");
        var again = currency is not null && k + 2 < tokens.Count && (Is(text, tokens[k], "to") || tokens[k].In(text) is "-" or "–" || betweenAnd)
            ? SameCurrency(text, lex, tokens, k + 1, currency, key) : 0;
        if (again > 0) k += again;
        if (fraction.Tokens == 0 && k < tokens.Count && (again > 0 || Is(text, tokens[k], "to") || tokens[k].In(text) is "-" or "–" || betweenAnd)
            && NumberWords.TryParse(text, tokens, k + 1, out var second) && !Inside(times, tokens[k + 1].Start, second.End)
            && !GluedLetters(text, tokens, k + 1 + second.TokenCount))
        {
            // "747-400", "787-8", a "7-2" vote: a dash written tight between a number and a smaller one names a variant
            // or a score; a range runs up ("200-250"), and a ratio is written with "to".
            if (second.Value < number.Value && again == 0 && currency is null && tokens[k].In(text) is "-" or "–"
                && tokens[k].Start == tokens[k - 1].End && tokens[k + 1].Start == tokens[k].End && !number.Words && !second.Words)
                return k + 1 + second.TokenCount;
            tightPair = again == 0 && currency is null && tokens[k].In(text) is "-" or "–" && tokens[k].Start == tokens[k - 1].End
                && tokens[k + 1].Start == tokens[k].End && number.TokenCount == 1 && second.TokenCount == 1 && !number.Words && !second.Words
                && WholeDigits(tokens[i].In(text)) && WholeDigits(tokens[k + 1].In(text));
            if (second.Value < number.Value && Is(text, tokens[k], "to") && currency is null)
            {
                isRatio = true;
                low = high = second.Value == 0 ? number.Value : number.Value / second.Value;
            }
            else
            {
                high = second.Value;
                // "$140-150 million", "between 5 and 10 million": a scale word written once, after the second end,
                // scales both ("140 to 150 million" is not 140 to 150,000,000), unless the first end is then the
                // larger ("between 500 and 2 million").
                if (number.TokenCount == 1 && !number.Words && second.TokenCount == 2 && !second.Words
                    && NumberWords.TryParseDigits(tokens[k + 1].In(text), out var digits) && digits > 0
                    && second.Value / digits is var scale && scale > 1 && number.Value * scale <= second.Value) low = number.Value * scale;
            }
            j = k + 1 + second.TokenCount;
        }
        var valueEnd = tokens[j - 1].End;
        var resume = -1;
        if (fraction.Tokens == 0 && j + 1 < tokens.Count && j == after && IsAny(text, tokens[j], "and", "or") && NumberWords.TryParse(text, tokens, j + 1, out var shared)
            && !Inside(times, tokens[j + 1].Start, shared.End) && !GluedLetters(text, tokens, j + 1 + shared.TokenCount))
        {
            // The second number is read on its own next; this one borrows what follows it.
            resume = j;
            j = j + 1 + shared.TokenCount;
        }
        // The unit: the longest form of up to three words (or '%') after the number.
        var unitEnd = j;
        if (age is not null) { measure = "age"; unit = "years"; }
        if (!isRatio && fraction.Tokens == 0 && age is null)
        {
            // "km2", "m2": the tokenizer parts the exponent from the letters.
            if (j + 1 < tokens.Count && tokens[j].Kind == TokenKind.Word && tokens[j + 1].Start == tokens[j].End
                && tokens[j + 1].In(text) is "2" && lex.UnitsLookup.TryGetValue(Concat(tokens[j].In(text), "2", key), out var squared))
            {
                (measure, unit, factor) = squared;
                unitEnd = j + 2;
            }
            for (var n = Math.Min(3, tokens.Count - j); n >= 1 && unitEnd == j; n--)
            {
                var length = Join(text, tokens, j, n, key);
                if (length < 0) continue;
                var form = key.AsSpan(0, length);
                if (n == 1 && IsCapitalSymbol(text, tokens[j])) continue;
                if (lex.UnitsLookup.TryGetValue(form, out var u))
                {
                    (measure, unit, factor) = u;
                    unitEnd = j + n;
                    // "13 billion pounds" is sterling: millions of pounds of weight name what they weigh ("2 million
                    // pounds of beef"); a sum that size without "of" is money.
                    if (currency is null && u.Measure == "mass" && (form.SequenceEqual("pounds") || form.SequenceEqual("pound"))
                        && number.Value >= 1e6 && !(unitEnd < tokens.Count && Is(text, tokens[unitEnd], "of")))
                    {
                        (measure, unit, factor) = ((string?)null, (string?)null, 1.0);
                        currency = "GBP";
                    }
                }
                else if (currency is null && lex.CurrenciesLookup.TryGetValue(form, out var c))
                {
                    currency = c;
                    unitEnd = j + n;
                }
            }
            // "per cent" is two tokens of which "per" is a stop word: handled by the table above.
            // "a 3.5-inch screen", "a 10-km stretch": the unit joined to the number by a hyphen.
            if (unitEnd == j && j + 1 < tokens.Count && tokens[j].In(text) is "-" && tokens[j].Start == tokens[j - 1].End
                && tokens[j + 1].Start == tokens[j].End && lex.UnitsLookup.TryGetValue(LowerInto(tokens[j + 1].In(text), key), out var joined))
            {
                (measure, unit, factor) = joined;
                unitEnd = j + 2;
            }
        }
        if (unitEnd > j) valueEnd = tokens[unitEnd - 1].End;
        // The thing counted or measured: the noun phrase after the number and unit.
        var s = unitEnd;
        // "two of the engines": a count of part of a set names the set after its determiner.
        var partitive = s + 1 < tokens.Count && Is(text, tokens[s], "of") && (unit is null || fraction.Tokens > 0)
            && IsAny(text, tokens[s + 1], "the", "its", "their", "these", "those", "his", "her", "our");
        // "nine of them", "two of which": a count of part of a set named before; its noun is borrowed below.
        var ofPronoun = !partitive && unit is null && fraction.Tokens == 0 && s + 1 < tokens.Count && Is(text, tokens[s], "of")
            && IsAny(text, tokens[s + 1], "them", "us", "which", "whom");
        // "the first 80 of 179 tankers", "12 of 40 flights": a count out of a stated total, no determiner between.
        var outOf = !partitive && unit is null && fraction.Tokens == 0 && s + 2 < tokens.Count && Is(text, tokens[s], "of")
            && tokens[s + 1].Kind == TokenKind.Number && tokens[s + 2].Kind == TokenKind.Word && tokens[s + 2].Start > tokens[s + 1].End;
        if (outOf)
        {
            // The total is read on its own as well ("179 tankers").
            partitive = true;
            s += 2;
        }
        else if (partitive)
        {
            s += 2;
            // "10 of the 25 planes", "three of the four engines": the set's own size is no part of its noun.
            if (s + 1 < tokens.Count && (tokens[s].Kind == TokenKind.Number || NumberWords.IsNumberWord(tokens[s].In(text)))
                && tokens[s + 1].Kind == TokenKind.Word && tokens[s + 1].Start > tokens[s].End) s++;
        }
        else if (ofPronoun) s += 2;
        else if (s < tokens.Count && Is(text, tokens[s], "of") && (number.Plural || unit is not null)) s++;
        // "46 more 787s", "two more aircraft": the count is of further items of the noun after "more".
        if (s + 1 < tokens.Count && s == unitEnd && Is(text, tokens[s], "more") && !lex.StopWordsLookup.Contains(LowerInto(tokens[s + 1].In(text), key))) s++;
        var subjectStart = s;
        var words = 0;
        while (!ofPronoun && s < tokens.Count && words < MaxSubjectWords && (tokens[s].Kind == TokenKind.Word || IsModelNoun(text, models, tokens, s)))
        {
            // A model named by its number is a noun: "18 777s", "14 of the new 787".
            if (tokens[s].Kind == TokenKind.Number || IsModelNoun(text, models, tokens, s))
            {
                s = ModelEnd(text, tokens, s + 1);
                words++;
                continue;
            }
            var w = LowerInto(tokens[s].In(text), key);
            if (w.SequenceEqual("and") || w.SequenceEqual("or"))
            {
                // "towns and villages": a conjunction joins when a content word follows.
                if (words == 0 || s + 1 >= tokens.Count || tokens[s + 1].Kind != TokenKind.Word || lex.StopWordsLookup.Contains(LowerInto(tokens[s + 1].In(text), key))
                    || NumberWords.IsNumberWord(tokens[s + 1].In(text)) || !JoinsNoun(text, lex, tokens, s, MaxSubjectWords - words, key)) break;
                s++;
                continue;
            }
            // "18 dead and 33 wounded", "33 wounded soldiers": a count's first word that names a state people are in
            // heads the phrase (the wounded) or modifies the noun after it; it is no verb ending the phrase, so the figure
            // names its own noun and borrows none of another figure's.
            if (words == 0 && IsStateHead(w)) { words++; s++; continue; }
            if (lex.StopWordsLookup.Contains(w) || NumberWords.IsNumberWord(w)) break;
            // A verb right after a plural head ends the noun phrase: "groups appears", "troops launched".
            if (words > 0 && (IsVerbAfterPlural(text, tokens[s - 1], tokens[s]) || IsNameAfterPlural(text, tokens[s - 1], tokens[s]) || IsParticipleAfterPlural(text, tokens, s))) break;
            words++;
            s++;
        }
        // "half of the day", "a quarter of an hour": a stretch of time, not a share of a set.
        if (fraction.Tokens > 0 && (words == 0 || Time.TimeWords.TryGet(tokens[subjectStart].In(text), out var timeKind, out _) && timeKind is "unit" or "clock")) return after;
        // "according to two people familiar with the matter": a count of the sources of a report is no figure of it.
        if (age is null && currency is null && unit is null && fraction.Tokens == 0 && words > 0 && IsSourceCount(text, lex, tokens, start, s, key)) return s;
        string? subject = age ?? (words > 0 ? text[tokens[subjectStart].Start..tokens[s - 1].End] : null);
        var phraseEnd = words > 0 && age is null ? tokens[s - 1].End : valueEnd;

        if (isRatio) { measure = "ratio"; unit = "ratio"; }
        else if (currency is not null) { measure = "money"; unit = currency; }
        else if (measure is null)
        {
            // A range of counts names its plural ("200-250 seats", "40-50 Russian troops"); a tight pair with no lower-case
            // plural after it is a result ("a 13-13 tie", "the 0-14 <team>", "at 9-14 when"), and borrows no noun either.
            if (tightPair && age is null && !partitive && !ofPronoun && !HasLowerPlural(text, lex, tokens, subjectStart, s, key)) return j;
            // "up to 840 people (550 for a Boeing 747)": a bare figure after a count in its sentence counts the same noun.
            var borrowed = false;
            // "three of the four were damaged", "nine of them": a part of a set whose noun was counted before, here or in
            // the sentence before; words too, since "of" and the set mark the figure as a count.
            if (subject is null && (ofPronoun || partitive) && ElidedSubject(context, PreviousSentenceStart(context, sentence)) is { } set) { subject = set; borrowed = true; }
            // "his 7-yard touchdown pass": a number joined by a hyphen to the word after it modifies its own noun; the
            // noun of another figure in the sentence ("threw for 205 yards") is not what it counts.
            if (subject is null && !number.Words && !HyphenJoined(text, tokens, j) && ElidedSubject(context, sentence.Start) is { } elided) { subject = elided; borrowed = true; }
            // "It ordered 20 jets. It holds options on 10 more.": further items of the last noun counted, here or in the sentence before.
            if (subject is null && !number.Words && j < tokens.Count && Is(text, tokens[j], "more") && EndsPhrase(text, lex, tokens, j + 1, key)
                && ElidedSubject(context, PreviousSentenceStart(context, sentence)) is { } further) { subject = further; borrowed = true; }
            // "job cuts of 10,000", "a workforce of 5,000.": a figure heading its own noun phrase after "of" counts the noun before "of".
            if (subject is null && !number.Words && EndsPhrase(text, lex, tokens, j, key)
                && OfHead(text, lex, tokens, start, key) is { } head) { subject = head; borrowed = true; }
            // "It ordered 20 jets. It hopes to sell 300 this year.": a figure of a hundred or more heading its own noun
            // phrase after a verb or preposition counts the noun counted in the sentence before.
            if (subject is null && !number.Words && number.Value >= 100 && EndsPhrase(text, lex, tokens, j, key)
                && AfterVerbOrPreposition(text, lex, tokens, start, key) && ElidedSubject(context, PreviousSentenceStart(context, sentence)) is { } prior)
            { subject = prior; borrowed = true; }
            if (subject is null) return j;
            // English counts more than one of a plural: "its 777 airliner", "the 787 Dreamliner" name a model.
            // Only for what model numbers look like: three digits or more without a thousands comma, or a version ("3.0").
            if (!partitive && !borrowed && LooksLikeModelNumber(text, tokens[i], number) && !HasPlural(text, lex, tokens, subjectStart, s, key)) return resume >= 0 ? resume : j;
            measure = "count";
            unit = "items";
        }
        // Durations are the time extractor's when they anchor something; a bare count of days is still a quantity.
        if (!isRatio) { low *= factor; high *= factor; }

        // The hedge: up to three words just before the number (or currency).
        string? hedge = null;
        var hedgeStart = tokens[start].Start;
        string? bound = null;
        for (var n = Math.Min(3, start); n >= 1 && hedge is null; n--)
        {
            var length = Join(text, tokens, start - n, n, key);
            if (length >= 0 && lex.HedgesLookup.TryGetValue(key.AsSpan(0, length), out var b))
            {
                hedge = text[tokens[start - n].Start..tokens[start - 1].End];
                hedgeStart = tokens[start - n].Start;
                bound = b;
            }
        }
        double? lo = low, hi = high;
        switch (bound)
        {
            case "approx": lo = low * HedgeBelow; hi = high * HedgeAbove; break;
            case "below": lo = low * HedgeBelow; break;
            case "above" or "at-least": hi = null; break;
            case "just-above": hi = high * HedgeAbove; break;
            case "at-most" or "under": lo = null; break;
        }
        if (number.Plural) { lo = number.Value * 2; hi = null; }

        if (hedge is null && start > 0 && Is(text, tokens[start - 1], "between")) hedgeStart = tokens[start - 1].Start;
        var span = context.Span(hedgeStart, phraseEnd);
        var time = FirstTime(times);
        var written = text[tokens[start].Start..valueEnd];
        var restated = (subject ?? measure) + ": " + (hedge is null ? "" : hedge.ToLowerInvariant() + " ") + written;
        context.Claims.Add(new ClaimDraft
        {
            Kind = ClaimKind.Quantity,
            Text = restated,
            Subject = subject,
            Measure = measure,
            Value = new QuantityValue { Low = Round(lo), High = Round(hi), Unit = unit },
            Mention = new Mention { Span = span, Hedge = hedge, Modality = Claims.ClaimModality.Of(text, sentence.Start, span.Start) },
            Time = time is null ? null : new DateRange { Start = time.Start, End = time.End },
            TimeSource = time,
            Keys = Keys(subject, measure),
        });
        return resume >= 0 ? resume : Math.Max(j, unitEnd);
    }

    /// <summary>
    /// A number that names a model, not an amount: written right after a name ("Boeing 787", "iPhone 4 owners"), with
    /// letters glued to it that are no unit ("3G", "3GS", "7e7"), a plural of digits ("777s"), or a number the
    /// document uses as a model's name elsewhere, of three characters or more ("the 787 Dreamliner", "777-200LR"),
    /// unless a plural noun follows it ("787 seats").
    /// </summary>
    private static bool IsModel(string text, QuantityLexicon lex, ModelDesignations models, List<Token> tokens, int i, int after, NumberMatch number, char[] key)
    {
        if (number.Words || number.TokenCount != 1) return false;
        if (ModelDesignations.NamesModel(text, tokens, i, lex) && !ModelDesignations.IsTitleCase(text, tokens)) return true;
        if (after < tokens.Count && tokens[after].Kind == TokenKind.Word && tokens[after].Start == tokens[i].End)
        {
            var glued = tokens[after].In(text);
            if (glued is "s") return true;
            if (!IsCapitalSymbol(text, tokens[after]) && (lex.UnitsLookup.ContainsKey(LowerInto(glued, key)) || lex.CurrenciesLookup.ContainsKey(LowerInto(glued, key)))) return false;
            return true;
        }
        if (tokens[i].Length < 3 || !models.Contains(text, tokens[i])) return false;
        if (after < tokens.Count && tokens[after].Kind == TokenKind.Word && char.IsLower(text[tokens[after].Start]))
        {
            var next = tokens[after].In(text);
            if (next.Length > 2 && next[^1] == 's' && next[^2] != 's') return false;
        }
        return true;
    }

    private static bool LooksLikeModelNumber(string text, Token token, NumberMatch number)
    {
        if (number.Words || number.Plural || number.TokenCount != 1) return false;
        var digits = token.In(text);
        return digits.Contains('.') || (digits.Length >= 3 && !digits.Contains(','));
    }

    /// <summary>
    /// Whether a word of the first noun phrase in tokens [from, to) (up to "and"/"or") is a plural noun: "-s" (not
    /// "-ss"), a plural of digits ("777s") or an irregular plural.
    /// </summary>
    private static bool HasPlural(string text, QuantityLexicon lex, List<Token> tokens, int from, int to, char[] key)
    {
        for (var n = from; n < to; n++)
        {
            var w = tokens[n].In(text);
            if (w is "s" && n > from && tokens[n].Start == tokens[n - 1].End) return true;
            if (n > from && (Is(text, tokens[n], "and") || Is(text, tokens[n], "or"))) return false;
            if (IsPluralWord(lex, w, key)) return true;
        }
        return false;
    }

    /// <summary>Whether a lower-case word of the noun phrase in tokens [from, to), up to "and"/"or", is a plural noun (a capitalised one is a name: "the 0-14 Lions").</summary>
    private static bool HasLowerPlural(string text, QuantityLexicon lex, List<Token> tokens, int from, int to, char[] key)
    {
        for (var n = from; n < to; n++)
        {
            if (n > from && (Is(text, tokens[n], "and") || Is(text, tokens[n], "or"))) return false;
            var w = tokens[n].In(text);
            if (w.Length > 0 && char.IsLower(w[0]) && IsPluralWord(lex, w, key)) return true;
        }
        return false;
    }

    // Digits only: no decimal point or thousands comma.
    private static bool WholeDigits(ReadOnlySpan<char> w)
    {
        foreach (var c in w) if (!char.IsAsciiDigit(c)) return false;
        return w.Length > 0;
    }

    // A plural noun's form: "-s" (not "-ss") or an irregular plural ("people", "children").
    private static bool IsPluralWord(QuantityLexicon lex, ReadOnlySpan<char> w, char[] key) =>
        (w.Length > 1 && (w[^1] is 's' or 'S') && (w[^2] is not ('s' or 'S'))) || lex.IrregularPluralsLookup.Contains(LowerInto(w, key));

    /// <summary>
    /// Whether the words after the "and"/"or" at tokens[<paramref name="conjunction"/>] join the noun counted ("towns
    /// and villages", "maintenance and cleaning workers", "games against Lyon and Nice") rather than start a clause of
    /// their own ("three passes and set a record", "two drives and then kicked", "18 offices and employs 900"). A figure
    /// above one counts a plural, so a lower-case conjunct joins only when its run of content words (at most
    /// <paramref name="budget"/>) holds a plural noun and no figure follows that run (the "-s" of a verb taking a
    /// figure as object); a first word in "-ed" is a verb ("and injured", "and re-signed"), a determiner or "no" opens
    /// another noun phrase with its own count ("193 yards and no goals"), and a capitalised word after a lower-case one
    /// is a clause's named subject ("two passes and Smith returned"). After a capitalised word, names join names.
    /// </summary>
    private static bool JoinsNoun(string text, QuantityLexicon lex, List<Token> tokens, int conjunction, int budget, char[] key)
    {
        var before = tokens[conjunction - 1];
        var first = tokens[conjunction + 1];
        var firstWord = first.In(text);
        var firstCapital = char.IsUpper(firstWord[0]);
        if (char.IsUpper(text[before.Start])) return firstCapital;
        if (firstCapital || ExtractLexicon.Determiners.Has(firstWord) || Quantifiers.Contains(LowerInto(firstWord, key))) return false;
        if (firstWord.Length >= 4 && firstWord.EndsWith("ed", StringComparison.Ordinal)) return false;
        var n = conjunction + 1;
        var plural = false;
        while (n < tokens.Count && n - conjunction <= budget && tokens[n].Kind == TokenKind.Word
            && !lex.StopWordsLookup.Contains(LowerInto(tokens[n].In(text), key)) && !NumberWords.IsNumberWord(tokens[n].In(text)))
            plural |= IsPluralWord(lex, tokens[n++].In(text), key);
        if (!plural) return false;
        // "and employs around 900", "and runs 12": a figure right after the run (past one function word) is its object.
        if (n < tokens.Count && tokens[n].Kind == TokenKind.Number) return false;
        return !(n + 1 < tokens.Count && tokens[n].Kind == TokenKind.Word && lex.StopWordsLookup.Contains(LowerInto(tokens[n].In(text), key))
            && tokens[n + 1].Kind == TokenKind.Number);
    }

    /// <summary>True when tokens[<paramref name="at"/>] is a hyphen written tight between the figure before it and a word after it ("7-yard", "12-inch").</summary>
    private static bool HyphenJoined(string text, List<Token> tokens, int at) =>
        at > 0 && at + 1 < tokens.Count && tokens[at].In(text) is "-" or "‑" && tokens[at].Start == tokens[at - 1].End
        && tokens[at + 1].Start == tokens[at].End && tokens[at + 1].Kind == TokenKind.Word;

    // Words after a counted noun that describe it as a source ("two people familiar with the matter", "three officials
    // briefed on the talks", "two people with knowledge of the deal"), each with the word that follows it. Not "close
    // to": "500 troops close to the border" are a figure.
    private static readonly (string Word, string Next)[] SourceDescriptions =
        [("familiar", "with"), ("briefed", "on"), ("knowledgeable", "about"), ("with", "knowledge")];

    /// <summary>
    /// True when the count before tokens[<paramref name="end"/>] counts the sources of the report: it stands right after
    /// "according to" (past a hedge: "according to at least three officials"), or its noun is described as a source
    /// ("two people familiar with the matter said"). Such a figure says how the report was sourced, not what it reports.
    /// </summary>
    private static bool IsSourceCount(string text, QuantityLexicon lex, List<Token> tokens, int start, int end, char[] key)
    {
        var before = start - HedgeLength(text, lex, tokens, start, key);
        if (before >= 2 && Is(text, tokens[before - 1], "to") && Is(text, tokens[before - 2], "according")) return true;
        // The description follows the noun, or was read into it ("people familiar" + "with").
        for (var k = Math.Max(start + 1, end - 1); k <= end && k + 1 < tokens.Count; k++)
            foreach (var (word, next) in SourceDescriptions)
                if (Is(text, tokens[k], word) && Is(text, tokens[k + 1], next)) return true;
        return false;
    }

    /// <summary>The noun of the last count claimed since <paramref name="from"/> (a sentence's start), for a figure whose noun is left out.</summary>
    private static string? ElidedSubject(ExtractionContext context, int from)
    {
        for (var c = context.Claims.Count - 1; c >= 0; c--)
        {
            var claim = context.Claims[c];
            if (claim.Mention.Span.Start < from) break;
            if (claim.Kind == ClaimKind.Quantity && claim.Measure == "count" && claim.Subject is not null) return claim.Subject;
        }
        return null;
    }

    /// <summary>Where the sentence before <paramref name="sentence"/> starts (its own start when it is the first).</summary>
    private static int PreviousSentenceStart(ExtractionContext context, Sentence sentence)
    {
        var from = sentence.Start;
        foreach (var other in context.Sentences)
        {
            if (other.Start >= sentence.Start) break;
            from = other.Start;
        }
        return from;
    }

    /// <summary>
    /// Whether nothing nominal follows a figure that ends before tokens[<paramref name="at"/>]: the sentence ends, a
    /// punctuation mark (not a hyphen or slash, which join it to a word) or a lower-case function word comes next, so
    /// the figure is the head of its noun phrase ("cuts of 10,000.", "a crew of 12 on board").
    /// </summary>
    private static bool EndsPhrase(string text, QuantityLexicon lex, List<Token> tokens, int at, char[] key)
    {
        if (at >= tokens.Count) return true;
        var next = tokens[at];
        if (next.Kind == TokenKind.Symbol) return next.In(text) is "." or "," or ";" or ":" or ")" or "!" or "?";
        // "more" and "less" compare the figure with another ("10,000 more than planned"): it may still count a noun after them.
        return next.Kind == TokenKind.Word && char.IsLower(text[next.Start]) && lex.StopWordsLookup.Contains(LowerInto(next.In(text), key))
            && !Is(text, next, "more") && !Is(text, next, "less");
    }

    /// <summary>
    /// The noun a figure counts when it stands right after "of" with nothing after it: the lower-case content word just
    /// before "of" and the noun modifying it ("job cuts of 10,000" → "job cuts", "a fleet of 120" → "fleet"); null when
    /// a number, an ordinal or a function word stands there ("one of 10", "the first of 12").
    /// </summary>
    private static string? OfHead(string text, QuantityLexicon lex, List<Token> tokens, int start, char[] key)
    {
        // "job cuts of about 10,000": a hedge may stand between "of" and the figure.
        var of = start - HedgeLength(text, lex, tokens, start, key) - 1;
        if (of < 1 || !Is(text, tokens[of], "of")) return null;
        var last = of - 1;
        // "at the age of 85": the noun names an attribute the figure measures, not a set it counts (ECB+ news writes ages
        // and earthquake magnitudes this way; other scales there carry a unit or a decimal).
        if (!IsContentWord(text, lex, tokens[last], key) || Attributes.Contains(LowerInto(tokens[last].In(text), key))) return null;
        // A noun before the head modifies it ("job cuts"); a verb or participle there ("announced cuts") does not.
        var first = last > 0 && IsContentWord(text, lex, tokens[last - 1], key) && !tokens[last - 1].In(text).EndsWith("ed", StringComparison.Ordinal)
            && !tokens[last - 1].In(text).EndsWith("s", StringComparison.Ordinal) && !tokens[last - 1].In(text).EndsWith("ing", StringComparison.Ordinal) ? last - 1 : last;
        return text[tokens[first].Start..tokens[last].End];
    }

    /// <summary>
    /// Whose age a figure states, or null when it states none or names no holder: "Tomas, 30, said" (the name before
    /// the comma), "the pilot, aged 41," and "a man aged 56" (the noun before), "Ruiz died at the age of 85" (the last
    /// name before it in the sentence). An age is a measure of its holder, not a count: it is claimed under measure
    /// "age", so it neither matches nor contradicts counts, and ages of different people differ by subject.
    /// </summary>
    private static string? AgeOf(string text, QuantityLexicon lex, List<Token> tokens, int i, int after, int start, Sentence sentence, NumberMatch number, char[] key)
    {
        if (number.Value is < 1 or >= 120 || number.Plural || number.TokenCount != 1) return null;
        if (tokens[i].Kind == TokenKind.Number && i >= 2 && after < tokens.Count && tokens[i - 1].In(text) is "," && tokens[after].In(text) is ","
            && tokens[i - 2].Kind == TokenKind.Word && char.IsUpper(text[tokens[i - 2].Start]))
            return NameBefore(text, tokens, i - 1, sentence);
        var before = start - HedgeLength(text, lex, tokens, start, key) - 1;
        if (before < 0) return null;
        if (Is(text, tokens[before], "aged")) return HolderBefore(text, lex, tokens, before, sentence, key);
        // "at the age of 85", "at age 85".
        if (before >= 1 && Is(text, tokens[before], "of") && Is(text, tokens[before - 1], "age")) before--;
        if (Is(text, tokens[before], "age") && before >= 1 && IsAny(text, tokens[before - 1], "the", "at"))
            return NameBefore(text, tokens, before, sentence);
        return null;
    }

    // The noun or name just before tokens[end] (past one comma): "the pilot, aged" → "pilot"; else the last name before it.
    private static string? HolderBefore(string text, QuantityLexicon lex, List<Token> tokens, int end, Sentence sentence, char[] key)
    {
        var last = end - 1;
        if (last >= 0 && tokens[last].In(text) is ",") last--;
        if (last < 0 || tokens[last].Start < sentence.Start || tokens[last].Kind != TokenKind.Word) return NameBefore(text, tokens, end, sentence);
        if (char.IsUpper(text[tokens[last].Start])) return NameBefore(text, tokens, last + 1, sentence);
        if (!IsContentWord(text, lex, tokens[last], key)) return NameBefore(text, tokens, end, sentence);
        var first = last;
        while (first - 1 >= 0 && last - first < 2 && tokens[first - 1].Start >= sentence.Start && IsContentWord(text, lex, tokens[first - 1], key)) first--;
        return text[tokens[first].Start..tokens[last].End];
    }

    // The last run of capitalised words before tokens[end] in the sentence, not a function word opening it ("The Ruiz").
    private static string? NameBefore(string text, List<Token> tokens, int end, Sentence sentence)
    {
        for (var n = end - 1; n >= 0 && tokens[n].Start >= sentence.Start; n--)
        {
            // Months, weekdays and function words are not names ("died on Monday at the age of 88").
            if (tokens[n].Kind != TokenKind.Word || !char.IsUpper(text[tokens[n].Start]) || FunctionWords.Contains(tokens[n].In(text))) continue;
            var first = n;
            while (first > 0 && tokens[first - 1].Start >= sentence.Start && tokens[first - 1].Kind == TokenKind.Word && char.IsUpper(text[tokens[first - 1].Start])) first--;
            if (tokens[first].Start == sentence.Start && FunctionWords.Contains(tokens[first].In(text))) first++;
            return first <= n ? text[tokens[first].Start..tokens[n].End] : null;
        }
        return null;
    }

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> FunctionWords = ExtractLexicon.FunctionWords.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// Whether the word before a figure (and its hedge) is a lower-case verb or preposition, not a determiner: "sold
    /// 270,000", "stand at 850" count; "the 777", "its 300" name a model or refer back.
    /// </summary>
    private static bool AfterVerbOrPreposition(string text, QuantityLexicon lex, List<Token> tokens, int start, char[] key)
    {
        var before = start - HedgeLength(text, lex, tokens, start, key) - 1;
        if (before < 0 || tokens[before].Kind != TokenKind.Word || !char.IsLower(text[tokens[before].Start])) return false;
        var word = LowerInto(tokens[before].In(text), key);
        return !ExtractLexicon.Determiners.Has(word) && !Quantifiers.Contains(word) && !Attributes.Contains(word)
            && !IsAny(text, tokens[before], "aged", "age");
    }

    // Quantifiers before a figure ("each 300", "no 400") stand where a determiner would.
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Quantifiers = FrozenSet.ToFrozenSet(
        ["each", "every", "some", "any", "no"],
        StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Attributes = FrozenSet.ToFrozenSet(
        ["age", "ages", "magnitude"],
        StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    // A lower-case word that is no quantity stop word, number word or ordinal.
    private static bool IsContentWord(string text, QuantityLexicon lex, Token token, char[] key) =>
        token.Kind == TokenKind.Word && char.IsLower(text[token.Start]) && !lex.StopWordsLookup.Contains(LowerInto(token.In(text), key))
        && !NumberWords.IsNumberWord(token.In(text)) && !NumberWords.IsOrdinalWord(token.In(text));

    /// <summary>
    /// A share written as a fraction of a set that follows ("half of the staff", "a third of the fleet", "two-thirds of
    /// its routes"): the share and the tokens of the fraction; (0, 0) when there is none. "half the price" (no "of")
    /// scales a magnitude instead.
    /// </summary>
    private static (double Share, int Tokens) Fraction(string text, List<Token> tokens, int i)
    {
        if (tokens[i].Kind != TokenKind.Word) return (0, 0);
        double share;
        int count;
        var w = tokens[i].In(text);
        if (w.Equals("half", StringComparison.OrdinalIgnoreCase)) { share = 0.5; count = 1; }
        else if (FractionWord(w) is var whole and > 0) { share = whole; count = 1; }
        else if (i + 1 < tokens.Count && (IsAny(text, tokens[i], "a", "one", "two", "three", "four") && Denominator(tokens[i + 1].In(text)) is var d and > 0))
        {
            var numerator = IsAny(text, tokens[i], "a", "one") ? 1 : IsAny(text, tokens[i], "two") ? 2 : IsAny(text, tokens[i], "three") ? 3 : 4;
            // "a third", "two thirds": the plural after a numerator above one, the singular after "a"/"one".
            if ((numerator > 1) != tokens[i + 1].In(text).EndsWith('s')) return (0, 0);
            share = numerator / d;
            count = 2;
        }
        else return (0, 0);
        // The set follows: "of" and a determiner.
        var next = i + count;
        if (next + 1 >= tokens.Count) return (0, 0);
        var ofSet = Is(text, tokens[next], "of") && IsAny(text, tokens[next + 1], "the", "its", "their", "his", "her", "our", "these", "those", "all");
        return ofSet ? (share, count) : (0, 0);
    }

    // "two-thirds", "one-quarter": a numerator and a denominator written as one hyphenated word.
    private static double FractionWord(ReadOnlySpan<char> word)
    {
        var hyphen = word.IndexOf('-');
        if (hyphen <= 0) return 0;
        var numerator = word[..hyphen] switch
        {
            var n when n.Equals("one", StringComparison.OrdinalIgnoreCase) => 1,
            var n when n.Equals("two", StringComparison.OrdinalIgnoreCase) => 2,
            var n when n.Equals("three", StringComparison.OrdinalIgnoreCase) => 3,
            var n when n.Equals("four", StringComparison.OrdinalIgnoreCase) => 4,
            _ => 0,
        };
        var d = word[(hyphen + 1)..].Equals("half", StringComparison.OrdinalIgnoreCase) ? 2 : Denominator(word[(hyphen + 1)..]);
        return numerator > 0 && d > 0 ? numerator / d : 0;
    }

    private static double Denominator(ReadOnlySpan<char> word)
    {
        if (word.Length > 1 && word[^1] is 's' or 'S') word = word[..^1];
        return word.Equals("third", StringComparison.OrdinalIgnoreCase) ? 3
            : word.Equals("quarter", StringComparison.OrdinalIgnoreCase) ? 4
            : word.Equals("fifth", StringComparison.OrdinalIgnoreCase) ? 5
            : word.Equals("tenth", StringComparison.OrdinalIgnoreCase) ? 10 : 0;
    }

    /// <summary>A number the document uses as a model's name, or digits with a plural "s" ("777s"), also after capitals ("A320s").</summary>
    private static bool IsModelNoun(string text, ModelDesignations models, List<Token> tokens, int at) =>
        models.Contains(text, tokens[at])
        || (tokens[at].Kind == TokenKind.Number && at + 1 < tokens.Count && tokens[at + 1].Start == tokens[at].End && tokens[at + 1].In(text) is "s")
        || (tokens[at].Kind == TokenKind.Word && tokens[at].Length <= 3 && IsUpperWord(tokens[at].In(text)) && at + 1 < tokens.Count
            && tokens[at + 1].Start == tokens[at].End && IsModelNoun(text, models, tokens, at + 1));

    /// <summary>The token after a model number and what is glued to it ("777s", "777-200LR", "3GS").</summary>
    private static int ModelEnd(string text, List<Token> tokens, int after)
    {
        var end = after;
        while (end < tokens.Count && tokens[end].Start == tokens[end - 1].End && (tokens[end].Kind != TokenKind.Symbol || tokens[end].In(text) is "-")) end++;
        return end;
    }

    /// <summary>Whether letters are written onto the number that ends before tokens[<paramref name="at"/>] ("200LR").</summary>
    private static bool GluedLetters(string text, List<Token> tokens, int at) =>
        at < tokens.Count && tokens[at].Kind == TokenKind.Word && tokens[at].Start == tokens[at - 1].End && !char.IsLower(text[tokens[at].Start]);

    /// <summary>
    /// A one-letter upper-case symbol is not the lower-case unit of the same letter: SI symbols keep their case ("3 g" is
    /// grams, "3G" a network generation, "5 M" no metre).
    /// </summary>
    private static bool IsCapitalSymbol(string text, Token token) => token.Length == 1 && char.IsUpper(text[token.Start]);

    private static bool HasHedgeBefore(string text, QuantityLexicon lex, List<Token> tokens, int start, char[] key) => HedgeLength(text, lex, tokens, start, key) > 0;

    // How many tokens just before tokens[start] write a hedge ("about", "as many as"), the longest first; 0 when none.
    private static int HedgeLength(string text, QuantityLexicon lex, List<Token> tokens, int start, char[] key)
    {
        for (var n = Math.Min(3, start); n >= 1; n--)
        {
            var length = Join(text, tokens, start - n, n, key);
            if (length >= 0 && lex.HedgesLookup.ContainsKey(key.AsSpan(0, length))) return n;
        }
        return 0;
    }

    private static double? Round(double? v) => v is null ? null : Math.Round(v.Value, 6);

    private static TimeExpression? FirstTime(List<TimeExpression> times)
    {
        foreach (var t in times) if (t.Start is not null || t.Rule is not null) return t;
        return times.Count > 0 ? times[0] : null;
    }

    private static bool Inside(List<TimeExpression> times, int start, int end)
    {
        foreach (var t in times) if (start < t.Span.End && end > t.Span.Start) return true;
        return false;
    }

    private static bool IsExcluded(string text, List<Token> tokens, int i, int after, NumberMatch number, bool afterCurrency)
    {
        var t = tokens[i];
        // Ordinals and unit numbers: "44th Army Corps", "8th Regiment", "1st".
        if (after < tokens.Count && tokens[after].Start == tokens[after - 1].End && tokens[after].In(text) is "th" or "st" or "nd" or "rd" or "TH" or "ST" or "ND" or "RD") return true;
        if (number.Words && tokens[i].In(text).EndsWith("th", StringComparison.OrdinalIgnoreCase) && !NumberWords.IsNumberWord(tokens[i].In(text))) return true;
        // Times of day: "10:30", "9 a.m.", "6pm", "5 o'clock".
        if (after < tokens.Count && (tokens[after].In(text) is ":" || IsAny(text, tokens[after], "a.m", "p.m", "am", "pm", "o'clock", "GMT", "UTC"))) return true;
        // Model and unit designations: "F-16", "Su-34", "No. 10", "number 5".
        if (i >= 2 && tokens[i - 1].In(text) is "-" && tokens[i - 1].Start == tokens[i - 2].End && tokens[i - 2].Kind == TokenKind.Word) return true;
        // "A380-800", "A350-900": the variant of a designation whose number is glued to its letters (a larger number
        // than the model's, so the range test below it does not see a variant).
        if (i >= 2 && tokens[i - 1].In(text) is "-" && tokens[i - 1].Start == tokens[i - 2].End && tokens[i - 1].End == t.Start
            && tokens[i - 2].Kind == TokenKind.Number && tokens[i - 2].Start > 0 && char.IsLetter(text[tokens[i - 2].Start - 1])) return true;
        if (i >= 1 && (IsAny(text, tokens[i - 1], "no", "number", "nos", "route", "highway", "flight", "channel") || tokens[i - 1].In(text) is "#")) return true;
        if (i >= 2 && tokens[i - 1].In(text) is "." && IsAny(text, tokens[i - 2], "no", "nos")) return true;
        // "24/7", "9/11": numbers written tight around a slash are a rota, a date or a name, not an amount.
        if (after + 1 < tokens.Count && tokens[after].In(text) is "/" && tokens[after].Start == tokens[after - 1].End
            && tokens[after + 1].Start == tokens[after].End && tokens[after + 1].Kind == TokenKind.Number) return true;
        if (i >= 2 && tokens[i - 1].In(text) is "/" && tokens[i - 1].End == t.Start && tokens[i - 2].End == tokens[i - 1].Start
            && tokens[i - 2].Kind == TokenKind.Number) return true;
        // "3-D", "2-D": a number hyphened to one capital letter names a kind, it counts nothing.
        if (after + 1 < tokens.Count && tokens[after].In(text) is "-" && tokens[after].Start == tokens[after - 1].End
            && tokens[after + 1].Start == tokens[after].End && tokens[after + 1].Length == 1 && char.IsUpper(text[tokens[after + 1].Start])) return true;
        // Ages in appositions whose holder names no one (AgeOf takes the others): "The, 30, said".
        if (t.Kind == TokenKind.Number && number.Value < 120 && i >= 2 && after < tokens.Count && tokens[i - 1].In(text) is ","
            && tokens[after].In(text) is "," && tokens[i - 2].Kind == TokenKind.Word && char.IsUpper(text[tokens[i - 2].Start])) return true;
        // Years that no date pattern took ("the 2022 invasion"): four digits, no separator, in the calendar range.
        if (t.Kind == TokenKind.Number && t.Length == 4 && number.TokenCount == 1 && number.Value is >= 1800 and <= 2199
            && text.AsSpan(t.Start, 4).IndexOfAny(',', '.') < 0) return true;
        // Numbers glued to letters before them ("G7", "COVID-19" is caught above) are names.
        if (t.Start > 0 && char.IsLetter(text[t.Start - 1]) && !afterCurrency) return true;
        return false;
    }

    private static bool IsUpperWord(ReadOnlySpan<char> word)
    {
        foreach (var c in word) if (!char.IsUpper(c)) return false;
        return true;
    }

    private static bool Is(string text, Token token, string word) => token.In(text).Equals(word, StringComparison.OrdinalIgnoreCase);

    private static bool IsAny(string text, Token token, params ReadOnlySpan<string> words)
    {
        foreach (var w in words) if (Is(text, token, w)) return true;
        return false;
    }

    /// <summary>
    /// <paramref name="word"/> lower-cased into <paramref name="buffer"/>; a word longer than any lexicon key comes back
    /// as it is, since no lexicon holds it either way.
    /// </summary>
    private static ReadOnlySpan<char> LowerInto(ReadOnlySpan<char> word, char[] buffer)
    {
        if (word.Length > buffer.Length) return word.ToString().ToLowerInvariant();
        for (var k = 0; k < word.Length; k++) buffer[k] = char.ToLowerInvariant(word[k]);
        return buffer.AsSpan(0, word.Length);
    }

    /// <summary>The lower-cased <paramref name="first"/> followed by <paramref name="second"/> as written, in <paramref name="buffer"/>; empty when too long for any key.</summary>
    private static ReadOnlySpan<char> Concat(ReadOnlySpan<char> first, ReadOnlySpan<char> second, char[] buffer)
    {
        if (first.Length + second.Length > buffer.Length) return [];
        for (var k = 0; k < first.Length; k++) buffer[k] = char.ToLowerInvariant(first[k]);
        second.CopyTo(buffer.AsSpan(first.Length));
        return buffer.AsSpan(0, first.Length + second.Length);
    }

    /// <summary>
    /// Lower-case words joined by one space, dots dropped ("sq. km" → "sq km"), written into <paramref name="buffer"/>;
    /// the form's length, or -1 when a token is another symbol, the form is empty or it is longer than any key.
    /// </summary>
    private static int Join(string text, List<Token> tokens, int from, int count, char[] buffer)
    {
        var length = 0;
        for (var n = from; n < from + count && n < tokens.Count; n++)
        {
            var t = tokens[n];
            var span = t.In(text);
            if (t.Kind == TokenKind.Symbol)
            {
                // An inner dot is part of the form ("sq. km"); a last one ends the sentence.
                if (span is "." && n < from + count - 1) continue;
                if (count != 1) return -1;
            }
            var needed = length + (length > 0 ? 1 : 0) + span.Length;
            if (needed > buffer.Length) return -1;
            if (length > 0) buffer[length++] = ' ';
            foreach (var c in span) buffer[length++] = char.ToLowerInvariant(c);
        }
        return length == 0 ? -1 : length;
    }

    /// <summary>Lemmas of the subject's content words plus the measure, for matching the same figure across documents.</summary>
    internal static IReadOnlyList<string> Keys(string? subject, string measure)
    {
        var keys = new List<string>();
        if (subject is not null)
        {
            foreach (var raw in subject.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var w = raw.ToLowerInvariant();
                if (w.SequenceEqual("and") || w.SequenceEqual("or")) continue;
                keys.Add(Lemma(w));
            }
        }
        keys.Add(measure);
        return keys;
    }

    /// <summary>A light English plural stemmer: "casualties" → "casualty", "troops" → "troop", "boxes" → "box".</summary>
    internal static string Lemma(string w)
    {
        if (w.Length > 4 && w.EndsWith("ies", StringComparison.Ordinal)) return w[..^3] + "y";
        if (w.Length > 4 && (w.EndsWith("ches", StringComparison.Ordinal) || w.EndsWith("shes", StringComparison.Ordinal)
            || w.EndsWith("xes", StringComparison.Ordinal) || w.EndsWith("sses", StringComparison.Ordinal))) return w[..^2];
        if (w.Length > 3 && w[^1] == 's' && w[^2] is not ('s' or 'u' or 'i')) return w[..^1];
        return w.ToString(CultureInfo.InvariantCulture);
    }
}
