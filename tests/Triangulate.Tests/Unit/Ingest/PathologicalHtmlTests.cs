using System.Text;
using Triangulate.Ingest;
using Triangulate.Tests.Support;

namespace Triangulate.Tests.Unit.Ingest;

/// <summary>Pages the HTML5 parser would spend quadratic time on are cut at the element and depth caps, read up to there, and the cut is a problem naming the page.</summary>
public class PathologicalHtmlTests
{
    private const string Lead = "<html><body><p>The harbour reopened on Monday after the storm, the port authority said in a statement.</p>";

    private static string Repeat(string unit, int times)
    {
        var builder = new StringBuilder(Lead, Lead.Length + (unit.Length * times));
        for (var i = 0; i < times; i++) builder.Append(unit);
        return builder.ToString();
    }

    [Theory]
    [InlineData("<div><span><b>", 60_000)]
    [InlineData("<div><span><b>x", 93_000)]
    [InlineData("<div>", 100_000)]
    public void Unclosed_or_deeply_nested_tags_past_the_depth_cap_are_dropped_and_the_page_is_still_read(string unit, int times)
    {
        var html = Repeat(unit, times) + "<p>The last paragraph, under every unclosed tag, is read too.</p>";

        var result = HtmlDocumentReader.FromBytes("deep.html", Encoding.UTF8.GetBytes(html));

        Assert.NotNull(result.Document);
        Assert.Contains("harbour reopened on Monday", result.Document.Text, StringComparison.Ordinal);
        Assert.NotNull(result.Problem);
        Assert.Equal("deep.html", result.Problem.Source);
        Assert.Contains("The last paragraph, under every unclosed tag, is read too.", result.Document.Text, StringComparison.Ordinal);
        Assert.Contains("nested over", result.Problem.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_page_over_the_element_cap_is_read_up_to_the_cap()
    {
        var limits = new IngestLimits { MaxHtmlElements = 1_000 };
        var html = Repeat("<p>Line of text in its own paragraph.</p>", 5_000);

        var result = HtmlDocumentReader.FromBytes("many.html", Encoding.UTF8.GetBytes(html), limits: limits);

        Assert.NotNull(result.Document);
        Assert.InRange(result.Document.Segments.Count, 900, 1_000);
        Assert.Contains("1000-element limit", result.Problem?.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_page_within_the_caps_is_not_cut_and_raises_no_problem()
    {
        var html = Repeat("<div class=\"row\"><p>Para <b>bold</b> <a href=\"/x\">link <i>it</i></a><br>more</p><ul><li>one<li>two</ul></div>", 2_000) + "</body></html>";

        var (bounded, reason) = HtmlParseBudget.Scan(html, IngestLimits.Default);

        Assert.Null(reason);
        Assert.Same(html, bounded);
    }

    [Fact]
    public void Script_text_and_comments_are_not_counted_as_markup()
    {
        var script = "<script>" + string.Concat(Enumerable.Repeat("var s = '<div>';", 2_000)) + "</script><!--" + string.Concat(Enumerable.Repeat("<div>", 2_000)) + "-->";

        var (_, reason) = HtmlParseBudget.Scan(Lead + script, IngestLimits.Default);

        Assert.Null(reason);
    }

    [Fact]
    public void A_page_over_the_size_cap_is_cut_there_and_its_first_part_analysed_whatever_the_load()
    {
        // Over the default 4 MB: a page of the same paragraphs repeated, with a last paragraph past the cap.
        var html = Repeat("<p>The ferry to the island ran again on Tuesday, the harbour master said after the inspection.</p>\n", 50_000)
            + "<p>The closing paragraph sits past the size cap.</p></body></html>";
        Assert.True(html.Length > IngestLimits.Default.MaxHtmlChars);

        var result = HtmlDocumentReader.FromBytes("huge.html", Encoding.UTF8.GetBytes(html));

        Assert.NotNull(result.Document);
        Assert.Contains("harbour reopened on Monday", result.Document.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("closing paragraph", result.Document.Text, StringComparison.Ordinal);
        Assert.EndsWith("the harbour master said after the inspection.", result.Document.Text.TrimEnd(), StringComparison.Ordinal);
        Assert.NotNull(result.Problem);
        Assert.Equal("huge.html", result.Problem.Source);
        Assert.StartsWith("HTML page truncated at 4 MB for analysis: the first ", result.Problem.Error, StringComparison.Ordinal);
        Assert.Contains($" of {html.Length} characters of markup read", result.Problem.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_page_of_text_with_no_tag_near_the_size_cap_is_cut_at_the_cap()
    {
        var limits = new IngestLimits { MaxHtmlChars = 4_096 };
        var html = Lead + string.Concat(Enumerable.Repeat("words without any markup ", 1_000));

        var (bounded, reason) = HtmlParseBudget.Scan(html, limits);

        Assert.Equal(4_096, bounded.Length);
        Assert.StartsWith("page truncated at 4096 characters for analysis", reason, StringComparison.Ordinal);
    }

    /// <summary>A page of <paramref name="length"/> bytes, made as it is read: paragraphs after paragraphs, never held whole.</summary>
    private sealed class GeneratedPage(long length) : Stream
    {
        private static readonly byte[] Paragraph = Encoding.UTF8.GetBytes("<p>The ferry to the island ran again on Tuesday, the harbour master said – “at last”.</p>\n");
        private static readonly byte[] Lead = Encoding.UTF8.GetBytes("<!doctype html><html><head><meta charset=\"utf-8\"><title>Ferry</title></head><body><article><h1>The ferry runs again</h1>\n");
        private long _position;

        public long Handed => _position;
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => length;
        public override long Position { get => _position; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var n = (int)Math.Min(buffer.Length, length - _position);
            for (var i = 0; i < n; i++, _position++)
                buffer[i] = _position < Lead.Length ? Lead[_position] : Paragraph[(_position - Lead.Length) % Paragraph.Length];
            return n;
        }
    }

    [Fact]
    public void A_2_gb_page_is_read_only_as_far_as_it_is_parsed()
    {
        var limits = new IngestLimits { MaxHtmlChars = 256 * 1024 };
        using var page = new GeneratedPage(2L * 1024 * 1024 * 1024);

        var (bytes, cut) = HtmlPageBytes.Read(page, limits);

        Assert.True(cut);
        // The characters past the cap and a read's chunk (64 KB), no more: the multi-byte dash and quotes make the
        // bytes a little more than the characters.
        Assert.True(page.Handed < limits.MaxHtmlChars * 1.1 + 64 * 1024 + 1, $"read {page.Handed} bytes");
        var result = HtmlDocumentReader.FromBytes("huge.html", bytes, limits: limits, complete: false);
        Assert.NotNull(result.Document);
        Assert.EndsWith("“at last”.", result.Document.Text.TrimEnd(), StringComparison.Ordinal);
        Assert.DoesNotContain('\uFFFD', result.Document.Text);
        Assert.Equal("huge.html", result.Problem!.Source);
        Assert.StartsWith("HTML page truncated at 262144 characters for analysis: the first ", result.Problem.Error, StringComparison.Ordinal);
        Assert.EndsWith("characters of markup read, the rest of the page left out", result.Problem.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_page_read_from_disk_is_cut_as_the_same_page_in_memory_is()
    {
        var limits = new IngestLimits { MaxHtmlChars = 64 * 1024 };
        using var page = new GeneratedPage(1024 * 1024);
        var whole = new byte[page.Length];
        page.ReadExactly(whole);
        using var temp = new TempFolder();
        var path = temp.Write("page.html", whole);

        var fromDisk = Assert.Single(new HtmlDocumentReader().Read(new InputFile(path, path, whole.Length), limits));
        var inMemory = HtmlDocumentReader.FromBytes(path, whole, limits: limits);

        Assert.Equal(inMemory.Document!.Text, fromDisk.Document!.Text);
        Assert.True(fromDisk.Document.Raw.Length < limits.MaxHtmlChars * 1.1 + 64 * 1024 + 1, $"kept {fromDisk.Document.Raw.Length} bytes");
        Assert.StartsWith("HTML page truncated", fromDisk.Problem!.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_gzipped_page_is_decompressed_only_as_far_as_it_is_parsed_and_held_to_the_document_cap()
    {
        var limits = new IngestLimits { MaxHtmlChars = 64 * 1024, MaxDocumentBytes = 4 * 1024 * 1024 };
        using var temp = new TempFolder();
        var small = temp.Write("small.html.gz", Gzip(new GeneratedPage(2 * 1024 * 1024)));
        var large = temp.Write("large.html.gz", Gzip(new GeneratedPage(8 * 1024 * 1024)));

        var cut = Assert.Single(new GzipDocumentReader(new HtmlPayloadParser()).Read(new InputFile(small, small, new FileInfo(small).Length), limits));
        var refused = Assert.Single(new GzipDocumentReader(new HtmlPayloadParser()).Read(new InputFile(large, large, new FileInfo(large).Length), limits));

        Assert.NotNull(cut.Document);
        Assert.True(cut.Document.Raw.Length < limits.MaxHtmlChars * 1.1 + 64 * 1024 + 1, $"kept {cut.Document.Raw.Length} bytes");
        Assert.StartsWith("HTML page truncated", cut.Problem!.Error, StringComparison.Ordinal);
        Assert.Null(refused.Document);
        Assert.StartsWith("too large: decompresses to over the 4 MB limit", refused.Problem!.Error, StringComparison.Ordinal);
    }

    private static byte[] Gzip(Stream content)
    {
        using (content)
        {
            using var output = new MemoryStream();
            using (var gz = new System.IO.Compression.GZipStream(output, System.IO.Compression.CompressionLevel.Fastest)) content.CopyTo(gz);
            return output.ToArray();
        }
    }
}
