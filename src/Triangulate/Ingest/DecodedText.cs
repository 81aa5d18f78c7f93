namespace Triangulate.Ingest;

/// <summary>
/// Bytes turned into text: the text, the encoding used, how many bytes could not be decoded and were replaced by U+FFFD,
/// and how many control characters were made spaces (<see cref="ControlCharacters"/>).
/// </summary>
public sealed record DecodedText(string Text, string Encoding, int ReplacedBytes, int ReplacedControls = 0)
{
    /// <summary>The problem line for what was replaced ("…; the rest was analysed"), or null when the text was clean.</summary>
    public string? Complaint
    {
        get
        {
            if (ReplacedBytes == 0 && ReplacedControls == 0) return null;
            var bytes = ReplacedBytes > 0 ? $"invalid {Encoding} text: {ReplacedBytes} bytes replaced by U+FFFD" : null;
            var controls = ReplacedControls > 0 ? ControlCharacters.Note(ReplacedControls) : null;
            return $"{string.Join("; ", new[] { bytes, controls }.OfType<string>())}; the rest was analysed";
        }
    }
}
