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

    /// <summary>The quotes grouped by speaker: one group per resolved entity (else per name), ordered by name, unknown speakers last.</summary>
    public IReadOnlyList<SpeakerQuotes> BySpeaker(IEnumerable<Quote> quotes)
    {
        ArgumentNullException.ThrowIfNull(quotes);
        var groups = new Dictionary<string, (string Name, Entity? Entity, SpeakerKind? Kind, List<Quote> Quotes)>(StringComparer.Ordinal);
        foreach (var quote in quotes)
        {
            var document = quote.Variants.Count > 0 ? quote.Variants[0].Span.Document : null;
            var entity = Find(quote.Speaker, document);
            var name = entity?.Name ?? (string.IsNullOrWhiteSpace(quote.Speaker) ? "" : Name(quote.Speaker, document));
            var key = entity is not null ? "e|" + entity.Id : "n|" + name.ToLowerInvariant();
            if (!groups.TryGetValue(key, out var group)) groups[key] = group = (name, entity, quote.SpeakerKind, []);
            group.Quotes.Add(quote);
        }
        return [.. groups.Values
            .OrderBy(g => g.Name.Length == 0)
            .ThenBy(g => g.Name, StringComparer.OrdinalIgnoreCase)
            .Select(g => new SpeakerQuotes(g.Name.Length == 0 ? "unknown speaker" : g.Name, g.Entity, g.Entity is null ? g.Kind : SpeakerKind.Named, g.Quotes))];
    }
}
