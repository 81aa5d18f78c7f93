using Triangulate.Extract.Entities;
using Triangulate.Model;

namespace Triangulate.Report;

/// <summary>
/// Turns the entity references judgments carry (a corpus entity id, a document-local id like "person:jane-doe", or a
/// plain description) into the corpus entity and a name a reader can use. A local id is matched by the same slug the
/// extractor made it from, over every name and alias of the corpus entities, preferring one mentioned in the document
/// the reference came from; so "person:doe" and "person:jane-doe" land on one entity when it knows both spellings.
/// </summary>
public sealed class EntityNames
{
    private readonly Dictionary<string, Entity> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Entity>> _byLocalId = new(StringComparer.Ordinal);

    /// <summary>An index over <paramref name="entities"/>.</summary>
    public EntityNames(IEnumerable<Entity> entities)
    {
        ArgumentNullException.ThrowIfNull(entities);
        foreach (var entity in entities)
        {
            _byId[entity.Id] = entity;
            foreach (var name in entity.Aliases.Prepend(entity.Name))
            {
                var key = EntityExtractor.Key(name);
                if (key.Length == 0) continue;
                // Types are compared loosely (a short form may have been typed "other"), so every type's slug is indexed.
                foreach (var type in Enum.GetValues<EntityType>())
                {
                    var local = EntityExtractor.LocalId(type, key);
                    if (!_byLocalId.TryGetValue(local, out var list)) _byLocalId[local] = list = [];
                    if (!list.Contains(entity)) list.Add(entity);
                }
            }
        }
    }

    /// <summary>The corpus entity <paramref name="reference"/> names, or null; <paramref name="document"/> breaks ties.</summary>
    public Entity? Find(string? reference, string? document = null)
    {
        if (string.IsNullOrEmpty(reference)) return null;
        if (_byId.TryGetValue(reference, out var entity)) return entity;
        if (!_byLocalId.TryGetValue(reference, out var candidates)) return null;
        if (candidates.Count == 1) return candidates[0];
        var typed = candidates.Where(e => reference.StartsWith(e.Type.ToString().ToLowerInvariant() + ":", StringComparison.Ordinal)).ToList();
        if (typed.Count > 0) candidates = typed;
        return candidates
            .OrderByDescending(e => document is not null && e.Mentions.Any(m => m.Document == document))
            .ThenByDescending(e => e.Mentions.Count)
            .ThenBy(e => e.Id, StringComparer.Ordinal)
            .First();
    }

    /// <summary>A name for <paramref name="reference"/>: the entity's, else a local id's slug in words, else the text itself.</summary>
    public string Name(string? reference, string? document = null)
    {
        if (Find(reference, document) is { } entity) return entity.Name;
        if (string.IsNullOrWhiteSpace(reference)) return "";
        var colon = reference.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0 && reference.IndexOf(' ', StringComparison.Ordinal) < 0)
        {
            var words = reference[(colon + 1)..].Split('-', StringSplitOptions.RemoveEmptyEntries);
            return string.Join(' ', words.Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
        }
        return reference;
    }

