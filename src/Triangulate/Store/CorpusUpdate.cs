using Triangulate.Link;
using Triangulate.Model;

namespace Triangulate.Store;

/// <summary>
/// What one relink changes in the store, saved in one transaction: the stories made or remade with the relations and
/// independence groups of their documents, the stories no longer made, the findings of the stories analysed again,
/// what the linking stages now remember, and which documents they have seen. A story not named here keeps its rows.
/// </summary>
public sealed record CorpusUpdate
{
    /// <summary>
    /// Replace rather than update: every story, relation, document link and the link state not in this update is
    /// dropped (a run from scratch); the stories listed keep their stored findings unless <see cref="Findings"/> has them.
    /// </summary>
    public bool Rebuild { get; init; }

    /// <summary>Stories made or remade, in order: each one's documents get its id and their relations and groups from here.</summary>
    public IReadOnlyList<Story> Stories { get; init; } = [];

    /// <summary>The relations from the documents of <see cref="Stories"/> (theirs replace what was stored).</summary>
    public IReadOnlyList<Relation> Relations { get; init; } = [];

    /// <summary>The independence group of each document of <see cref="Stories"/>.</summary>
    public IReadOnlyDictionary<string, string> IndependenceGroups { get; init; } = new Dictionary<string, string>();

    /// <summary>Stories made before and no longer made, removed with their findings.</summary>
    public IReadOnlyList<string> RemovedStories { get; init; } = [];

    /// <summary>Findings of the stories analysed in this run.</summary>
    public IReadOnlyList<StoryFindings> Findings { get; init; } = [];

    /// <summary>
    /// Findings of stories analysed in this run that were encoded where they were made (a cluster worker's), written
    /// as they are, after <see cref="Findings"/>.
    /// </summary>
    public IReadOnlyList<EncodedStory> EncodedFindings { get; init; } = [];

    /// <summary>The link state's changed values (all of them on a rebuild).</summary>
    public IEnumerable<LinkStateRow> LinkState { get; init; } = [];

    /// <summary>
    /// What the link state was made by (see <see cref="IStore.ReadLinkVersion"/>); empty when a linking stage failed, so
    /// the next run starts again from scratch.
    /// </summary>
    public string LinkVersion { get; init; } = "";

    /// <summary>
    /// Documents the linking stages have now seen, marked linked; on a rebuild every other document is marked not linked
    /// (a run from scratch in parts links them in the parts that follow).
    /// </summary>
    public IReadOnlyList<string> Linked { get; init; } = [];

    /// <summary>Stages that failed in this run, in stage order.</summary>
    public IReadOnlyList<StageFailure> FailedStages { get; init; } = [];
}
