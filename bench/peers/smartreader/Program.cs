using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json;

// Runs SmartReader over DIR/html/<id>.html.gz and writes {id: text} JSON to OUT; extraction seconds go to stderr.
if (args.Length != 2)
{
    Console.Error.WriteLine("usage: SmartReaderPeer DIR OUT");
    return 2;
}
var pages = new List<(string Id, string Html)>();
foreach (var file in Directory.GetFiles(Path.Combine(args[0], "html"), "*.html.gz").Order(StringComparer.Ordinal))
{
    using var gzip = new GZipStream(File.OpenRead(file), CompressionMode.Decompress);
    using var reader = new StreamReader(gzip);
    pages.Add((Path.GetFileName(file)[..^".html.gz".Length], reader.ReadToEnd()));
}
var result = new Dictionary<string, string>();
// CPU time, not wall time: fair on a shared machine.
var cpu = Process.GetCurrentProcess().TotalProcessorTime;
foreach (var (id, html) in pages)
{
    try
    {
        var article = new SmartReader.Reader("https://example.org/", html).GetArticle();
        result[id] = article.IsReadable ? article.TextContent ?? "" : "";
    }
    catch (Exception e) when (e is InvalidOperationException or ArgumentException or NullReferenceException or FormatException)
    {
        result[id] = "";
    }
}
var seconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
File.WriteAllText(args[1], JsonSerializer.Serialize(result));
Console.Error.WriteLine($"pages {pages.Count} seconds {seconds:F2}");
return 0;
