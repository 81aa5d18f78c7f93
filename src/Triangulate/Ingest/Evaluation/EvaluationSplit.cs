namespace Triangulate.Ingest.Evaluation;

/// <summary>
/// Splits a tuning set into a part one looks at while studying errors and a part one only scores, by a stable hash of
/// each item's id (FNV-1a over its UTF-16 code units: even = look, odd = held back). The split does not depend on the
/// process, the runtime's string hashing or the order of the items, so every run scores the same two parts; a change
/// that lifts only the looked-at part is fitted to those pages.
/// </summary>
public static class EvaluationSplit
{
    /// <summary>The part an item falls in.</summary>
    public static EvaluationPart PartOf(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var hash = 2166136261u;
        foreach (var c in id)
        {
            hash ^= c;
            hash *= 16777619u;
        }
        return (hash & 1) == 0 ? EvaluationPart.Look : EvaluationPart.HeldBack;
    }
}
