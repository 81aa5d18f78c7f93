using System.Text;
using System.Text.Json.Nodes;
using Triangulate.Ingest;
using Triangulate.Tests.Support;

namespace Triangulate.Tests.EndToEnd;

/// <summary>Bad input beside good: the good is analysed, each bad one is a problem naming it, the exit code is 1.</summary>
[Collection(ConsoleTests.Name)]
public class BadInputTests
{
    [Fact]
    public void Bad_inputs_are_problems_and_good_ones_are_still_analysed()
    {
        using var temp = new TempFolder();
        var input = Path.Combine(temp.Path, "in");
        temp.Write("in/good.txt", File.ReadAllBytes(Directory.GetFiles(TestPaths.KurskExample)[0]));
        temp.Write("in/binary.bin", [0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x01, 0x02, 0xFF, 0x00]);
        temp.Write("in/empty.txt", []);
        temp.Write("in/broken.txt", [.. Encoding.UTF8.GetBytes("Ukraine’s “news” "), 0xC3, 0x28, .. Encoding.UTF8.GetBytes(" continues.")]);
        using (var huge = File.Create(temp.File("in/huge.txt"))) huge.SetLength(200L * 1024 * 1024);
        File.CreateSymbolicLink(temp.File("in/dangling.txt"), temp.File("nowhere.txt"));
        var missing = temp.File("missing-folder");

        var exit = Triangulate.Cli.TriangulateCli.Run(["analyze", input, missing, "--out", temp.File("out"), "--db", temp.File("t.db"), "--quiet"]);

        Assert.Equal(1, exit);
        var dossier = JsonNode.Parse(File.ReadAllText(temp.File("out/dossier.json")))!.AsObject();
        var problems = dossier["problems"]!.AsArray().Select(p => ((string)p!["source"]!, (string)p["error"]!)).ToList();
        foreach (var bad in new[] { "binary.bin", "empty.txt", "broken.txt", "huge.txt", "dangling.txt" })
            Assert.Contains(problems, p => p.Item1.EndsWith(bad, StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Item1 == missing);
        Assert.Contains(problems, p => p.Item2.Contains("too large", StringComparison.Ordinal));
        var sources = dossier["documents"]!.AsArray().Select(d => (string)d!["source"]!).ToList();
        Assert.Contains(sources, s => s.EndsWith("good.txt", StringComparison.Ordinal));
        // Broken UTF-8 is still analysed, with its bytes replaced and the problem listed.
        Assert.Contains(sources, s => s.EndsWith("broken.txt", StringComparison.Ordinal));
        Assert.Equal(2, sources.Count);
        Assert.All(problems, p => Assert.DoesNotContain('\n', p.Item2));
    }

    private const string Page = "<!doctype html><html lang=\"en\"><head><title>Ferry service resumes</title></head><body><article><h1>Ferry service resumes</h1>"
        + "<p>The ferry service between the two islands resumed on Monday after the storm, the operator said in a statement.</p>"
        + "<p>Crews inspected the harbour walls over the weekend and found no damage that would stop the crossings, it added.</p></article></body></html>";

    private static byte[] Gzip(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gz = new System.IO.Compression.GZipStream(output, System.IO.Compression.CompressionLevel.Fastest)) gz.Write(bytes);
        return output.ToArray();
    }

