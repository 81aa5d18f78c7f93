using System.IO.Compression;
using System.Text;
using Triangulate.Ingest;
using Triangulate.Tests.Support;

namespace Triangulate.Tests.Unit.Ingest;

/// <summary>JSONL, WARC and gzip readers: good records read, bad ones each a problem, the rest still read.</summary>
public class ContainerReaderTests
{
    private static List<ReadResult> Read(IDocumentReader reader, string path)
    {
        var file = new InputFile(path, path, new FileInfo(path).Length);
        Assert.True(reader.CanRead(file, Pipeline.ReadHead(path)));
        return [.. reader.Read(file, IngestLimits.Default)];
    }

    private const string Page = "<html><head><title>T</title><script>var x = 1;</script></head><body><h1>Bridge reopens after repairs</h1><p>The bridge reopened on Friday after six weeks of repairs, the city said.</p></body></html>";

    internal static byte[] WarcRecord(string type, string uri, byte[] block, string? contentType = null)
    {
        var header = $"WARC/1.1\r\nWARC-Type: {type}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2024-11-25T10:00:00Z\r\n"
            + (contentType is null ? "" : $"Content-Type: {contentType}\r\n") + $"Content-Length: {block.Length}\r\n\r\n";
        return [.. Encoding.UTF8.GetBytes(header), .. block, .. "\r\n\r\n"u8];
    }

    internal static byte[] Response(string uri, string body, string contentType = "text/html; charset=utf-8", Encoding? encoding = null)
    {
        var payload = (encoding ?? Encoding.UTF8).GetBytes(body);
        var http = Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: {contentType}\r\nContent-Length: {payload.Length}\r\n\r\n");
        return WarcRecord("response", uri, [.. http, .. payload], "application/http; msgtype=response");
    }

