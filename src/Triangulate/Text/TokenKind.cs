namespace Triangulate.Text;

/// <summary>What a token is made of.</summary>
public enum TokenKind
{
    /// <summary>Letters, with inner apostrophes, hyphens and dots ("U.S.", "don't", "north-east").</summary>
    Word,
    /// <summary>Digits with inner ',' or '.' ("1,376", "2.5").</summary>
    Number,
    /// <summary>One punctuation or symbol character.</summary>
    Symbol,
}
