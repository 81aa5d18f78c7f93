using Triangulate.Model;
using Triangulate.Report;

namespace Triangulate.Web;

/// <summary>What an upload did, in a sentence: new documents and ones the store already held are told apart, problems follow.</summary>
internal static class UploadSummary
{
    public static string Describe(AnalysisSummary summary, int found)
    {
        var parts = new List<string>();
        if (summary.DocumentsStored > 0) parts.Add(Evidence.Count(summary.DocumentsStored, "new document stored", "new documents stored"));
        if (summary.DocumentsKnown > 0) parts.Add(Evidence.Count(summary.DocumentsKnown, "document already stored", "documents already stored"));
        if (parts.Count == 0 && found == 0) parts.Add("no document found");
        if (summary.Problems.Count > 0) parts.Add("problems: " + string.Join("; ", summary.Problems.Select(p => $"{p.Source}: {p.Error}")));
        return string.Join("; ", parts);
    }
}