    private static byte[] Gzip(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gz = new GZipStream(output, CompressionLevel.Fastest)) gz.Write(bytes);
        return output.ToArray();
    }

    [Fact]
    public void A_jsonl_export_that_opens_with_a_byte_order_mark_and_files_joined_after_one_lose_no_record()
    {
        using var temp = new TempFolder();
        // Windows tools write a UTF-8 BOM before the first line; `cat a.jsonl b.jsonl` carries b's into the middle.
        byte[] bom = [0xEF, 0xBB, 0xBF];
        var path = temp.Write("bom.jsonl", [.. bom, .. Encoding.UTF8.GetBytes(JsonlRecord(1)), .. bom, .. Encoding.UTF8.GetBytes(JsonlRecord(2))]);

        var results = Read(new JsonlDocumentReader(), path);

        Assert.All(results, r => Assert.Null(r.Problem));
        Assert.Equal(["https://example.org/1", "https://example.org/2"], results.Select(r => r.Document!.Source));
    }

    [Fact]
    public void Jsonl_records_become_documents_and_a_broken_line_is_a_problem_naming_it()
    {
        using var temp = new TempFolder();
        var path = temp.Write("a.jsonl", string.Join('\n',
            """{"url":"https://example.org/1","text":"A plain text record\n\nIt has a body line that ends with a full stop.","title":"Plain","published":"2024-11-25T08:00:00Z","outlet":"Example"}""",
            """{"url":"https://example.org/2","html":"<p>Broken""",
            "",
            """{"html":"<html><body><p>An html record with one paragraph of text.</p></body></html>"}""",
            """{"title":"no content"}"""));
        var results = Read(new JsonlDocumentReader(), path);
        var documents = results.Where(r => r.Document is not null).Select(r => r.Document!).ToList();
        Assert.Equal(["https://example.org/1", path + "#4"], documents.Select(d => d.Source));
        Assert.Equal("Plain", documents[0].Metadata.Title);
        Assert.Equal("2024-11-25", documents[0].Metadata.Published!.Date.ToString());
        Assert.Equal("jsonl", documents[1].Format);
        Assert.Contains("An html record with one paragraph of text.", documents[1].Text, StringComparison.Ordinal);
        var problems = results.Where(r => r.Problem is not null).Select(r => r.Problem!.Error).ToList();
        Assert.Equal(2, problems.Count);
        Assert.StartsWith("line 2: not valid JSON", problems[0], StringComparison.Ordinal);
        // The parser's own "LineNumber: 0" counted within the one line and contradicted "line 2".
        Assert.DoesNotContain("LineNumber", problems[0], StringComparison.Ordinal);
        Assert.Contains("of the line)", problems[0], StringComparison.Ordinal);
        Assert.StartsWith("line 5: no html or text", problems[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Warc_response_records_are_read_with_their_charset_and_other_records_are_skipped()
    {
        using var temp = new TempFolder();
        var path = temp.Write("a.warc", [
            .. WarcRecord("warcinfo", "", "software: test\r\n"u8.ToArray(), "application/warc-fields"),
            .. WarcRecord("request", "https://example.org/a", "GET /a HTTP/1.1\r\n\r\n"u8.ToArray(), "application/http; msgtype=request"),
            .. Response("https://example.org/a", Page),
            .. Response("https://example.org/b", "<p>Café prices rose again, the owners said.</p>", "text/html; charset=windows-1252", CodePages(1252)),
            .. Response("https://example.org/logo.png", "\u0089PNG", "image/png"),
        ]);
        var results = Read(new WarcDocumentReader(), path);
        Assert.All(results, r => Assert.Null(r.Problem));
        Assert.Equal(["https://example.org/a", "https://example.org/b"], results.Select(r => r.Document!.Source));
        Assert.Contains("Bridge reopens after repairs", results[0].Document!.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("var x", results[0].Document!.Text, StringComparison.Ordinal);
        Assert.Contains("Café", results[1].Document!.Text, StringComparison.Ordinal);
        Assert.Equal("warc", results[0].Document!.Format);
    }

    private static Encoding CodePages(int page)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(page);
    }

    [Fact]
    public void A_broken_warc_record_in_the_middle_is_a_problem_and_the_next_record_is_still_read()
    {
        using var temp = new TempFolder();
        var path = temp.Write("b.warc", [
            .. Response("https://example.org/1", Page),
            .. "WARC/1.0\r\nWARC-Type: response\r\nContent-Length: lots\r\n\r\ngarbage garbage\r\n\r\n"u8,
            .. "this is not a record at all\r\n"u8,
            .. Response("https://example.org/3", Page),
        ]);
        var results = Read(new WarcDocumentReader(), path);
        Assert.Equal(["https://example.org/1", "https://example.org/3"], results.Where(r => r.Document is not null).Select(r => r.Document!.Source));
        Assert.Contains(results, r => r.Problem?.Error.Contains("no valid Content-Length", StringComparison.Ordinal) == true);
    }

    [Fact]
    public void A_record_whose_content_length_runs_past_it_does_not_swallow_the_records_after_it()
    {
        using var temp = new TempFolder();
        var liar = Encoding.ASCII.GetBytes(Encoding.ASCII.GetString(Response("https://example.org/2", Page)).Replace("Content-Length: ", "Content-Length: 9", StringComparison.Ordinal));
        var huge = "WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999999999\r\n\r\nHTTP/1.1 200 OK\r\n\r\nshort\r\n\r\n"u8.ToArray();
        var path = temp.Write("f.warc", [.. Response("https://example.org/1", Page), .. liar, .. Response("https://example.org/3", Page), .. huge, .. Response("https://example.org/5", Page)]);
        var results = Read(new WarcDocumentReader(), path);
        Assert.Equal(["https://example.org/1", "https://example.org/3", "https://example.org/5"], results.Where(r => r.Document is not null).Select(r => r.Document!.Source));
        Assert.Equal(2, results.Count(r => r.Problem?.Error.Contains("runs into the next record", StringComparison.Ordinal) == true));
    }

    [Fact]
    public void An_over_cap_record_is_skipped_in_bounded_memory_and_the_next_record_is_read()
    {
        using var temp = new TempFolder();
        var path = temp.File("big.warc");
        const long size = 100L * 1024 * 1024;
        using (var file = File.Create(path))
        {
            file.Write(Response("https://example.org/1", Page));
            file.Write(Encoding.ASCII.GetBytes($"WARC/1.0\r\nWARC-Type: resource\r\nContent-Type: text/html\r\nContent-Length: {size}\r\n\r\n"));
            file.Seek(size, SeekOrigin.Current); // 100 MB of zeros without a line break (a sparse file)
            file.Write("\r\n\r\n"u8);
            file.Write(Response("https://example.org/3", Page));
        }
        var input = new InputFile(path, path, new FileInfo(path).Length);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var results = new WarcDocumentReader().Read(input, new IngestLimits { MaxRecordBytes = 8 * 1024 * 1024 }).ToList();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(["https://example.org/1", "https://example.org/3"], results.Where(r => r.Document is not null).Select(r => r.Document!.Source));
        Assert.Contains(results, r => r.Problem?.Error.Contains("record limit", StringComparison.Ordinal) == true);
        Assert.True(allocated < 16 * 1024 * 1024, $"allocated {allocated >> 20} MB");
    }

    [Fact]
    public void A_truncated_warc_keeps_its_complete_records_and_reports_the_cut()
    {
        using var temp = new TempFolder();
        byte[] whole = [.. Response("https://example.org/1", Page), .. Response("https://example.org/2", Page)];
        var path = temp.Write("c.warc", whole[..^150]);
        var results = Read(new WarcDocumentReader(), path);
        Assert.Equal("https://example.org/1", results[0].Document!.Source);
        Assert.Contains("truncated", results[^1].Problem!.Error, StringComparison.Ordinal);
        Assert.Equal(2, results.Count);
    }

    [Fact]
    public void A_warc_gz_of_one_gzip_member_per_record_is_read_as_common_crawl_writes_it()
    {
        using var temp = new TempFolder();
        var path = temp.Write("d.warc.gz", [.. Gzip(Response("https://example.org/1", Page)), .. Gzip(Response("https://example.org/2", Page))]);
        var results = Read(new WarcDocumentReader(), path);
        Assert.Equal(["https://example.org/1", "https://example.org/2"], results.Select(r => r.Document!.Source));
    }

    private static string JsonlRecord(int n) => $$"""{"url":"https://example.org/{{n}}","text":"Record {{n}} of the export, a sentence about the harbour that reopened."}""" + "\n";

    /// <summary>A gzip of records 1..<paramref name="records"/>, and where the compressed bytes end exactly after record <paramref name="cutAfter"/> (a sync flush there).</summary>
    private static (byte[] Whole, int Cut) GzipWithFlush(int records, int cutAfter)
    {
        using var output = new MemoryStream();
        int cut;
        using (var gz = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            for (var n = 1; n <= cutAfter; n++) gz.Write(Encoding.UTF8.GetBytes(JsonlRecord(n)));
            gz.Flush();
            cut = (int)output.Length;
            for (var n = cutAfter + 1; n <= records; n++) gz.Write(Encoding.UTF8.GetBytes(JsonlRecord(n)));
        }
        return (output.ToArray(), cut);
    }

    [Fact]
    public void A_jsonl_gz_cut_exactly_at_a_line_end_is_one_problem_naming_the_file_and_keeps_the_records_before_it()
    {
        using var temp = new TempFolder();
        var (whole, cut) = GzipWithFlush(records: 40, cutAfter: 25);
        var path = temp.Write("cut.jsonl.gz", whole[..cut]);
        var results = Read(new JsonlDocumentReader(), path);
        Assert.Equal(25, results.Count(r => r.Document is not null));
        var problem = Assert.Single(results, r => r.Problem is not null).Problem!;
        Assert.Equal(path, problem.Source);
        Assert.StartsWith("line 26: cannot read further: truncated gzip", problem.Error, StringComparison.Ordinal);
        var intact = Read(new JsonlDocumentReader(), temp.Write("whole.jsonl.gz", whole));
        Assert.Equal(40, intact.Count(r => r.Document is not null));
        Assert.DoesNotContain(intact, r => r.Problem is not null);
    }

    [Fact]
    public void A_jsonl_gz_of_several_gzip_members_is_whole_and_its_last_member_cut_is_a_problem()
    {
        using var temp = new TempFolder();
        var first = Gzip(Encoding.UTF8.GetBytes(JsonlRecord(1) + JsonlRecord(2)));
        var (last, cut) = GzipWithFlush(records: 6, cutAfter: 4);
        var whole = Read(new JsonlDocumentReader(), temp.Write("members.jsonl.gz", [.. first, .. last]));
        Assert.Equal(8, whole.Count(r => r.Document is not null));
        Assert.DoesNotContain(whole, r => r.Problem is not null);
        var results = Read(new JsonlDocumentReader(), temp.Write("members-cut.jsonl.gz", [.. first, .. last[..cut]]));
        Assert.Equal(6, results.Count(r => r.Document is not null));
        Assert.Contains("truncated gzip", Assert.Single(results, r => r.Problem is not null).Problem!.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_warc_gz_whose_last_record_is_cut_keeps_the_records_before_it()
    {
        using var temp = new TempFolder();
        var first = Gzip(Response("https://example.org/1", Page));
        var second = Gzip(Response("https://example.org/2", Page));
        var results = Read(new WarcDocumentReader(), temp.Write("cut.warc.gz", [.. first, .. second[..(second.Length / 2)]]));
        Assert.Equal("https://example.org/1", results[0].Document!.Source);
        Assert.Contains("truncated", results[^1].Problem!.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(results, r => r.Document?.Source == "https://example.org/2");
    }

    [Fact]
    public void A_binary_payload_labelled_as_html_is_a_problem()
    {
        using var temp = new TempFolder();
        var binary = Encoding.Latin1.GetString([0x00, 0x01, 0x02, 0xFF, 0x00, 0x10]);
        var path = temp.Write("e.warc", [.. Response("https://example.org/bin", binary, "text/html", Encoding.Latin1), .. Response("https://example.org/ok", Page)]);
        var results = Read(new WarcDocumentReader(), path);
        Assert.Contains("binary payload", results[0].Problem!.Error, StringComparison.Ordinal);
        Assert.Equal("https://example.org/ok", results[1].Document!.Source);
    }

    [Fact]
    public void A_gzip_of_a_text_capture_is_read_and_a_gz_that_is_not_gzip_is_a_clear_problem()
    {
        using var temp = new TempFolder();
        var text = File.ReadAllBytes(Directory.GetFiles(TestPaths.KurskExample, "004_*.txt").Single());
        var good = Read(new GzipDocumentReader(), temp.Write("capture.txt.gz", Gzip(text)));
        Assert.StartsWith("Ukraine is losing ground", good.Single().Document!.Text, StringComparison.Ordinal);
        var bad = Read(new GzipDocumentReader(), temp.Write("fake.txt.gz", "just text"u8.ToArray()));
        Assert.StartsWith("not gzip", bad.Single().Problem!.Error, StringComparison.Ordinal);
        var badWarc = Read(new WarcDocumentReader(), temp.Write("fake.warc.gz", "WARC/1.0\r\n"u8.ToArray()));
        Assert.StartsWith("not gzip", badWarc.Single().Problem!.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_default_pipeline_takes_each_container_with_its_own_reader()
    {
        using var temp = new TempFolder();
        temp.Write("in/a.jsonl", """{"url":"https://example.org/j","text":"A record in a JSON Lines file, with a full sentence."}""" + "\n");
        temp.Write("in/b.warc.gz", Gzip(Response("https://example.org/w", Page)));
        var pipeline = Some.PipelineBuilder().Build();
        var sources = new List<string>();
        foreach (var file in InputDiscovery.Enumerate([temp.File("in")], _ => { }))
            foreach (var result in pipeline.Read(file))
                if (result.Document is not null) sources.Add(result.Document.Source + " " + result.Document.Format);
        Assert.Equal(["https://example.org/j jsonl", "https://example.org/w warc"], sources);
    }
}
