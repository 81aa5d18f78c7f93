using Triangulate.Model;

namespace Triangulate.Ingest;

/// <summary>
/// Picks a classifier by the document's <see cref="SourceDocument.Format"/> ("html" pages get the content scorer, text
/// captures their line classifier), falling back to a default for formats without one of their own.
/// </summary>
public sealed class FormatBlockClassifier : IBlockClassifier
{
    private readonly Dictionary<string, IBlockClassifier> _byFormat = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Creates a dispatcher that uses <paramref name="fallback"/> for formats not registered.</summary>
    public FormatBlockClassifier(IBlockClassifier fallback) => Fallback = fallback ?? throw new ArgumentNullException(nameof(fallback));

    /// <summary>The classifier for formats without one of their own.</summary>
    public IBlockClassifier Fallback { get; }

    /// <summary>Uses <paramref name="classifier"/> for documents of <paramref name="format"/>; returns this, for chaining.</summary>
    public FormatBlockClassifier Add(string format, IBlockClassifier classifier)
    {
        ArgumentNullException.ThrowIfNull(format);
        _byFormat[format] = classifier ?? throw new ArgumentNullException(nameof(classifier));
        return this;
    }

    /// <inheritdoc />
    public IReadOnlyList<Block> Classify(SourceDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return (_byFormat.GetValueOrDefault(document.Format) ?? Fallback).Classify(document);
    }
}
