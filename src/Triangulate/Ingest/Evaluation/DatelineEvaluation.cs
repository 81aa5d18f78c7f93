using Triangulate.Model;
using Triangulate.Text;

namespace Triangulate.Ingest.Evaluation;

/// <summary>
/// Measures how text captures given as JSON Lines <c>{url, text}</c> records are dated: an article "shows a date line"
/// when one of its first <see cref="TopLines"/> lines is short (at most <see cref="MaxWords"/> words), carries a full
/// day, and outside the day has at most <see cref="MaxOtherWords"/> words, no more than two of them lower-case (a cue
/// and a connective: "Last updated at"; more reads as a sentence); it is read right when its published date is <see cref="DateBasis.Stated"/>, that day, with its evidence inside
/// that line. Also counts date lines taken as the title, and stated dates drawn from anywhere else (a past event in
/// the body is not the publication date). Records go through the same reader, line classifier and metadata extractor
/// as <c>analyze</c> uses for them.
/// </summary>
public sealed class DatelineEvaluation
{
    /// <summary>How many first lines are looked at.</summary>
    public const int TopLines = 6;

    /// <summary>The most words a date line has.</summary>
    public const int MaxWords = 14;

    /// <summary>The most words a date line has besides its day.</summary>
    public const int MaxOtherWords = 6;

    private readonly string _path;

    private DatelineEvaluation(string path) => _path = path;

    /// <summary>Opens a JSON Lines file; throws <see cref="FileNotFoundException"/> when there is none.</summary>
    public static DatelineEvaluation Open(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: no such file", path);
        return new DatelineEvaluation(path);
    }

    /// <summary>Reads every record and counts; <paramref name="onRecord"/> sees the source, the date line's day (or null) and the published estimate.</summary>
    public DatelineRun Run(Action<string, PartialDate?, DateEstimate?>? onRecord = null)
    {
        var assembler = new DocumentAssembler(new FormatBlockClassifier(new TextLineClassifier()), new TextMetadataExtractor(), new Undetermined());
        var run = new DatelineRun();
        var file = new InputFile(Path.GetFileName(_path), Path.GetFullPath(_path), new FileInfo(_path).Length);
        foreach (var read in new JsonlDocumentReader().Read(file, IngestLimits.Default))
        {
            if (read.Document is not { } source) continue;
            var document = assembler.Assemble(source);
            var line = DateLine(source.Text);
            var published = document.Published;
            var stated = published is { Basis: DateBasis.Stated } ? published : null;
            var inLine = line is { } l && stated?.Evidence is { Count: > 0 } evidence && evidence[0].Start >= l.Start && evidence[0].End <= l.End;
            run.Add(EvaluationSplit.PartOf(source.Source), line is not null, line is { } d && inLine && stated!.Date == d.Day,
                line is not null && document.Title is { } title && source.Text.AsSpan(line.Value.Start, line.Value.End - line.Value.Start).Trim().SequenceEqual(title.AsSpan().Trim()),
                stated is not null && !inLine);
            onRecord?.Invoke(source.Source, line?.Day, published);
        }
        return run;
    }

    /// <summary>The first short line among the first <see cref="TopLines"/> that carries a full day.</summary>
    internal static (PartialDate Day, int Start, int End)? DateLine(string text)
    {
        var start = 0;
        for (var i = 0; i < TopLines && start < text.Length; i++)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0) end = text.Length;
            var line = text[start..end];
            if (line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= MaxWords && DateText.Find(line, monthFirst: true) is { } found)
            {
                var other = (line[..found.Index] + " " + line[(found.Index + found.Length)..]).Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (other.Length <= MaxOtherWords && other.Count(w => char.IsLower(w[0])) <= 2) return (found.Day, start, end);
            }
            start = end + 1;
        }
        return null;
    }

    /// <summary>Language is not needed to date a capture, and loading the models would dominate the run.</summary>
    private sealed class Undetermined : ILanguageIdentifier
    {
        public string Identify(string text) => "und";
    }
}
