using System.Text.Encodings.Web;
using System.Text.Json;

namespace Triangulate.CorpusGen;

/// <summary>
/// Streams <c>corpus.jsonl</c> and <c>gold.json</c>. The gold's story map is written as articles are; derivations and
/// events go to temporary JSON Lines files and are spliced in at the end, so nothing grows with the corpus in memory.
/// </summary>
internal sealed class GoldWriter : IDisposable
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly string _directory;
    private readonly FileStream _corpus;
    private readonly FileStream _gold;
    private readonly Utf8JsonWriter _goldJson;
    private readonly StreamWriter _derivations;
    private readonly StreamWriter _events;
    private readonly System.Buffers.ArrayBufferWriter<byte> _buffer = new(16384);
    private bool _finished;

    public GoldWriter(string directory)
    {
        _directory = directory;
        Directory.CreateDirectory(directory);
        _corpus = new FileStream(Path.Combine(directory, "corpus.jsonl"), FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        _gold = new FileStream(Path.Combine(directory, "gold.json"), FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        _goldJson = new Utf8JsonWriter(_gold, Options with { Indented = false });
        _goldJson.WriteStartObject();
        _goldJson.WriteStartObject("stories");
        _derivations = new StreamWriter(Path.Combine(directory, "gold.derivations.tmp"));
        _events = new StreamWriter(Path.Combine(directory, "gold.events.tmp"));
    }

    /// <summary>Writes one record: the page as <c>text</c>, or as <c>html</c> when <paramref name="asHtml"/>.</summary>
    public void Write(Article article, Page page, bool asHtml)
    {
        var published = article.Dated ? ArticleRenderer.Published(article.Outlet, article.Time) : null;
        _buffer.Clear();
        using (var json = new Utf8JsonWriter(_buffer, Options))
        {
            json.WriteStartObject();
            json.WriteString("url", article.Url);
            json.WriteString("title", article.Title);
            if (asHtml) json.WriteString("html", page.ToHtml(article, published));
            else json.WriteString("text", page.ToText());
            if (published is not null) json.WriteString("published", published);
            if (article.NamesOutlet) json.WriteString("outlet", article.Outlet.Name);
            json.WriteEndObject();
        }
        _corpus.Write(_buffer.WrittenSpan);
        _corpus.WriteByte((byte)'\n');

        _goldJson.WriteString(article.Url, article.Story.Id);
        FlushIfFull();
        if (article.Source is not null)
        {
            _derivations.WriteLine(JsonSerializer.Serialize(new Dictionary<string, string>
            {
                ["from"] = article.Source.Url,
                ["to"] = article.Url,
                ["kind"] = article.Derivation!,
            }, GoldJson.Options));
        }
        if (!article.Story.GoldWritten)
        {
            article.Story.GoldWritten = true;
            _events.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object> { [article.Story.Id] = article.Story.Event.Gold() }, GoldJson.Options));
        }
    }

    /// <summary>Closes the story map and splices in the derivations and events.</summary>
    public void Finish()
    {
        _goldJson.WriteEndObject();
        _derivations.Dispose();
        _events.Dispose();
        _goldJson.WriteStartArray("derivations");
        foreach (var line in File.ReadLines(Path.Combine(_directory, "gold.derivations.tmp")))
        {
            _goldJson.WriteRawValue(line, skipInputValidation: true);
            FlushIfFull();
        }
        _goldJson.WriteEndArray();
        _goldJson.WriteStartObject("events");
        foreach (var line in File.ReadLines(Path.Combine(_directory, "gold.events.tmp")))
        {
            // Each line is {"id": {...}}: copy its one property.
            using var doc = JsonDocument.Parse(line);
            foreach (var property in doc.RootElement.EnumerateObject()) property.WriteTo(_goldJson);
            FlushIfFull();
        }
        _goldJson.WriteEndObject();
        _goldJson.WriteEndObject();
        _goldJson.Flush();
        File.Delete(Path.Combine(_directory, "gold.derivations.tmp"));
        File.Delete(Path.Combine(_directory, "gold.events.tmp"));
        _finished = true;
    }

    /// <summary>Utf8JsonWriter over a stream keeps everything until flushed: flush in bounded chunks.</summary>
    private void FlushIfFull()
    {
        if (_goldJson.BytesPending > 1 << 16) _goldJson.Flush();
    }

    public void Dispose()
    {
        if (!_finished)
        {
            _derivations.Dispose();
            _events.Dispose();
        }
        _goldJson.Dispose();
        _gold.Dispose();
        _corpus.Dispose();
    }
}
