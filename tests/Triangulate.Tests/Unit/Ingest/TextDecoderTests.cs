using System.Text;
using Triangulate.Ingest;

namespace Triangulate.Tests.Unit.Ingest;

public class TextDecoderTests
{
    [Fact]
    public void A_utf8_bom_is_dropped_and_the_text_kept()
    {
        var decoded = TextDecoder.Decode([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("Kyiv – “quoted”")]);
        Assert.Equal("Kyiv – “quoted”", decoded.Text);
        Assert.Equal(0, decoded.ReplacedBytes);
    }

    [Fact]
    public void Bytes_with_no_utf8_sequence_are_read_as_windows_1252()
    {
        // "café “x”" in windows-1252.
        var decoded = TextDecoder.Decode([0x63, 0x61, 0x66, 0xE9, 0x20, 0x93, 0x78, 0x94]);
        Assert.Equal("café “x”", decoded.Text);
        Assert.Equal(0, decoded.ReplacedBytes);
        Assert.Equal("windows-1252", decoded.Encoding);
    }

    [Fact]
    public void Broken_utf8_is_replaced_and_counted()
    {
        byte[] bytes = [.. Encoding.UTF8.GetBytes("naïve "), 0xC3, 0x28, .. Encoding.UTF8.GetBytes(" text")];
        var decoded = TextDecoder.Decode(bytes);
        Assert.Equal(1, decoded.ReplacedBytes);
        Assert.Contains('\uFFFD', decoded.Text);
        Assert.StartsWith("naïve", decoded.Text);
    }

    [Fact]
    public void A_declared_charset_is_honoured()
    {
        var decoded = TextDecoder.Decode([0xC4, 0xE5, 0xED, 0xFC], "windows-1251");
        Assert.Equal("День", decoded.Text);
    }

    [Theory]
    [InlineData(new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x00, 0x00 }, true)]
    [InlineData(new byte[] { 0x48, 0x65, 0x6C, 0x6C, 0x6F, 0x0A }, false)]
    [InlineData(new byte[] { 0xFF, 0xFE, 0x48, 0x00 }, false)]
    public void Binary_content_is_told_from_text(byte[] head, bool binary) =>
        Assert.Equal(binary, BinaryContent.Looks(head));

    [Fact]
    public void A_stray_nul_in_utf8_text_is_text_and_random_bytes_with_a_nul_are_binary()
    {
        var text = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("The ferry resumed on Monday, the operator said. ", 20)));
        text[300] = 0;
        Assert.False(BinaryContent.Looks(text));
        // UTF-16 without a BOM is half NULs.
        Assert.True(BinaryContent.Looks(Encoding.Unicode.GetBytes("The ferry resumed on Monday.")));
        var random = new Random(7);
        foreach (var length in new[] { 300, 1000, 8192 })
            for (var trial = 0; trial < 50; trial++)
            {
                var bytes = new byte[length];
                random.NextBytes(bytes);
                // 8 KB of random bytes always hold NULs; a shorter run may not, and is then told by its control bytes alone.
                if (length == 8192 || bytes.Contains((byte)0)) Assert.True(BinaryContent.Looks(bytes), $"random bytes of {length} read as text");
            }
    }

    [Fact]
    public void Control_characters_are_made_spaces_one_for_one_and_counted()
    {
        var decoded = TextDecoder.Decode(Encoding.UTF8.GetBytes("Ferry\0 back\a on\tMonday.\r\n\fNext\u001B[0m \u0093week\u0094"));
        Assert.Equal("Ferry  back  on\tMonday.\r\n\fNext [0m \u0093week\u0094", decoded.Text);
        Assert.Equal(3, decoded.ReplacedControls);
        Assert.Equal("3 control characters replaced by spaces; the rest was analysed", decoded.Complaint);
        Assert.Null(TextDecoder.Decode("Clean text."u8).Complaint);
    }

    private const string Cyrillic = "В понедельник в центре города произошёл крупный пожар, сообщили в «МЧС». Пострадали три человека.";

    [Fact]
    public void Undeclared_cyrillic_bytes_are_read_as_windows_1251_or_koi8_r_not_as_western_letters()
    {
        var html = "<html><head><title>Новости</title></head><body><p>" + Cyrillic + "</p></body></html>";
        var windows = TextDecoder.Decode(Encoding.GetEncoding(1251).GetBytes(html));
        Assert.Equal(html, windows.Text);
        Assert.Equal(0, windows.ReplacedBytes);
        var koi8 = html.Replace('«', '"').Replace('»', '"'); // KOI8-R has no guillemets
        Assert.Equal(koi8, TextDecoder.Decode(Encoding.GetEncoding(20866).GetBytes(koi8)).Text);
        // Western text stays windows-1252: a few accented letters among many plain ones.
        const string french = "Le conseil municipal a voté jeudi la construction d'une passerelle, a déclaré le maire à la presse.";
        Assert.Equal(french, TextDecoder.Decode(Encoding.GetEncoding(1252).GetBytes(french)).Text);
    }

    [Fact]
    public void A_character_split_at_the_end_of_a_first_part_is_left_out_not_reported_as_broken()
    {
        var bytes = Encoding.UTF8.GetBytes("Ukraine’s “news”");
        var cut = bytes.AsSpan(..^2); // inside the closing quote's three bytes
        var decoded = TextDecoder.Decode(cut, complete: false);
        Assert.Equal("Ukraine’s “news", decoded.Text);
        Assert.Equal(0, decoded.ReplacedBytes);
        // The same bytes as a whole input are broken.
        Assert.True(TextDecoder.Decode(cut).ReplacedBytes > 0);
        var utf16 = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("Kyiv 😀")).ToArray();
        Assert.Equal("Kyiv ", TextDecoder.Decode(utf16.AsSpan(..^2), complete: false).Text);
        Assert.Equal("Kyiv 😀", TextDecoder.Decode(utf16, complete: false).Text);
        var shiftJis = Encoding.GetEncoding("shift_jis").GetBytes("東京 <p>ニュース");
        Assert.Equal("東京 <p>", TextDecoder.Decode(shiftJis.AsSpan(..^1), "shift_jis", complete: false).Text);
    }
}
