namespace Triangulate.Link.Provenance;

/// <summary>
/// What the postings of some keys say of one document, read before the document was added to them: the earlier
/// document of the same body, the earlier documents in its LSH buckets, and, per earlier document sharing counted
/// rare keys with it, how many (all of them, and those that are names or figures). Answers of shards with disjoint
/// keys add up to the answer of one index holding all of them (<see cref="CandidateIndex"/>).
/// </summary>
/// <param name="Exact">The first document indexed with the same body hash, if any.</param>
/// <param name="Buckets">The documents of each of its buckets, bucket after bucket (a document in two is listed twice).</param>
/// <param name="Sharers">Earlier documents sharing counted rare keys with it.</param>
/// <param name="Shared">Per sharer, the counted rare keys shared.</param>
/// <param name="SharedNamed">Per sharer, the counted names and figures shared.</param>
public sealed record CandidateAnswer(long? Exact, long[] Buckets, long[] Sharers, int[] Shared, int[] SharedNamed);
