namespace Triangulate.Text;

/// <summary>Characters [<see cref="Start"/>, <see cref="End"/>) of a document's text that form one sentence.</summary>
public readonly record struct Sentence(int Start, int End)
{
    /// <summary>Number of characters.</summary>
    public int Length => End - Start;
}
