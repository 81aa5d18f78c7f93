using System.IO.Compression;
using System.Text;
using Triangulate.Ingest;
using Triangulate.Model;
using Triangulate.Tests.Support;

namespace Triangulate.Tests.Unit.Ingest;

/// <summary>Faults a probe found in the readers and in folder discovery, each reproduced: a bad record is one problem and the rest is read; links are followed safely.</summary>
public class RobustReadingTests
{
    private static byte[] Gzip(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gz = new GZipStream(output, CompressionLevel.Fastest)) gz.Write(bytes);
        return output.ToArray();
    }

    private static List<ReadResult> Read(IDocumentReader reader, string path)
    {
        var file = new InputFile(path, path, new FileInfo(path).Length);
        using var stream = File.OpenRead(path);
        var head = new byte[Math.Min(stream.Length, 512)];
        stream.ReadExactly(head);
        Assert.True(reader.CanRead(file, head));
        return [.. reader.Read(file, IngestLimits.Default)];
    }

    [Fact]
    public void A_jsonl_line_with_invalid_utf8_in_a_string_is_one_problem_naming_its_line_and_later_lines_are_read()
    {
        using var temp = new TempFolder();
        var path = temp.Write("feed.jsonl", [
            .. """{"url":"https://example.org/1","text":"The first record reads cleanly, with a whole sentence."}"""u8, (byte)'\n',
            .. """{"url":"https://example.org/2","text":"Broken """u8, 0xC3, 0x28, 0xFF, .. """ bytes here."}"""u8, (byte)'\n',
            .. """{"url":"https://example.org/3","text":"The third record is read although the second was broken."}"""u8, (byte)'\n',
        ]);

        var results = Read(new JsonlDocumentReader(), path);

        Assert.Equal(["https://example.org/1", "https://example.org/3"], results.Where(r => r.Document is not null).Select(r => r.Document!.Source));
        var problem = Assert.Single(results, r => r.Problem is not null).Problem!;
        Assert.Equal(path, problem.Source);
        Assert.StartsWith("line 2:", problem.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_truncated_single_document_gzip_is_a_problem_and_what_decompressed_is_still_analysed()
    {
        using var temp = new TempFolder();
        var text = string.Concat(Enumerable.Range(1, 400).Select(i => $"Sentence number {i} of the long capture says the bridge reopened. "));
        var whole = Gzip(Encoding.UTF8.GetBytes(text));
        var path = temp.Write("capture.txt.gz", whole[..(whole.Length / 2)]);
        var intact = temp.Write("intact.txt.gz", whole);

        var result = Assert.Single(Read(new GzipDocumentReader(), path));
        var clean = Assert.Single(Read(new GzipDocumentReader(), intact));

        Assert.NotNull(result.Document);
        Assert.True(result.Document.Text.Length < text.Length);
        Assert.Contains("truncated", result.Problem?.Error, StringComparison.Ordinal);
        Assert.Null(clean.Problem);
    }

    [Fact]
    public void An_xml_file_is_one_problem_not_a_document_of_markup()
    {
        using var temp = new TempFolder();
        var path = temp.Write("annotated.xml", """
            <?xml version="1.0" ?><Document doc_id="7"><token t_id="1">Officials</token><token t_id="2">said</token></Document>
            """);

        var results = Read(new PlainTextDocumentReader(), path);

        var result = Assert.Single(results);
        Assert.Null(result.Document);
        Assert.StartsWith("XML data, not an article", result.Problem!.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_text_capture_that_starts_with_an_angle_bracket_is_still_read()
    {
        using var temp = new TempFolder();
        var path = temp.Write("capture.txt", "<< Back to news\nOfficials said on Tuesday that 12 people were hurt in the fire.\n");

        var result = Assert.Single(Read(new PlainTextDocumentReader(), path));

        Assert.NotNull(result.Document);
    }

    [Fact]
    public void A_symlink_loop_ends_with_one_problem()
    {
        using var temp = new TempFolder();
        temp.Write("in/a/story.txt", "The bridge reopened on Monday.");
        Directory.CreateSymbolicLink(temp.File("in/a/loop"), temp.File("in"));
        Directory.CreateSymbolicLink(temp.File("in/self"), temp.File("in/a"));
        var problems = new List<Problem>();

        var files = InputDiscovery.Enumerate([temp.File("in")], problems.Add).Take(100).ToList();

        Assert.Single(files);
        Assert.Equal(2, problems.Count);
        Assert.All(problems, p => Assert.Contains("already read", p.Error, StringComparison.Ordinal));
    }

    [Fact]
    public void A_symlinked_file_is_sized_by_its_target_so_the_document_cap_refuses_it()
    {
        using var temp = new TempFolder();
        using (var huge = File.Create(temp.File("huge.bin"))) huge.SetLength(100L * 1024 * 1024);
        Directory.CreateDirectory(temp.File("in"));
        File.CreateSymbolicLink(temp.File("in/link.txt"), temp.File("huge.bin"));

        var file = Assert.Single(InputDiscovery.Enumerate([temp.File("in")], _ => Assert.Fail("no problem expected")));
        var result = Assert.Single(new PlainTextDocumentReader().Read(file, IngestLimits.Default));

        Assert.Equal(100L * 1024 * 1024, file.Length);
        Assert.Null(result.Document);
        Assert.StartsWith("too large", result.Problem!.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_cap_is_checked_on_the_opened_file_too()
    {
        using var temp = new TempFolder();
        var path = temp.Write("grown.txt", new byte[4096]);

        // Discovery saw 10 bytes; the file is larger when it is opened.
        var result = Assert.Single(new PlainTextDocumentReader().Read(new InputFile(path, path, 10), new IngestLimits { MaxDocumentBytes = 1024 }));

        Assert.StartsWith("too large", result.Problem!.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_vanished_after_discovery_is_one_problem_for_every_reader()
    {
        using var temp = new TempFolder();
        foreach (var (name, reader) in new (string, IDocumentReader)[]
        {
            ("gone.txt", new PlainTextDocumentReader()), ("gone.html", new HtmlDocumentReader()), ("gone.html.gz", new GzipDocumentReader(new HtmlPayloadParser())),
            ("gone.jsonl", new JsonlDocumentReader(new HtmlPayloadParser())), ("gone.warc.gz", new WarcDocumentReader(new HtmlPayloadParser())),
        })
        {
            var path = temp.File(name);
            var result = Assert.Single(reader.Read(new InputFile(name, path, 100), IngestLimits.Default));
            Assert.Null(result.Document);
            Assert.Equal(name, result.Problem!.Source);
            Assert.StartsWith("cannot read: ", result.Problem.Error, StringComparison.Ordinal);
        }
    }
}
