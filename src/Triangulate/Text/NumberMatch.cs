namespace Triangulate.Text;

/// <summary>A number read from tokens: its value, the tokens it covers, and how it was written.</summary>
/// <param name="Value">The value ("two hundred" = 200; "dozens" = 12 with <paramref name="Plural"/>).</param>
/// <param name="FirstToken">Index of the first token.</param>
/// <param name="TokenCount">Number of tokens covered.</param>
/// <param name="Start">First character.</param>
/// <param name="End">One past the last character.</param>
/// <param name="Words">Written in words ("six") rather than digits.</param>
/// <param name="Plural">An indefinite plural ("dozens", "hundreds", "thousands"): at least twice the value.</param>
public readonly record struct NumberMatch(double Value, int FirstToken, int TokenCount, int Start, int End, bool Words, bool Plural);