    /// <summary>
    /// The quotes grouped by speaker: one group per resolved entity (else per name), ordered by name, unknown speakers
    /// last. Names of one person written fuller or shorter in the story's documents are one group: a name whose words
    /// stand in that order in a longer name with the same last word ("Heller", "Mark Heller" in "Mark Jay Heller"; "Ann
    /// Vole" in "Harbour Master Ann Vole"), when every longer name holding it is one chain (a surname shared by "Rosa
    /// Ortiz" and "Jerry Ortiz" stays apart). The group is headed by the shortest name of two words or more that ends
    /// its longest name (the title left off), else by the name with the most quotes (the longest of those).
    /// </summary>
    public IReadOnlyList<SpeakerQuotes> BySpeaker(IEnumerable<Quote> quotes)
    {
        ArgumentNullException.ThrowIfNull(quotes);
        var all = quotes as IReadOnlyList<Quote> ?? [.. quotes];
        var groups = new Dictionary<string, (string Name, Entity? Entity, SpeakerKind? Kind, List<Quote> Quotes)>(StringComparer.Ordinal);
        var keys = new List<string>();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var quote in all)
        {
            var document = quote.Variants.Count > 0 ? quote.Variants[0].Span.Document : null;
            var entity = Find(quote.Speaker, document);
            var name = entity?.Name ?? (string.IsNullOrWhiteSpace(quote.Speaker) ? "" : Name(quote.Speaker, document));
            var key = entity is not null ? "e|" + entity.Id : "n|" + name.ToLowerInvariant();
            if (!groups.TryGetValue(key, out var group)) groups[key] = group = (name, entity, quote.SpeakerKind, []);
            keys.Add(key);
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }
        var heads = SameSpeakers(groups.ToDictionary(g => g.Key, g => (g.Value.Name, Named: g.Value.Entity is not null || g.Value.Kind == SpeakerKind.Named,
            Quotes: counts[g.Key]), StringComparer.Ordinal));
        var index = 0;
        foreach (var quote in all) groups[heads[keys[index++]]].Quotes.Add(quote);
        return [.. groups.Values
            .Where(g => g.Quotes.Count > 0)
            .OrderBy(g => g.Name.Length == 0)
            .ThenBy(g => g.Name, StringComparer.OrdinalIgnoreCase)
            .Select(g => new SpeakerQuotes(g.Name.Length == 0 ? "unknown speaker" : g.Name, g.Entity, g.Entity is null ? g.Kind : SpeakerKind.Named, g.Quotes))];
    }

    /// <summary>For each group key, the key of the group its quotes go to (itself when its name stands alone).</summary>
    private static Dictionary<string, string> SameSpeakers(Dictionary<string, (string Name, bool Named, int Quotes)> groups)
    {
        var heads = groups.Keys.ToDictionary(k => k, k => k, StringComparer.Ordinal);
        var words = groups.Where(g => g.Value.Named && IsProperName(g.Value.Name))
            .ToDictionary(g => g.Key, g => NameWords(g.Value.Name), StringComparer.Ordinal);
        // Only names ending on one word can hold each other (Holds): compared within those, not all with all.
        var byLast = words.ToLookup(w => w.Value[^1], StringComparer.OrdinalIgnoreCase);
        var members = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (key, name) in words)
        {
            var longer = byLast[name[^1]].Where(o => o.Key != key && o.Value.Length >= name.Length && Holds(o.Value, name)
                && (o.Value.Length > name.Length || groups[o.Key].Name.Length > groups[key].Name.Length)).Select(o => o.Key).ToList();
            if (longer.Count == 0) continue;
            var longest = longer.MaxBy(k => (words[k].Length, groups[k].Name.Length))!;
            if (!longer.All(k => k == longest || Holds(words[longest], words[k]))) continue;
            heads[key] = longest;
            if (!members.TryGetValue(longest, out var list)) members[longest] = list = [longest];
            list.Add(key);
        }
        foreach (var (longest, list) in members)
        {
            // "Ann Vole" heads "Harbour Master Ann Vole": the name without the title before it. Else the name the story
            // uses most, the longest of those: a word glued on at a sentence's start ("Once Vole said") heads nothing.
            var full = words[longest];
            var head = list.Where(k => k != longest && words[k].Length >= 2 && full.AsSpan(full.Length - words[k].Length).SequenceEqual(words[k], StringComparer.OrdinalIgnoreCase))
                .OrderBy(k => groups[k].Name.Length).ThenBy(k => k, StringComparer.Ordinal).FirstOrDefault()
                ?? list.OrderByDescending(k => groups[k].Quotes).ThenByDescending(k => groups[k].Name.Length).ThenBy(k => k, StringComparer.Ordinal).First();
            foreach (var k in list) heads[k] = head;
        }
        return heads;
    }

    // A name of capitalised words ("Mark Heller", "Chief Craft"), not a description ("the team", "sources").
    private static bool IsProperName(string name) =>
        name.Length > 0 && name.Split(' ', StringSplitOptions.RemoveEmptyEntries) is { Length: > 0 } w && char.IsUpper(w[0][0]) && char.IsUpper(w[^1][0]);

    // A name's words before an " of " that follows two words or more ("Ann Vole of the Harbour Board" → Ann Vole).
    private static string[] NameWords(string name)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var of = Array.IndexOf(words, "of");
        return of >= 2 ? words[..of] : words;
    }

    // Whether the words of <paramref name="shorter"/> stand in order in <paramref name="longer"/>, ending on its last word.
    private static bool Holds(string[] longer, string[] shorter)
    {
        if (!string.Equals(longer[^1], shorter[^1], StringComparison.OrdinalIgnoreCase)) return false;
        var at = 0;
        foreach (var word in longer)
            if (at < shorter.Length && string.Equals(word, shorter[at], StringComparison.OrdinalIgnoreCase)) at++;
        return at == shorter.Length;
    }
}
