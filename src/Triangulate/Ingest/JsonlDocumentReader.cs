using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Triangulate.Model;

namespace Triangulate.Ingest;

/// <summary>
/// Reads JSON Lines exports (.jsonl, .ndjson, and their .gz): one article per line with <c>url</c>, <c>html</c> or
/// <c>text</c>, and optional <c>title</c>, <c>published</c>, <c>outlet</c>. Streams line by line under the record size
/// cap; a broken line is a problem ("line N: ...") and the rest is still read.
/// </summary>
public sealed class JsonlDocumentReader(IPayloadParser? html = null) : IDocumentReader
{
    private readonly IPayloadParser _html = html ?? new PlainTextPayloadParser();

    /// <inheritdoc />
    public bool CanRead(InputFile file, ReadOnlySpan<byte> head)
    {
        ArgumentNullException.ThrowIfNull(file);
        var name = file.FullPath;
        return name.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".jsonl.gz", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".ndjson.gz", StringComparison.OrdinalIgnoreCase);
    }

    /// <inheritdoc />
    public IEnumerable<ReadResult> Read(InputFile file, IngestLimits limits)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(limits);
        return GzipDocumentReader.OpenAndRead(file, stream => Read(stream, file.Source, limits));
    }

    /// <summary>Reads records from a stream (disposed at the end).</summary>
    internal IEnumerable<ReadResult> Read(Stream stream, string source, IngestLimits limits)
    {
        using var owned = stream;
        var lines = new ByteLineReader(stream);
        var number = 0;
        while (true)
        {
            byte[]? line;
            bool tooLong;
            string? failure = null;
            try
            {
                line = lines.ReadLine(limits.MaxRecordBytes, out tooLong);
            }
            catch (Exception e) when (e is IOException or InvalidDataException)
            {
                line = null;
                tooLong = false;
                failure = $"line {number + 1}: cannot read further: {e.Message}";
            }
            if (failure is not null)
            {
                yield return ReadResult.Failed(source, failure);
                yield break;
            }
            number++;
            if (tooLong)
            {
                yield return ReadResult.Failed(source, $"line {number}: over the {limits.MaxRecordBytes >> 20} MB record limit, skipped");
                continue;
            }
            if (line is null) yield break;
            if (line.AsSpan().Trim((byte)' ').IsEmpty) continue;
            yield return Guarded(line, source, number);
        }
    }

    /// <summary>One line's record; whatever goes wrong in it is a problem naming the line, and the lines after it are still read.</summary>
    private ReadResult Guarded(byte[] line, string file, int number)
    {
        try
        {
            return Parse(line, file, number);
        }
#pragma warning disable CA1031 // One bad record (invalid UTF-8 in a string throws InvalidOperationException) must not lose the rest of the file.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return ReadResult.Failed(file, $"line {number}: {(e is InvalidOperationException ? "invalid text in a string" : "cannot read the record")}: {FirstLine(e.Message)}");
        }
    }

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    private ReadResult Parse(byte[] line, string file, int number)
    {
        string? url = null, htmlText = null, text = null, title = null, published = null, outlet = null;
        try
        {
            // A UTF-8 byte order mark opens the exports of some Windows tools, and sits mid-file where files were joined.
            using var json = JsonDocument.Parse(line.AsMemory(line.AsSpan().StartsWith(Utf8Bom) ? Utf8Bom.Length : 0));
            if (json.RootElement.ValueKind != JsonValueKind.Object) return ReadResult.Failed(file, $"line {number}: not a JSON object");
            foreach (var property in json.RootElement.EnumerateObject())
            {
                if (property.Value.ValueKind != JsonValueKind.String) continue;
                var value = property.Value.GetString();
                switch (property.Name.ToLowerInvariant())
                {
                    case "url": url = value; break;
                    case "html": htmlText = value; break;
                    case "text" or "content" or "body": text ??= value; break;
                    case "title": title = value; break;
                    case "published" or "date" or "published_at": published = value; break;
                    case "outlet" or "site" or "source": outlet = value; break;
                }
            }
        }
        catch (JsonException e)
        {
            return ReadResult.Failed(file, $"line {number}: not valid JSON: {Reason(e)}");
        }
        // A JSON string may hold any control character as an escape ("\u0000"): it is text, made harmless here as the
        // decoder makes a file's (one for one, so spans hold), and the record is analysed with a problem line saying so.
        var controls = 0;
        string? Harmless(string? value)
        {
            if (value is null) return null;
            var clean = ControlCharacters.Replace(value, out var replaced);
            controls += replaced;
            return clean;
        }
        (url, htmlText, text, title, published, outlet) = (Harmless(url), Harmless(htmlText), Harmless(text), Harmless(title), Harmless(published), Harmless(outlet));
        var source = string.IsNullOrWhiteSpace(url) ? $"{file}#{number}" : url;
        var metadata = new SourceMetadata { Url = url, Title = title, Outlet = outlet, Published = Date(published) };
        ReadResult result;
        if (!string.IsNullOrEmpty(htmlText)) result = _html.Parse(source, Encoding.UTF8.GetBytes(htmlText), "text/html; charset=utf-8", metadata);
        else if (!string.IsNullOrEmpty(text)) result = new PlainTextPayloadParser().Parse(source, Encoding.UTF8.GetBytes(text), "text/plain; charset=utf-8", metadata);
        else return ReadResult.Failed(file, $"line {number}: no html or text field");
        result = result.InFile(file, ReadResult.Place($"line {number}", url));
        if (result.Document is null) return result;
        return result with { Document = result.Document with { Format = "jsonl" }, Problem = WithControls(result.Problem, result.Document.Source, controls) };
    }

    /// <summary>A read record's problem with the control characters made spaces in its fields added, as a file's decoder says it.</summary>
    private static Problem? WithControls(Problem? problem, string source, int controls)
    {
        if (controls == 0) return problem;
        var note = $"{ControlCharacters.Note(controls)} in the record's fields; the rest was analysed";
        return problem is null ? new Problem(source, note) : problem with { Error = $"{problem.Error}; {note}" };
    }

    /// <summary>An ISO date or date-time at the start of the field, as a date of metadata basis.</summary>
    private static DateEstimate? Date(string? value)
    {
        if (value is null || value.Length < 4) return null;
        var length = value.Length >= 10 ? 10 : value.Length >= 7 ? 7 : 4;
        return PartialDate.TryParse(value.AsSpan(0, length), out var date) ? DateEstimate.Exact(date, DateBasis.Metadata) : null;
    }

    /// <summary>
    /// The parser's reason with its own position ("LineNumber: 0 | BytePositionInLine: 48", counted within the one line
    /// it was given, so it contradicted the file's "line N") replaced by the byte offset within that line.
    /// </summary>
    private static string Reason(JsonException e)
    {
        var message = FirstLine(e.Message);
        var at = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (at >= 0) message = message[..at];
        return e.BytePositionInLine is { } position ? $"{message} (at byte {position} of the line)" : message;
    }

    private static string FirstLine(string message)
    {
        var newline = message.IndexOfAny(['\r', '\n']);
        return newline < 0 ? message : message[..newline];
    }
}
