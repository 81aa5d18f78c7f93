namespace Triangulate.Model;

/// <summary>An input, or an item inside one, that could not be analysed (or only in part), and why, in one line.</summary>
public sealed record Problem(string Source, string Error);
