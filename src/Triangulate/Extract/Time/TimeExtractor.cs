using System.Globalization;
using Triangulate.Model;
using Triangulate.Text;

namespace Triangulate.Extract.Time;

/// <summary>
/// Finds time expressions in body sentences, left to right, longest first: intervals ("from October 2023 until
/// July"), event-anchored offsets ("nine days to go before X", "almost four months after X"), calendar dates
/// ("20 January", "Dec. 8", "October 2023", "2022") and positions relative to publication ("last weekend",
/// "on Saturday", "earlier this year", "recently"). Publication-relative expressions keep a rule that
/// <see cref="TimeResolver"/> re-applies; they are resolved now when the document's publication day is known.
/// Spans follow TIMEX3 and leave out leading prepositions ("on", "in", "over").
/// </summary>
public sealed class TimeExtractor : IExtractor
{
    /// <inheritdoc />
    public void Extract(ExtractionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var published = context.Document.Published?.Date is { Day: not null } d ? d.Earliest : (DateOnly?)null;
        var tokens = new List<Token>();
        foreach (var sentence in context.Sentences)
        {
            tokens.Clear();
            Tokenizer.Tokenize(context.Text, sentence.Start, sentence.End, tokens);
            var scanner = new Scanner(context.Text, tokens);
            var i = 0;
            while (i < tokens.Count)
            {
                if (scanner.TryMatch(i, out var found, out var next))
                {
                    var expression = new TimeExpression
                    {
                        Span = context.Span(found.Start, found.End),
                        Value = found.Value,
                        Start = found.Start2,
                        End = found.End2,
                        Anchor = found.Anchor,
                        AnchorEvent = found.AnchorEvent,
                        OffsetDays = found.OffsetDays,
                        Rule = found.Rule,
                        Tolerance = found.Tolerance,
                    };
                    if (published is { } p && found.Anchor == TimeAnchor.Publication) expression = TimeResolver.Resolve(expression, p);
                    context.Times.Add(expression);
                    i = next;
                }
                else i++;
            }
        }
    }

    /// <summary>One match before it becomes a <see cref="TimeExpression"/>.</summary>
    internal record struct Found(int Start, int End, string? Value, PartialDate? Start2, PartialDate? End2, TimeAnchor Anchor,
        string? AnchorEvent, int? OffsetDays, string? Rule, int Tolerance);

    /// <summary>Matches the patterns at one token position.</summary>
    internal readonly ref struct Scanner(string text, List<Token> tokens)
    {
        private readonly string _text = text;
        private readonly List<Token> _tokens = tokens;

        /// <summary>
        /// Every word that can open an expression, beyond numbers, number words and calendar words: one lookup rules
        /// out most tokens before the patterns run (each tries dozens of comparisons). A pattern that gains a new
        /// opening word must add it here.
        /// </summary>
        private static readonly System.Collections.Frozen.FrozenSet<string> Openers = System.Collections.Frozen.FrozenSet.ToFrozenSet(
            ["from", "between", "exactly", "almost", "nearly", "about", "some", "around", "roughly", "just", "barely", "only", "a", "one",
             "towards", "toward", "the", "early", "mid", "late", "yesterday", "today", "tonight", "tomorrow", "recently", "lately",
             "recent", "earlier", "last", "this", "next", "past"], StringComparer.OrdinalIgnoreCase);

        private static bool CanOpen(string text, Token token)
        {
            if (token.Kind == TokenKind.Number) return true;
            if (token.Kind != TokenKind.Word) return false;
            var word = token.In(text);
            return Openers.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word) || TimeWords.TryGet(word, out _, out _) || NumberWords.IsNumberWord(word);
        }

        public bool TryMatch(int i, out Found found, out int next)
        {
            if (!CanOpen(_text, _tokens[i]))
            {
                found = default;
                next = i;
                return false;
            }
            if (TryInterval(i, out found, out next)) return true;
            if (TryEventOffset(i, out found, out next)) return true;
            if (TryCalendar(i, out found, out next)) return true;
            return TryRelative(i, out found, out next);
        }

        private ReadOnlySpan<char> W(int i) => i >= 0 && i < _tokens.Count ? _tokens[i].In(_text) : [];

        private bool Is(int i, string word) => W(i).Equals(word, StringComparison.OrdinalIgnoreCase);

        private bool IsAny(int i, params ReadOnlySpan<string> words)
        {
            foreach (var w in words) if (Is(i, w)) return true;
            return false;
        }

