using System.IO.Compression;
using System.Text;
using Triangulate.Ingest;
using Triangulate.Tests.Support;

namespace Triangulate.Tests.Unit.Ingest;

/// <summary>WARC response bodies with HTTP transfer and content codings: chunked, gzip, deflate, br, and broken ones.</summary>
public class HttpPayloadTests
{
    private const string Page = "<html><head><title>T</title></head><body><h1>Ferry service resumes</h1><p>The ferry service resumed on Monday after the storm, the operator said.</p></body></html>";

    private static byte[] Compress(byte[] bytes, string coding)
    {
        using var output = new MemoryStream();
        using (Stream stream = coding switch
        {
            "gzip" => new GZipStream(output, CompressionLevel.Fastest),
            "br" => new BrotliStream(output, CompressionLevel.Fastest),
            "zlib" => new ZLibStream(output, CompressionLevel.Fastest),
            _ => new DeflateStream(output, CompressionLevel.Fastest),
        })
        {
            stream.Write(bytes);
        }
        return output.ToArray();
    }

    private static byte[] Chunk(byte[] bytes, int size)
    {
        var output = new List<byte>();
        for (var at = 0; at < bytes.Length; at += size)
        {
            var n = Math.Min(size, bytes.Length - at);
            output.AddRange(Encoding.ASCII.GetBytes($"{n:x}\r\n"));
            output.AddRange(bytes.AsSpan(at, n).ToArray());
            output.AddRange("\r\n"u8.ToArray());
        }
        output.AddRange("0\r\n\r\n"u8.ToArray());
        return [.. output];
    }

    private static byte[] Response(string uri, byte[] body, string headers) =>
        ContainerReaderTests.WarcRecord("response", uri,
            [.. Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n{headers}\r\n"), .. body],
            "application/http; msgtype=response");

    private static List<ReadResult> ReadWarc(byte[] warc, IngestLimits? limits = null)
    {
        using var temp = new TempFolder();
        var path = temp.Write("p.warc", warc);
        var file = new InputFile(path, path, warc.Length);
        return [.. new WarcDocumentReader(new HtmlPayloadParser()).Read(file, limits ?? IngestLimits.Default)];
    }

    [Theory]
    [InlineData("gzip", "gzip")]
    [InlineData("x-gzip", "gzip")]
    [InlineData("br", "br")]
    [InlineData("deflate", "zlib")]
    [InlineData("deflate", "deflate")]
    public void A_content_encoded_body_is_decoded(string header, string coding)
    {
        var body = Compress(Encoding.UTF8.GetBytes(Page), coding);
        var results = ReadWarc(Response("https://example.org/a", body, $"Content-Encoding: {header}\r\n"));
        var document = Assert.Single(results).Document;
        Assert.NotNull(document);
        Assert.Contains("Ferry service resumes", document.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_chunked_body_is_joined_and_a_chunked_gzip_body_is_joined_then_decoded()
    {
        var plain = ReadWarc(Response("https://example.org/a", Chunk(Encoding.UTF8.GetBytes(Page), 17), "Transfer-Encoding: chunked\r\n"));
        Assert.Contains("after the storm, the operator said.", plain.Single().Document!.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("\r\n11\r\n", plain.Single().Document!.Text, StringComparison.Ordinal);
        var both = ReadWarc(Response("https://example.org/b", Chunk(Compress(Encoding.UTF8.GetBytes(Page), "gzip"), 10),
            "Transfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n"));
        Assert.Contains("Ferry service resumes", both.Single().Document!.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_body_the_archiver_already_decoded_is_read_as_it_is()
    {
        var results = ReadWarc(Response("https://example.org/a", Encoding.UTF8.GetBytes(Page), "Transfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n"));
        Assert.Contains("Ferry service resumes", results.Single().Document!.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Broken_codings_are_a_problem_for_their_record_and_the_next_record_is_still_read()
    {
        byte[] notGzip = [0x00, 0x13, 0x37, 0xFF, 0xFE, 0x00, 0x01, 0x02, 0x03, 0x04];
        var cutGzip = Compress(Encoding.UTF8.GetBytes(Page + Page + Page), "gzip")[..30];
        var chunks = Chunk(Encoding.UTF8.GetBytes(Page), 40); // one chunk is "28\r\n" + 40 bytes + "\r\n": 46 bytes
        var brokenChunks = chunks[..46].Concat("zz\r\nmore"u8.ToArray()).ToArray();
        var results = ReadWarc([
            .. Response("https://example.org/1", notGzip, "Content-Encoding: gzip\r\n"),
            .. Response("https://example.org/2", cutGzip, "Content-Encoding: gzip\r\n"),
            .. Response("https://example.org/3", brokenChunks, "Transfer-Encoding: chunked\r\n"),
            .. Response("https://example.org/4", notGzip, "Content-Encoding: compress\r\n"),
            .. Response("https://example.org/5", Compress(Encoding.UTF8.GetBytes(Page), "br"), "Content-Encoding: br\r\n"),
        ]);
        Assert.Equal(5, results.Count);
        Assert.Contains("not gzip", results[0].Problem!.Error, StringComparison.Ordinal);
        Assert.StartsWith("record 1 (https://example.org/1):", results[0].Problem!.Error, StringComparison.Ordinal);
        // A cut gzip body decodes as far as it goes (as truncated HTML does); thirty bytes hold no readable text.
        Assert.StartsWith("record 2 (https://example.org/2):", results[1].Problem!.Error, StringComparison.Ordinal);
        Assert.Null(results[1].Document);
        Assert.Contains("bad chunk size", results[2].Problem!.Error, StringComparison.Ordinal);
        Assert.Contains("unsupported Content-Encoding compress", results[3].Problem!.Error, StringComparison.Ordinal);
        Assert.Equal("https://example.org/5", results[4].Document!.Source);
    }

    [Fact]
    public void A_small_record_that_inflates_past_the_record_limit_is_refused()
    {
        var bomb = Compress(new byte[4 * 1024 * 1024], "gzip");
        Assert.True(bomb.Length < 64 * 1024);
        var results = ReadWarc([
            .. Response("https://example.org/bomb", bomb, "Content-Encoding: gzip\r\n"),
            .. Response("https://example.org/ok", Encoding.UTF8.GetBytes(Page), ""),
        ], new IngestLimits { MaxRecordBytes = 1024 * 1024 });
        Assert.Contains("record limit", results[0].Problem!.Error, StringComparison.Ordinal);
        Assert.Equal("https://example.org/ok", results[1].Document!.Source);
    }

    [Fact]
    public void The_charset_of_the_http_header_decodes_the_decoded_body()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var latin = Encoding.GetEncoding(1252).GetBytes("<html><body><p>Crème brûlée sales fell in the café, the owner said on Friday.</p></body></html>");
        var warc = ContainerReaderTests.WarcRecord("response", "https://example.org/c",
            [.. "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=windows-1252\r\nContent-Encoding: gzip\r\n\r\n"u8, .. Compress(latin, "gzip")],
            "application/http; msgtype=response");
        var document = ReadWarc(warc).Single().Document!;
        Assert.Contains("Crème brûlée sales fell in the café", document.Text, StringComparison.Ordinal);
    }
}
