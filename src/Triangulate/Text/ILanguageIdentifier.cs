namespace Triangulate.Text;

/// <summary>Tells the language of a text.</summary>
public interface ILanguageIdentifier
{
    /// <summary>ISO 639-1 code of <paramref name="text"/>, or "und" when it cannot be told.</summary>
    string Identify(string text);
}
