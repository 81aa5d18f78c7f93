namespace Triangulate.Extract;

/// <summary>Finds one kind of item in a document's body and adds it to the context.</summary>
public interface IExtractor
{
    /// <summary>Adds what it finds to <paramref name="context"/>.</summary>
    void Extract(ExtractionContext context);
}