        private bool TryInterval(int i, out Found found, out int next)
        {
            found = default;
            next = i;
            if (!IsAny(i, "from", "between")) return false;
            if (!TryCalendar(i + 1, out var a, out var after) || a.Rule is null) return false;
            if (!IsAny(after, "until", "to", "till", "through", "and", "untill")) return false;
            if (!TryCalendar(after + 1, out var b, out next) || b.Rule is null) return false;
            var anchor = a.Anchor == TimeAnchor.None && b.Anchor == TimeAnchor.None ? TimeAnchor.None : TimeAnchor.Publication;
            var rule = a.Rule + " .. " + b.Rule;
            found = new Found(a.Start, b.End, a.Value + "/" + b.Value, a.Start2, b.End2, anchor, null, null, rule, 0);
            return true;
        }

        // [hedge] NUMBER UNIT [to go|later|earlier] (before|after|until|since|ahead of|following) EVENT
        private bool TryEventOffset(int i, out Found found, out int next)
        {
            found = default;
            next = i;
            var s = i;
            var hedged = false;
            if (IsAny(i, "exactly", "almost", "nearly", "about", "some", "around", "roughly", "just", "barely", "only"))
            {
                hedged = !IsAny(i, "exactly", "just", "only");
                i++;
            }
            double n;
            int j;
            if (IsAny(i, "a", "one") && TimeWords.Is(W(i + 1), "unit", out _)) { n = 1; j = i + 1; }
            else if (NumberWords.TryParse(_text, _tokens, i, out var m) && !m.Plural) { n = m.Value; j = i + m.TokenCount; }
            else return false;
            if (!TimeWords.Is(W(j), "unit", out var unitDays)) return false;
            var unitToken = j;
            j++;
            if (Is(j, "to") && Is(j + 1, "go")) j += 2;
            else if (IsAny(j, "later", "earlier", "on")) j++;
            int sign;
            if (IsAny(j, "before", "until", "till", "to")) sign = -1;
            else if (Is(j, "ahead") && Is(j + 1, "of")) { sign = -1; j++; }
            else if (IsAny(j, "after", "since", "following", "into")) sign = 1;
            else if (Is(j, "ago"))
            {
                // "three days ago": relative to publication.
                var rule = unitDays switch
                {
                    >= 365 => "year:-" + n.ToString(CultureInfo.InvariantCulture),
                    >= 30 => "month:-" + n.ToString(CultureInfo.InvariantCulture),
                    _ => "day:-" + (n * unitDays).ToString(CultureInfo.InvariantCulture),
                };
                found = new Found(_tokens[s].Start, _tokens[j].End, null, null, null, TimeAnchor.Publication, null,
                    -(int)(n * unitDays), rule, hedged ? unitDays / 2 : 0);
                next = j + 1;
                return true;
            }
            else return false;
            // The event: the words after the preposition up to a clause break.
            var e = j + 1;
            var last = -1;
            while (e < _tokens.Count && e - j <= 10)
            {
                var t = _tokens[e];
                if (t.Kind == TokenKind.Symbol && W(e) is "," or "." or ";" or ":" or "–" or "—" or "(" or ")" or "\"" or "“" or "”" or "!" or "?") break;
                if (last >= 0 && IsAny(e, "and", "but", "when", "which", "that", "who", "as")) break;
                last = e;
                e++;
            }
            if (last < 0) return false;
            var days = (int)Math.Round(n * unitDays);
            var value = "P" + n.ToString(CultureInfo.InvariantCulture) + (unitDays switch { 365 => "Y", 30 => "M", 7 or 14 => "W", _ => "D" });
            if (unitDays == 14) value = "P" + (n * 2).ToString(CultureInfo.InvariantCulture) + "W";
            var eventStart = _tokens[j + 1].Start;
            var eventText = _text[eventStart.._tokens[last].End];
            found = new Found(_tokens[s].Start, _tokens[last].End, value, null, null, TimeAnchor.Event, eventText, sign * days, null,
                hedged ? Math.Max(1, unitDays / 2) : 0);
            next = last + 1;
            return true;
        }

        private bool IsDay(int i, out int day, out int next)
        {
            day = 0;
            next = i;
            if (i >= _tokens.Count || _tokens[i].Kind != TokenKind.Number || _tokens[i].Length > 2) return false;
            if (!int.TryParse(W(i), NumberStyles.None, CultureInfo.InvariantCulture, out day) || day is < 1 or > 31) return false;
            next = i + 1;
            // "26th", "1st": the suffix is written against the digits.
            if (next < _tokens.Count && _tokens[next].Start == _tokens[i].End && IsAny(next, "st", "nd", "rd", "th")) next++;
            return true;
        }

