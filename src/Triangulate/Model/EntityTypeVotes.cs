namespace Triangulate.Model;

/// <summary>
/// Mention-weighted votes over <see cref="EntityType"/>, sized from the enum itself so that adding a type can never
/// index past the end of a hand-sized array (a product name once failed the whole entities stage that way).
/// </summary>
public sealed class EntityTypeVotes
{
    /// <summary>How many entity types there are.</summary>
    public static readonly int Count = Enum.GetValues<EntityType>().Length;

    private readonly int[] _votes = new int[Count];

    /// <summary>Adds <paramref name="weight"/> votes for <paramref name="type"/>.</summary>
    public void Add(EntityType type, int weight) => _votes[(int)type] += weight;

    /// <summary>
    /// The type with the most votes other than Other; <see cref="EntityType.Other"/> when none has any. Across documents
    /// Other is the fallback, not a competitor: one document that could not type a name must not outvote the others.
    /// </summary>
    public EntityType Winner() => Best(_votes, otherCompetes: false);

    /// <summary>
    /// The type with the highest score in <paramref name="scores"/> (indexed by type; ties go to the earlier type);
    /// Other when none scores. With <paramref name="otherCompetes"/> false, Other's own score is ignored.
    /// </summary>
    public static EntityType Best(ReadOnlySpan<int> scores, bool otherCompetes)
    {
        var best = EntityType.Other;
        var bestScore = 0;
        for (var t = 0; t < scores.Length; t++)
        {
            if (scores[t] <= bestScore || (!otherCompetes && (EntityType)t == EntityType.Other)) continue;
            bestScore = scores[t];
            best = (EntityType)t;
        }
        return best;
    }
}
