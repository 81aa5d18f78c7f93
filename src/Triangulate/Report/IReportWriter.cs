namespace Triangulate.Report;

/// <summary>Writes the dossier in one format.</summary>
public interface IReportWriter
{
    /// <summary>The format's name on the command line ("json", "md", "html").</summary>
    string Format { get; }

    /// <summary>The file written in the output folder.</summary>
    string FileName { get; }

    /// <summary>Writes the dossier of <paramref name="source"/> to <paramref name="output"/>.</summary>
    void Write(DossierSource source, Stream output);
}