        private bool IsYear(int i, out int year)
        {
            year = 0;
            return i < _tokens.Count && _tokens[i].Kind == TokenKind.Number && _tokens[i].Length == 4
                && int.TryParse(W(i), NumberStyles.None, CultureInfo.InvariantCulture, out year) && year is >= 1800 and <= 2199;
        }

        private bool IsMonth(int i, out int month, out int next)
        {
            next = i;
            if (!TimeWords.Is(W(i), "month", out month)) return false;
            next = i + 1;
            if (next < _tokens.Count && W(next) is "." && _tokens[next].Start == _tokens[i].End && W(i).Length <= 4) next++;
            return true;
        }

        private bool TryCalendar(int i, out Found found, out int next)
        {
            found = default;
            next = i;
            var s = i;
            var tolerance = 0;
            // "(towards) the end of November", "early/mid/late December": the month with days of slack.
            var p = i;
            if (Is(p, "towards") || Is(p, "toward")) p++;
            if (Is(p, "the") && IsAny(p + 1, "end", "beginning", "start", "middle") && Is(p + 2, "of")) { p += 3; tolerance = 5; }
            else if (IsAny(p, "early", "mid", "late")) { p++; if (W(p) is "-") p++; tolerance = 5; }
            if (tolerance > 0 && !IsMonth(p, out _, out _)) { p = i; tolerance = 0; }
            i = p;

            // DAY MONTH [YEAR]
            if (IsDay(i, out var day, out var afterDay))
            {
                var m0 = afterDay;
                if (Is(m0, "of")) m0++;
                if (IsMonth(m0, out var month, out var afterMonth))
                {
                    var end = afterMonth;
                    if (W(end) is "," && IsYear(end + 1, out _)) end += 2;
                    else if (IsYear(end, out _)) end++;
                    return Date(s, end, day, month, out found, out next, tolerance);
                }
                return false;
            }
            if (IsMonth(i, out var mo, out var after))
            {
                var word = W(i);
                // MONTH DAY [, YEAR]: "Dec. 8", "January 20, 2025"
                if (IsDay(after, out var d2, out var afterD) && !(afterD < _tokens.Count && _tokens[afterD].Kind == TokenKind.Number))
                {
                    var end = afterD;
                    if (W(end) is "," && IsYear(end + 1, out _)) end += 2;
                    else if (IsYear(end, out _)) end++;
                    return Date(s, end, d2, mo, out found, out next, tolerance);
                }
                // MONTH YEAR
                if (IsYear(after, out var y))
                {
                    var pd = new PartialDate(y, mo);
                    found = new Found(_tokens[s].Start, _tokens[after].End, pd.ToString(), pd, pd, TimeAnchor.None, null, null, "date:" + pd, tolerance);
                    next = after + 1;
                    return true;
                }
                // MONTH alone: a full, capitalised name; "May" and "March" also need a calendar word before them.
                var full = word.Length >= 5 || word.Equals("June", StringComparison.Ordinal) || word.Equals("July", StringComparison.Ordinal)
                    || word.Equals("May", StringComparison.Ordinal);
                if (!full || !char.IsUpper(word[0])) return false;
                if ((word.Equals("May", StringComparison.Ordinal) || word.Equals("March", StringComparison.Ordinal))
                    && tolerance == 0 && !IsAny(i - 1, "in", "since", "until", "by", "from", "early", "late", "mid", "of", "last", "next", "this", "to", "through")) return false;
                var rule = "month-of-year:" + mo.ToString(CultureInfo.InvariantCulture);
                found = new Found(_tokens[s].Start, _tokens[i].End, "XXXX-" + mo.ToString("D2", CultureInfo.InvariantCulture), null, null,
                    TimeAnchor.Publication, null, null, rule, tolerance);
                next = i + 1;
                return true;
            }
            // YEAR alone, when a calendar word or a clause edge shows it is a year and not a count.
            if (tolerance == 0 && IsYear(i, out var year) && _tokens[i].Length == 4
                && (IsAny(i - 1, "in", "since", "by", "until", "from", "of", "before", "after", "during", "early", "late", "mid", "year", "through", "to", "and")
                    || i + 1 >= _tokens.Count || _tokens[i + 1].Kind == TokenKind.Symbol))
            {
                var pd = new PartialDate(year);
                found = new Found(_tokens[i].Start, _tokens[i].End, pd.ToString(), pd, pd, TimeAnchor.None, null, null, "date:" + pd, 0);
                next = i + 1;
                return true;
            }
            return false;
        }

