namespace Triangulate.Text;

/// <summary>Splits a range of text into sentences.</summary>
public interface ISentenceSplitter
{
    /// <summary>Appends the sentences of text[start..end) to <paramref name="sentences"/>, in order.</summary>
    void Split(string text, int start, int end, List<Sentence> sentences);
}
