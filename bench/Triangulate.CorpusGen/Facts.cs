using System.Text;

namespace Triangulate.CorpusGen;

/// <summary>The facts of one event (or of one report of it: a follow-up carries updated figures), by slot name.</summary>
internal sealed class Facts
{
    private readonly Dictionary<string, Fact> _slots = new(StringComparer.Ordinal);

    public Fact this[string slot]
    {
        get => _slots.TryGetValue(slot, out var fact) ? fact : throw new KeyNotFoundException($"no fact '{slot}'");
        set => _slots[slot] = value;
    }

    public bool Has(string slot) => _slots.ContainsKey(slot);

    public Facts Copy()
    {
        var copy = new Facts();
        foreach (var (key, value) in _slots) copy._slots[key] = value;
        return copy;
    }

    public IEnumerable<KeyValuePair<string, Fact>> All => _slots;

    /// <summary>Fills the placeholders of a template: <c>{slot}</c>, <c>{slot:format}</c>, <c>{slot:cap}</c>.</summary>
    public string Fill(string template, Lang lang)
    {
        var text = new StringBuilder(template.Length + 64);
        var i = 0;
        while (i < template.Length)
        {
            var open = template.IndexOf('{', i);
            if (open < 0)
            {
                text.Append(template, i, template.Length - i);
                break;
            }
            var close = template.IndexOf('}', open);
            text.Append(template, i, open - i);
            var inner = template.AsSpan(open + 1, close - open - 1);
            var colon = inner.IndexOf(':');
            var slot = colon < 0 ? inner.ToString() : inner[..colon].ToString();
            var format = colon < 0 ? null : inner[(colon + 1)..].ToString();
            // "cap" alone or as a suffix ("weekday.cap") capitalises the first letter at a sentence start.
            var capitalise = format is not null && (format == "cap" || format.EndsWith(".cap", StringComparison.Ordinal));
            if (capitalise) format = format == "cap" ? null : format![..^4];
            var value = this[slot].Render(lang, format);
            if (capitalise && value.Length > 0) value = char.ToUpperInvariant(value[0]) + value[1..];
            text.Append(value);
            i = close + 1;
        }
        return text.ToString();
    }
}
