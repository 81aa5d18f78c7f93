using Triangulate.Model;
using Triangulate.Report;

namespace Triangulate.Web;

/// <summary>
/// Documents named as a page names them (<see cref="Evidence.Label"/>), each label made once per page: a story page names
/// a document in every mention, quote, relation and filter option, and a label per use was a string per use.
/// </summary>
internal sealed class DocumentLabels(IReadOnlyDictionary<string, Document> documents)
{
    private readonly Dictionary<string, string> _made = new(StringComparer.Ordinal);

    /// <summary>The label of the document <paramref name="id"/>, or the id itself when the page does not hold it.</summary>
    public string Name(string id) => documents.TryGetValue(id, out var document) ? Label(document) : id;

    /// <summary>The label of <paramref name="document"/>.</summary>
    public string Label(Document document)
    {
        if (_made.TryGetValue(document.Id, out var made)) return made;
        return _made[document.Id] = Evidence.Label(document);
    }
}