    [Fact]
    public void Bad_web_inputs_are_problems_and_everything_else_in_the_same_files_is_still_read()
    {
        using var temp = new TempFolder();
        var input = Path.Combine(temp.Path, "in");
        temp.Write("in/good.html", Encoding.UTF8.GetBytes(Page));
        temp.Write("in/truncated.html", Encoding.UTF8.GetBytes(Page[..(Page.Length - 150)]));
        var deep = new StringBuilder("<html><body>");
        for (var i = 0; i < 10_000; i++) deep.Append("<div>");
        deep.Append("<p>The deep page still says the harbour reopened on Monday, the port authority said.</p>");
        for (var i = 0; i < 10_000; i++) deep.Append("</div>");
        temp.Write("in/deep.html", Encoding.UTF8.GetBytes(deep.Append("</body></html>").ToString()));
        using (var huge = File.Create(temp.File("in/huge.html"))) huge.SetLength(100L * 1024 * 1024);
        temp.Write("in/fake.html.gz", Encoding.UTF8.GetBytes(Page));
        temp.Write("in/binary.html", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D]);
        var second = Page.Replace("Ferry service resumes", "Harbour walls hold", StringComparison.Ordinal).Replace("ferry service", "harbour", StringComparison.Ordinal);
        temp.Write("in/archive.warc", [
            // Not the bytes of good.html: identical documents are merged.
            .. Unit.Ingest.ContainerReaderTests.Response("https://example.org/news/ferry", Page.Replace("Monday", "Tuesday", StringComparison.Ordinal)),
            .. "WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999999999\r\n\r\nbroken"u8,
            .. "\r\n\r\n"u8,
            .. Unit.Ingest.ContainerReaderTests.WarcRecord("response", "https://example.org/news/gzip-lie",
                [.. "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n\r\n"u8, 0x00, 0x01, 0x02, 0x03, 0xFF, 0xFE, 0x00, 0x00],
                "application/http; msgtype=response"),
            .. Unit.Ingest.ContainerReaderTests.WarcRecord("response", "https://example.org/news/walls",
                [.. "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Encoding: gzip\r\n\r\n"u8, .. Gzip(Encoding.UTF8.GetBytes(second))],
                "application/http; msgtype=response"),
        ]);

        var exit = Triangulate.Cli.TriangulateCli.Run(["analyze", input, "--out", temp.File("out"), "--db", temp.File("t.db"), "--quiet"]);

