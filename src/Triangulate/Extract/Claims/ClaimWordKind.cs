namespace Triangulate.Extract.Claims;

/// <summary>Which of the claim extractor's lists a word comes from.</summary>
internal enum ClaimWordKind : byte
{
    Hedge,
    Status,
    Event,
}