        private bool Date(int s, int end, int day, int month, out Found found, out int next, int tolerance)
        {
            found = default;
            next = end;
            var last = end - 1;
            if (IsYear(last, out var year))
            {
                if (day > DateTime.DaysInMonth(year, month)) return false;
                var pd = new PartialDate(year, month, day);
                found = new Found(_tokens[s].Start, _tokens[last].End, pd.ToString(), pd, pd, TimeAnchor.None, null, null, "date:" + pd, tolerance);
                return true;
            }
            if (day > DateTime.DaysInMonth(2024, month)) return false;
            var md = month.ToString("D2", CultureInfo.InvariantCulture) + "-" + day.ToString("D2", CultureInfo.InvariantCulture);
            found = new Found(_tokens[s].Start, _tokens[last].End, "XXXX-" + md, null, null, TimeAnchor.Publication, null, null, "month-day:" + md, tolerance);
            return true;
        }

        private bool TryRelative(int i, out Found found, out int next)
        {
            found = default;
            next = i;
            var w = W(i);
            string? rule = null;
            string? value = null;
            var end = i;
            if (w.Equals("yesterday", StringComparison.OrdinalIgnoreCase)) rule = "day:-1";
            else if (w.Equals("today", StringComparison.OrdinalIgnoreCase) || w.Equals("tonight", StringComparison.OrdinalIgnoreCase)) rule = "day:0";
            else if (w.Equals("tomorrow", StringComparison.OrdinalIgnoreCase)) rule = "day:1";
            else if (w.Equals("recently", StringComparison.OrdinalIgnoreCase) || w.Equals("lately", StringComparison.OrdinalIgnoreCase)) { rule = "recent:30"; value = "PAST_REF"; }
            else if (Is(i, "recent") && IsAny(i + 1, "days", "weeks", "months"))
            {
                rule = "recent:" + (Is(i + 1, "days") ? "7" : Is(i + 1, "weeks") ? "30" : "90");
                value = "PAST_REF";
                end = i + 1;
            }
            else if (Is(i, "earlier") && Is(i + 1, "this") && IsAny(i + 2, "week", "month", "year"))
            {
                rule = "earlier:" + W(i + 2).ToString().ToLowerInvariant();
                end = i + 2;
            }
            else if (IsAny(i, "last", "this", "next", "past") || (Is(i, "the") && Is(i + 1, "weekend")))
            {
                var n = Is(i, "last") || Is(i, "past") ? -1 : Is(i, "next") ? 1 : 0;
                var u = W(i + 1);
                end = i + 1;
                if (u.Equals("week", StringComparison.OrdinalIgnoreCase)) rule = "week:" + n;
                else if (u.Equals("weekend", StringComparison.OrdinalIgnoreCase)) rule = "weekend:" + n;
                else if (u.Equals("month", StringComparison.OrdinalIgnoreCase)) rule = "month:" + n;
                else if (u.Equals("year", StringComparison.OrdinalIgnoreCase)) rule = "year:" + n;
                else if (TimeWords.Is(u, "season", out var first)) rule = "season:" + first + ":" + n;
                else if (TimeWords.Is(u, "weekday", out var wd) && char.IsUpper(u[0])) rule = "weekday:" + wd % 7 + ":" + n;
                else if (TimeWords.Is(u, "month", out var mo) && char.IsUpper(u[0]) && u.Length >= 3)
                    rule = n == 0 ? "month-of-year:" + mo : null;
                if (rule is not null && n == 0 && Is(i, "the")) rule = "weekend:0";
            }
            else if (TimeWords.Is(w, "weekday", out var wd) && char.IsUpper(w[0]))
            {
                // A bare weekday in news copy is the latest one on or before publication ("on Saturday").
                rule = "weekday:" + wd % 7 + ":0";
                if (Is(i + 1, "night") || Is(i + 1, "morning") || Is(i + 1, "evening") || Is(i + 1, "afternoon")) end = i + 1;
            }
            if (rule is null) return false;
            found = new Found(_tokens[i].Start, _tokens[end].End, value, null, null, TimeAnchor.Publication, null, null,
                rule.Replace("+", "", StringComparison.Ordinal), 0);
            next = end + 1;
            return true;
        }
    }
}
