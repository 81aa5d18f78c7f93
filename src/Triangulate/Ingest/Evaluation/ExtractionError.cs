using Triangulate.Model;

namespace Triangulate.Ingest.Evaluation;

/// <summary>A block the classifier got wrong on a benchmark page: body text the truth lacks (kept), or truth text it left out (dropped).</summary>
/// <param name="Page">The page id.</param>
/// <param name="Kept">True when the block is body but not in the truth; false when it is truth text given another kind.</param>
/// <param name="Kind">The kind the classifier gave the block.</param>
/// <param name="Tokens">The block's <c>\w+</c> tokens: the weight of the error in the score.</param>
/// <param name="Path">The block's element path.</param>
/// <param name="Text">The block's text, cut to 160 characters.</param>
public sealed record ExtractionError(string Page, bool Kept, BlockKind Kind, int Tokens, string Path, string Text);
