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
}
