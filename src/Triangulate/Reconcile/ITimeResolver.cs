using Triangulate.Model;

namespace Triangulate.Reconcile;

/// <summary>
/// Resolves a relative time expression against a publication date. Behind an interface so the Extract/Time stage's
/// resolver can replace <see cref="RuleTimeResolver"/> when both are merged (one set of rules, not two).
/// </summary>
internal interface ITimeResolver
{
    /// <summary>The dates the expression means when the document was published on <paramref name="published"/>, or null.</summary>
    DateRange? Resolve(TimeExpression expression, DateOnly published);
}
