namespace Triangulate.Text;

/// <summary>Characters [<see cref="Start"/>, <see cref="End"/>) of a document's text forming one word, number or symbol.</summary>
public readonly record struct Token(int Start, int End, TokenKind Kind)
{
    /// <summary>Number of characters.</summary>
    public int Length => End - Start;

    /// <summary>The characters, without copying.</summary>
    public ReadOnlySpan<char> In(string text) => text.AsSpan(Start, End - Start);
}
