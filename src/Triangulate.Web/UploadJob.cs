using Triangulate.Model;

namespace Triangulate.Web;

/// <summary>One upload's progress.</summary>
internal sealed class UploadJob(string id, string name)
{
    public string Id { get; } = id;

    /// <summary>The uploaded file names, as their user called them.</summary>
    public string Name { get; } = name;

    public string State { get; set; } = "queued";

    public string Message { get; set; } = "";

    public IReadOnlyList<Document> Documents { get; set; } = [];
}
