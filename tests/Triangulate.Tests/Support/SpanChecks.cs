using System.Text.Json.Nodes;

namespace Triangulate.Tests.Support;

/// <summary>Walks a dossier and finds every span (an object with document, start and end) that is out of its document or does not match its excerpt.</summary>
public static class SpanChecks
{
    /// <summary>One line per broken span: its JSON path and why.</summary>
    public static IEnumerable<string> Broken(JsonNode dossier, IReadOnlyDictionary<string, string> texts)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        ArgumentNullException.ThrowIfNull(texts);
        var pending = new Stack<JsonNode>();
        pending.Push(dossier);
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            if (node is JsonArray array)
            {
                foreach (var item in array) if (item is not null) pending.Push(item);
                continue;
            }
            if (node is not JsonObject obj) continue;
            if (obj["document"] is JsonValue doc && obj["start"] is JsonValue start && obj["end"] is JsonValue end
                && doc.TryGetValue<string>(out var id) && start.TryGetValue<int>(out var s) && end.TryGetValue<int>(out var e))
            {
                if (!texts.TryGetValue(id, out var text)) yield return $"{obj.GetPath()}: no document {id}";
                else if (s < 0 || e < s || e > text.Length) yield return $"{obj.GetPath()}: [{s}, {e}) outside {id} of {text.Length} chars";
                else if (obj["excerpt"] is JsonValue excerpt && excerpt.TryGetValue<string>(out var x) && x != text[s..e])
                    yield return $"{obj.GetPath()}: excerpt \"{x}\" but the text says \"{text[s..e]}\"";
            }
            foreach (var (key, value) in obj)
                if (key != "text" && value is not null) pending.Push(value);
        }
    }
}
