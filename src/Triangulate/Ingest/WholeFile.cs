namespace Triangulate.Ingest;

/// <summary>Reads a single-document file (whole, or as much as its reader takes) within the size cap, turning I/O failures into one-line errors.</summary>
internal static class WholeFile
{
    public static byte[]? Read(InputFile file, IngestLimits limits, out string? error)
    {
        return Read(file, limits, static stream =>
        {
            var bytes = new byte[stream.Length];
            stream.ReadExactly(bytes);
            return bytes;
        }, out error);
    }

    /// <summary>
    /// Opens the file within the size cap and gives its stream to <paramref name="read"/> (a reader that may take only
    /// part of it); the default, with a one-line <paramref name="error"/>, when the file is over the cap or cannot be read.
    /// </summary>
    public static T? Read<T>(InputFile file, IngestLimits limits, Func<Stream, T> read, out string? error)
    {
        error = null;
        if (file.Length > limits.MaxDocumentBytes)
        {
            error = TooLarge(file.Length, limits);
            return default;
        }
        try
        {
            using var stream = new FileStream(file.FullPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1);
            // Checked again on the open file: a link or a file that grew since discovery must not slip past the cap.
            if (stream.Length > limits.MaxDocumentBytes)
            {
                error = TooLarge(stream.Length, limits);
                return default;
            }
            return read(stream);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error = $"cannot read: {e.Message}";
            return default;
        }
    }

    private static string TooLarge(long length, IngestLimits limits) =>
        $"too large: {Megabytes(length)} MB, over the {Megabytes(limits.MaxDocumentBytes)} MB limit for one document";

    private static long Megabytes(long bytes) => (bytes + (1 << 20) - 1) >> 20;
}
