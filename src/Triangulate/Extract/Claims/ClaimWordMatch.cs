namespace Triangulate.Extract.Claims;

/// <summary>An occurrence of entry <see cref="Index"/> of list <see cref="Kind"/> at characters [Start, Start + Length) of the text.</summary>
internal readonly record struct ClaimWordMatch(ClaimWordKind Kind, int Index, int Start, int Length);
