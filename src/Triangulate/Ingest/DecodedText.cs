namespace Triangulate.Ingest;

/// <summary>Bytes turned into text: the text, the encoding used, and how many bytes could not be decoded and were replaced by U+FFFD.</summary>
public sealed record DecodedText(string Text, string Encoding, int ReplacedBytes);