        Assert.Equal(1, exit);
        var dossier = JsonNode.Parse(File.ReadAllText(temp.File("out/dossier.json")))!.AsObject();
        var problems = dossier["problems"]!.AsArray().Select(p => ((string)p!["source"]!, (string)p["error"]!)).ToList();
        Assert.Contains(problems, p => p.Item1.EndsWith("huge.html", StringComparison.Ordinal) && p.Item2.Contains("too large", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Item1.EndsWith("fake.html.gz", StringComparison.Ordinal) && p.Item2.StartsWith("not gzip", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Item1.EndsWith("binary.html", StringComparison.Ordinal) && p.Item2.Contains("binary", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Item1.EndsWith("archive.warc", StringComparison.Ordinal) && p.Item2.StartsWith("record 2", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Item1.EndsWith("archive.warc", StringComparison.Ordinal)
            && p.Item2.StartsWith("record 3 (https://example.org/news/gzip-lie): ", StringComparison.Ordinal) && p.Item2.Contains("not gzip", StringComparison.Ordinal));
        var sources = dossier["documents"]!.AsArray().Select(d => (string)d!["source"]!).ToList();
        foreach (var good in new[] { "good.html", "truncated.html", "deep.html" })
            Assert.Contains(sources, s => s.EndsWith(good, StringComparison.Ordinal));
        Assert.Contains("https://example.org/news/ferry", sources);
        Assert.Contains("https://example.org/news/walls", sources);
        Assert.Equal(5, sources.Count);
        Assert.All(problems, p => Assert.DoesNotContain('\n', p.Item2));
        // Memory stays bounded for the 100 MB page and an over-cap record: HtmlDocumentReaderTests and ContainerReaderTests measure it.
    }

    [Fact]
    public void A_folder_of_every_input_form_and_odd_encodings_is_analysed_with_one_problem_per_bad_file()
    {
        using var temp = new TempFolder();
        string Story(string place) => Page.Replace("Ferry service resumes", $"Ferry service resumes at {place}", StringComparison.Ordinal)
            .Replace("two islands", $"{place} and the mainland", StringComparison.Ordinal);
        temp.Write("in/a.html", Encoding.UTF8.GetBytes(Story("Arnhold")));
        temp.Write("in/b.html.gz", Gzip(Encoding.UTF8.GetBytes(Story("Berwick"))));
        temp.Write("in/c.txt", File.ReadAllBytes(Directory.GetFiles(TestPaths.KurskExample)[0]));
        temp.Write("in/d.jsonl", Encoding.UTF8.GetBytes($"{{\"url\":\"https://example.org/d\",\"html\":{System.Text.Json.JsonSerializer.Serialize(Story("Dunmore"))}}}\n"));
        temp.Write("in/e.jsonl.gz", Gzip(Encoding.UTF8.GetBytes($"{{\"url\":\"https://example.org/e\",\"text\":\"The ferry to Elgin resumed on Monday, the operator said.\"}}\n")));
        temp.Write("in/f.warc.gz", Gzip(Unit.Ingest.ContainerReaderTests.Response("https://example.org/f", Story("Fenwick"))));
        temp.Write("in/g-utf16.html", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Story("Glenholm"))]);
        var russian = "<html><head><title>Паром</title></head><body><article><h1>Паром снова ходит</h1><p>Паромное сообщение между островами возобновилось в понедельник, сообщил «Оператор».</p></article></body></html>";
        temp.Write("in/h-1251-declared.html", Encoding.GetEncoding(1251).GetBytes(russian.Replace("<head>", "<head><meta charset=\"windows-1251\">", StringComparison.Ordinal)));
        temp.Write("in/i-1251-undeclared.html", Encoding.GetEncoding(1251).GetBytes(russian.Replace("островами", "берегами", StringComparison.Ordinal)));
        temp.Write("in/j-empty.html", []);
        temp.Write("in/k-junk.html", [.. Enumerable.Range(0, 4096).Select(i => (byte)(i * 7919 % 256))]);
        File.CreateSymbolicLink(temp.File("in/loop"), temp.File("in"));

        var exit = Triangulate.Cli.TriangulateCli.Run(["analyze", temp.File("in"), "--out", temp.File("out"), "--db", temp.File("t.db"), "--quiet", "--format", "json"]);

        Assert.Equal(1, exit);
        var problems = Problems(temp.File("out/dossier.json"));
        Assert.Equal(["j-empty.html", "k-junk.html", "loop"], problems.Select(p => Path.GetFileName(p.Source)).Order(StringComparer.Ordinal));
        var documents = JsonNode.Parse(File.ReadAllText(temp.File("out/dossier.json")))!["documents"]!.AsArray();
        Assert.Equal(9, documents.Count);
        var texts = documents.Select(d => (string)d!["text"]!).ToList();
        Assert.Equal(2, texts.Count(t => t.Contains("Паромное сообщение", StringComparison.Ordinal) || t.Contains("Паром снова ходит", StringComparison.Ordinal)));
        Assert.Contains(texts, t => t.Contains("Glenholm and the mainland", StringComparison.Ordinal));
        Assert.All(texts, t => Assert.DoesNotContain('\uFFFD', t));
    }

    [Fact]
    public void A_control_character_in_text_is_made_a_space_and_said_in_every_input_form()
    {
        using var temp = new TempFolder();
        // The same kind of slip in each form: a JSON "\u0000" escape, and a raw NUL byte in a text capture, a page and a
        // WARC response. Each is text with one bad character, not binary: analysed, with a problem line naming it.
        string Story(string place) => Page.Replace("Ferry service resumes", $"Ferry service resumes at {place}", StringComparison.Ordinal)
            .Replace("two islands", $"{place} and\0 the mainland", StringComparison.Ordinal);
        temp.Write("in/a.jsonl", Encoding.UTF8.GetBytes("{\"url\":\"https://example.org/a\",\"title\":\"Ferry\\u0007 back\",\"text\":\"The ferry to Arnhold\\u0000 resumed on Monday, the operator said.\"}\n"));
        temp.Write("in/b.txt", Encoding.UTF8.GetBytes("Ferry service resumes at Berwick\n\nThe ferry to Berwick\0 resumed on Monday after the storm, the operator said in a statement on its website.\n"));
        temp.Write("in/c.html", Encoding.UTF8.GetBytes(Story("Corran")));
        temp.Write("in/d.warc", Unit.Ingest.ContainerReaderTests.Response("https://example.org/d", Story("Dunmore")));

        Triangulate.Cli.TriangulateCli.Run(["analyze", temp.File("in"), "--out", temp.File("out"), "--db", temp.File("t.db"), "--quiet", "--format", "json"]);

        var dossier = JsonNode.Parse(File.ReadAllText(temp.File("out/dossier.json")))!;
        var documents = dossier["documents"]!.AsArray();
        Assert.Equal(4, documents.Count);
        Assert.All(documents, d => Assert.DoesNotContain((string)d!["text"]!, c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')));
        Assert.Contains(documents, d => (string?)d!["title"] == "Ferry  back");
        var problems = Problems(temp.File("out/dossier.json"));
        Assert.Equal(4, problems.Count);
        // The record's title and text held one each; the files one each.
        Assert.Contains(problems, p => p.Source == "https://example.org/a" && p.Error.StartsWith("2 control characters replaced by spaces", StringComparison.Ordinal));
        Assert.Equal(3, problems.Count(p => p.Error.StartsWith("1 control character replaced by a space; the rest was analysed", StringComparison.Ordinal)));
        Assert.DoesNotContain(problems, p => p.Error.Contains("binary", StringComparison.Ordinal));
    }

    [Fact]
    public void A_giant_title_byline_or_outlet_is_cut_in_the_store_and_every_report()
    {
        using var temp = new TempFolder();
        var title = string.Join(' ', Enumerable.Repeat("Headline", 25_000));
        temp.Write("in/a.jsonl", Encoding.UTF8.GetBytes(System.Text.Json.JsonSerializer.Serialize(new
        {
            url = "https://example.org/a",
            title,
            outlet = new string('O', 50_000),
            text = "The ferry to Arnhold resumed on Monday after the storm, the operator said in a statement.",
        }) + "\n"));
        var byline = string.Join(", ", Enumerable.Range(0, 20_000).Select(i => $"Author{i}"));
        temp.Write("in/b.html", Encoding.UTF8.GetBytes(Page.Replace("<title>", $"<meta name=\"author\" content=\"{byline}\"><meta property=\"og:site_name\" content=\"{new string('S', 100_000)}\"><title>{title} ", StringComparison.Ordinal)));

        Triangulate.Cli.TriangulateCli.Run(["analyze", temp.File("in"), "--out", temp.File("out"), "--db", temp.File("t.db"), "--quiet", "--format", "json,md,html"]);

        var documents = JsonNode.Parse(File.ReadAllText(temp.File("out/dossier.json")))!["documents"]!.AsArray();
        Assert.Equal(2, documents.Count);
        foreach (var document in documents)
        {
            var kept = (string)document!["title"]!;
            Assert.InRange(kept.Length, 250, MetadataLengths.Title);
            Assert.EndsWith("Headline…", kept, StringComparison.Ordinal);
            Assert.InRange(((string)document["outlet"]!).Length, 1, MetadataLengths.Name);
        }
        // Nothing of the giant fields is written whole: the brief's and the page's longest line stay short.
        Assert.InRange(File.ReadAllLines(temp.File("out/dossier.md")).Max(line => line.Length), 1, 5_000);
        Assert.True(new FileInfo(temp.File("out/dossier.html")).Length < 200_000);
    }

    private static List<(string Source, string Error)> Problems(string dossierPath) =>
        [.. JsonNode.Parse(File.ReadAllText(dossierPath))!["problems"]!.AsArray().Select(p => ((string)p!["source"]!, (string)p["error"]!))];

    [Fact]
    public void A_gzipped_jsonl_of_empty_records_makes_a_bounded_number_of_problems()
    {
        using var temp = new TempFolder();
        var lines = new StringBuilder();
        for (var i = 0; i < 200_000; i++) lines.Append("{}\n");
        temp.Write("in/empty.jsonl.gz", Gzip(Encoding.UTF8.GetBytes(lines.ToString())));
        temp.Write("in/good.txt", File.ReadAllBytes(Directory.GetFiles(TestPaths.KurskExample)[0]));

        var exit = Triangulate.Cli.TriangulateCli.Run(["analyze", temp.File("in"), "--out", temp.File("out"), "--db", temp.File("t.db"), "--quiet", "--format", "json"]);

        Assert.Equal(1, exit);
        var problems = Problems(temp.File("out/dossier.json"));
        Assert.Equal(IngestLimits.Default.MaxProblemsPerInput + 1, problems.Count);
        Assert.All(problems, p => Assert.EndsWith("empty.jsonl.gz", p.Source, StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Error.Contains($"and {200_000 - IngestLimits.Default.MaxProblemsPerInput} more", StringComparison.Ordinal));
    }

    [Fact]
    public void An_inputs_problems_are_forgotten_when_it_is_read_again_without_them()
    {
        using var temp = new TempFolder();
        var path = temp.Write("in/story.txt", []);
        string[] args = ["analyze", temp.File("in"), "--out", temp.File("out"), "--db", temp.File("t.db"), "--quiet", "--format", "json"];
        Assert.Equal(1, Triangulate.Cli.TriangulateCli.Run(args));
        Assert.Contains(Problems(temp.File("out/dossier.json")), p => p.Source.EndsWith("story.txt", StringComparison.Ordinal));

        File.WriteAllBytes(path, File.ReadAllBytes(Directory.GetFiles(TestPaths.KurskExample)[0]));

        Triangulate.Cli.TriangulateCli.Run(args);
        Assert.DoesNotContain(Problems(temp.File("out/dossier.json")), p => p.Source.EndsWith("story.txt", StringComparison.Ordinal));
    }

    [Fact]
    public void A_record_that_gives_no_document_is_a_problem_of_its_file_and_is_forgotten_when_the_file_is_read_again_without_it()
    {
        using var temp = new TempFolder();
        const string Good = "{\"url\":\"https://example.org/good\",\"text\":\"The ferry to Elgin resumed on Monday, the operator said.\"}\n";
        var feed = temp.Write("in/feed.jsonl", Good + "{\"url\":\"https://example.org/blank\",\"text\":\"  \\n  \"}\n");
        var empty = Encoding.UTF8.GetBytes("<html><body></body></html>");
        var archive = temp.Write("in/archive.warc", Unit.Ingest.ContainerReaderTests.WarcRecord("response", "https://example.org/empty",
            [.. "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"u8, .. empty], "application/http; msgtype=response"));
        string[] args = ["analyze", temp.File("in"), "--out", temp.File("out"), "--db", temp.File("t.db"), "--quiet", "--format", "json"];

        Assert.Equal(1, Triangulate.Cli.TriangulateCli.Run(args));
        var problems = Problems(temp.File("out/dossier.json"));
        Assert.Contains(problems, p => p.Source.EndsWith("feed.jsonl", StringComparison.Ordinal) && p.Error.StartsWith("line 2 (https://example.org/blank): ", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Source.EndsWith("archive.warc", StringComparison.Ordinal) && p.Error.StartsWith("record 1 (https://example.org/empty): ", StringComparison.Ordinal));

        // The user mends both records; the problems go with them.
        File.WriteAllText(feed, Good + "{\"url\":\"https://example.org/blank\",\"text\":\"The ferry to Berwick resumed on Tuesday, the operator said.\"}\n");
        File.WriteAllBytes(archive, Unit.Ingest.ContainerReaderTests.Response("https://example.org/empty", Page));
        Assert.Equal(0, Triangulate.Cli.TriangulateCli.Run(args));
        Assert.Empty(Problems(temp.File("out/dossier.json")));
    }

    [Fact]
    public void The_caps_a_stored_document_hit_stay_problems_when_its_input_is_read_again()
    {
        using var temp = new TempFolder();
        temp.Write("in/story.txt", File.ReadAllBytes(Directory.GetFiles(TestPaths.KurskExample)[0]));
        temp.Write("in/feed.jsonl", $"{{\"text\":{System.Text.Json.JsonSerializer.Serialize(File.ReadAllText(Directory.GetFiles(TestPaths.KurskExample)[1]))}}}\n");
        var builder = Some.PipelineBuilder();
        builder.Limits = new IngestLimits { MaxItemsPerKind = 2 };
        var pipeline = builder.Build();
        using var store = Triangulate.Store.SqliteStore.Open(temp.File("t.db"));

        pipeline.Analyze([temp.File("in")], store);
        var first = store.ReadProblems();
        Assert.Contains(first, p => p.Source.EndsWith("story.txt", StringComparison.Ordinal) && p.Error.Contains("2-item limit", StringComparison.Ordinal));
        Assert.Contains(first, p => p.Source.EndsWith("feed.jsonl#1", StringComparison.Ordinal) && p.Error.Contains("2-item limit", StringComparison.Ordinal));

        // Both documents are already stored: they are not analysed again, and what their analysis hit still holds.
        var again = pipeline.Analyze([temp.File("in")], store);
        Assert.Equal(2, again.DocumentsKnown);
        Assert.Equal(first, store.ReadProblems());
    }

    [Fact]
    public void A_one_line_text_without_punctuation_is_analysed_up_to_its_limits_and_the_limits_are_problems()
    {
        using var temp = new TempFolder();
        // Real words with the sentence punctuation taken off: one "sentence" of 400,000 characters.
        var words = File.ReadAllText(Directory.GetFiles(TestPaths.KurskExample)[0])
            .Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Trim('.', '!', '?', '…')).Where(w => w.Length > 0).ToArray();
        var line = new StringBuilder();
        var random = new Random(12);
        while (line.Length < 400_000) line.Append(words[random.Next(words.Length)]).Append(' ');
        temp.Write("in/oneline.txt", line.ToString());
        var limits = new IngestLimits { MaxTokensPerDocument = 20_000, MaxItemsPerKind = 50 };
        var builder = Some.PipelineBuilder();
        builder.Limits = limits;
        var pipeline = builder.Build();
        using var store = Triangulate.Store.SqliteStore.Open(temp.File("t.db"));

        var summary = pipeline.Analyze([temp.File("in")], store);

        Assert.Equal(1, summary.DocumentsStored);
        var errors = summary.Problems.Where(p => p.Source.EndsWith("oneline.txt", StringComparison.Ordinal)).Select(p => p.Error).ToList();
        Assert.Contains(errors, e => e.Contains("cut into pieces of at most", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("20000-word limit", StringComparison.Ordinal));
        var analysis = store.ReadAnalyses().Single().Analysis;
        Assert.InRange(analysis.Entities.Count, 0, 50);
        Assert.InRange(analysis.Claims.Count, 0, 50);
        Assert.InRange(analysis.Times.Count, 0, 50);
    }

    [Fact]
    public void Two_runs_writing_one_report_folder_at_once_both_finish()
    {
        using var temp = new TempFolder();
        var pipeline = Some.PipelineBuilder().Build();
        using var store = Triangulate.Store.SqliteStore.Open(temp.File("t.db"));
        pipeline.Analyze([Directory.GetFiles(TestPaths.KurskExample)[0]], store);

        Parallel.For(0, 4, _ => pipeline.WriteReports(store, temp.File("out"), ["json", "md"], DateTimeOffset.UnixEpoch));

        Assert.True(JsonNode.Parse(File.ReadAllText(temp.File("out/dossier.json"))) is not null);
        Assert.Equal(["dossier.json", "dossier.md"], Directory.GetFiles(temp.File("out")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }
}
