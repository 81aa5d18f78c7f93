namespace Triangulate.Link.Evaluation;

/// <summary>
/// B-cubed scoring (Bagga and Baldwin 1998) of a clustering against the truth: for each item, the share of its
/// predicted cluster that truly belongs with it (precision) and the share of its true cluster that was put with it
/// (recall), averaged over items. Unlike pairwise scores it does not let one giant cluster dominate; it is the usual
/// score for story clustering and cross-document coreference.
/// </summary>
public static class BCubed
{
    /// <summary>Scores items given as (true cluster, predicted cluster) labels; an item the system left unclustered should get a label of its own.</summary>
    public static ClusterScore Score<TTruth, TPredicted>(IReadOnlyCollection<(TTruth Truth, TPredicted Predicted)> items)
        where TTruth : notnull
        where TPredicted : notnull
    {
        ArgumentNullException.ThrowIfNull(items);
        if (items.Count == 0) return new ClusterScore(0, 0, 0);
        var both = new Dictionary<(TTruth, TPredicted), int>();
        var predictedSize = new Dictionary<TPredicted, int>();
        var truthSize = new Dictionary<TTruth, int>();
        foreach (var (truth, predicted) in items)
        {
            both[(truth, predicted)] = both.GetValueOrDefault((truth, predicted)) + 1;
            predictedSize[predicted] = predictedSize.GetValueOrDefault(predicted) + 1;
            truthSize[truth] = truthSize.GetValueOrDefault(truth) + 1;
        }
        // Every item of a (truth, predicted) cell scores the same, so summing per cell is exact and linear.
        double precision = 0, recall = 0;
        foreach (var ((truth, predicted), count) in both)
        {
            precision += count * (count / (double)predictedSize[predicted]);
            recall += count * (count / (double)truthSize[truth]);
        }
        return new ClusterScore(precision / items.Count, recall / items.Count, items.Count);
    }
}
