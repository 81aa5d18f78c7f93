namespace Triangulate.Ingest;

/// <summary>Reads a single-document file whole, within the size cap, turning I/O failures into one-line errors.</summary>
internal static class WholeFile
{
    public static byte[]? Read(InputFile file, IngestLimits limits, out string? error)
    {
        error = null;
        if (file.Length > limits.MaxDocumentBytes)
        {
            error = $"too large: {Megabytes(file.Length)} MB, over the {Megabytes(limits.MaxDocumentBytes)} MB limit for one document";
            return null;
        }
        try
        {
            return File.ReadAllBytes(file.FullPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error = $"cannot read: {e.Message}";
            return null;
        }
    }

    private static long Megabytes(long bytes) => (bytes + (1 << 20) - 1) >> 20;
}
