using Triangulate.Model;
using Triangulate.Text;

namespace Triangulate.Extract.Quantities;

/// <summary>
/// The numbers a document uses as names of models ("Boeing 787", "iPhone 4", "Trent 900"): digits written right after
/// a capitalised word inside a sentence. Once a number names a model, its other uses in the document ("the 787
/// Dreamliner", "18 777s", "the 777-200LR") are that model, not a count. Built once per document by the quantity
/// extractor.
/// </summary>
internal sealed class ModelDesignations
{
    private readonly HashSet<string> _numbers = new(StringComparer.Ordinal);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    private ModelDesignations() => _lookup = _numbers.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The designations of the document the context holds.</summary>
    public static ModelDesignations Of(ExtractionContext context, QuantityLexicon lex)
    {
        var result = new ModelDesignations();
        var text = context.Text;
        for (var index = 0; index < context.Sentences.Count; index++)
        {
            var tokens = context.TokensOf(index);
            if (IsTitleCase(text, tokens)) continue;
            for (var k = 1; k < tokens.Count; k++)
                if (NamesModel(text, tokens, k, lex) && !InsideTime(context.Times, tokens[k])) result._numbers.Add(tokens[k].In(text).ToString());
        }
        return result;
    }

    private static readonly System.Collections.Frozen.FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> FunctionWords =
        ExtractLexicon.FunctionWords.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Whether the token is a number that this document uses as a model's name.</summary>
    public bool Contains(string text, Token token) => token.Kind == TokenKind.Number && _numbers.Count > 0 && _lookup.Contains(token.In(text));

    /// <summary>
    /// Digits right after a capitalised word ("Boeing 787", "Trent 900"; the sentence's first only when it is no
    /// function word), with a space between: a number written after a name is the name's model. Currency codes ("USD 40") and hedges written
    /// with a capital are not names.
    /// </summary>
    public static bool NamesModel(string text, List<Token> tokens, int k, QuantityLexicon lex)
    {
        if (k < 1 || tokens[k].Kind != TokenKind.Number) return false;
        var previous = tokens[k - 1];
        if (previous.Kind != TokenKind.Word || previous.End == tokens[k].Start || !IsName(previous.In(text))) return false;
        // The sentence's first word is capitalised anyway: a name only when it is no function word, hedge or number
        // word ("Windows 7 sold", "Chapter 11 gives", not "Some 400 guests", "Only 10 of", "Two 747s").
        if (k == 1 && (FunctionWords.Contains(previous.In(text)) || NumberWords.IsNumberWord(previous.In(text)))) return false;
        // "No 10", "Flight 370": designations of another kind, excluded by the quantity extractor already.
        Span<char> lower = stackalloc char[Math.Min(previous.Length, 32)];
        if (previous.Length > 32) return true;
        previous.In(text).ToLowerInvariant(lower);
        return !lex.CurrenciesLookup.ContainsKey(lower) && !lex.HedgesLookup.ContainsKey(lower) && !lex.StopWordsLookup.Contains(lower);
    }

    /// <summary>Capitalised ("Boeing") or camel case ("iPhone"): written as a name.</summary>
    private static bool IsName(ReadOnlySpan<char> word)
    {
        if (char.IsUpper(word[0])) return true;
        for (var c = 1; c < word.Length; c++) if (char.IsUpper(word[c])) return true;
        return false;
    }

    /// <summary>
    /// A headline written in title case ("Apple Sells 4 Million Phones") capitalises verbs too: most of its words of
    /// four letters or more start upper case.
    /// </summary>
    public static bool IsTitleCase(string text, List<Token> tokens)
    {
        int words = 0, capitalised = 0;
        foreach (var t in tokens)
        {
            if (t.Kind != TokenKind.Word || t.Length < 4) continue;
            words++;
            if (char.IsUpper(text[t.Start])) capitalised++;
        }
        return words >= 3 && capitalised * 5 >= words * 3;
    }

    private static bool InsideTime(List<TimeExpression> times, Token token)
    {
        foreach (var t in times) if (token.Start < t.Span.End && token.End > t.Span.Start) return true;
        return false;
    }
}
