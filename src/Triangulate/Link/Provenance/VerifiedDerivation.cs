using Triangulate.Model;

namespace Triangulate.Link.Provenance;

/// <summary>
/// A verified derivation with what choosing among a document's candidate sources needs: whether the derived document
/// credits or names the source's outlet, and how many of each side's sentences the alignment leaves unexplained.
/// </summary>
/// <param name="Relation">The relation (<c>From</c> is derived).</param>
/// <param name="Attributed">The derived document credits the source's outlet or names it in its text.</param>
/// <param name="UnalignedDerived">
/// Sentences of the derived document with no aligned partner in the source, not counting lines that name an outlet
/// (template newsletter and credit lines; see <c>ProvenanceLinker.Unexplained</c>).
/// </param>
/// <param name="UnalignedSource">Sentences of the source with no aligned partner in the derived document, counted the same way.</param>
/// <param name="Aligned">The derived document's sentences that have an aligned partner in the source, ascending.</param>
/// <param name="Dropped">The source's sentences with no aligned partner in the derived document, ascending (every sentence the aligner reads, outlet lines too).</param>
/// <param name="CarriedCredit">
/// The outlet (key) named by a credit line of the source that the derived document repeats word for word ("Source: X"
/// on both pages); null when it repeats none.
/// </param>
/// <param name="CarriedSentence">
/// The derived document's body sentence that carries <paramref name="CarriedCredit"/> ("Copyright 2024 X." read as body), or -1
/// when the credit line is outside the body: a source that has the same sentence carries the credit too, and so is no
/// evidence against it.
/// </param>
/// <param name="SameTitle">Both pages carry the same headline, word for word.</param>
/// <param name="Verbatim">
/// The derived document's sentences that the source has word for word (a wire dateline opening one aside), ascending: those
/// with wording of their own, neither quoted speech (verbatim in every report that carries the quote) nor naming the
/// derived page's outlet or one it credits (its newsletter and credit lines, written from templates).
/// </param>
internal sealed record VerifiedDerivation(Relation Relation, bool Attributed, int UnalignedDerived, int UnalignedSource, int[] Aligned, int[] Dropped, string? CarriedCredit, int CarriedSentence, bool SameTitle, int[] Verbatim);
