using Triangulate.Model;

namespace Triangulate.Bench.Inputs;

/// <summary>
/// A generated corpus read like the store: the generator's stream is written once to a spill file on disk (as
/// ingest fills the store), keeping only each document's file offset (8 bytes a document) in memory; documents are
/// then streamed in id order (which is not generation order, as a store's content-hash ids are not) and fetched
/// by id with one seek, as the store does. Analyses are empty: the linking stages must work from text alone.
/// </summary>
internal sealed class GeneratedCorpusReader : ICorpusReader, IDisposable
{
    private readonly CorpusGenerator _generator;
    private readonly string _path;
    private readonly long[] _offsets;
    private readonly FileStream _file;
    private readonly BinaryReader _reader;

    /// <summary>Streams the generator's documents into a spill file under <paramref name="folder"/>.</summary>
    public GeneratedCorpusReader(CorpusGenerator generator, string folder)
    {
        _generator = generator;
        _path = Path.Combine(folder, $"triangulate-bench-{Environment.ProcessId}.bin");
        _offsets = new long[generator.Count];
        using (var output = new FileStream(_path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
        using (var writer = new BinaryWriter(output))
        {
            var serial = 0;
            foreach (var document in generator.Generate())
            {
                _offsets[serial++] = output.Position;
                Write(writer, document);
            }
        }
        _file = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 14, FileOptions.RandomAccess);
        _reader = new BinaryReader(_file);
    }

    /// <summary>Bytes written to the spill file.</summary>
    public long SpillBytes => _file.Length;

    /// <inheritdoc/>
    public int DocumentCount => _generator.Count;

    /// <inheritdoc/>
    public IEnumerable<(Document Document, DocumentAnalysis Analysis)> ReadAnalyses()
    {
        var keys = new ulong[_generator.Count];
        for (var i = 0; i < keys.Length; i++) keys[i] = _generator.IdKey(i);
        Array.Sort(keys);
        foreach (var key in keys)
        {
            var document = Load((int)(uint)key);
            yield return (document, new DocumentAnalysis { DocumentId = document.Id });
        }
    }

    /// <inheritdoc/>
    public Document? FindDocument(string id)
    {
        var serial = CorpusGenerator.SerialOf(id);
        return serial < 0 || serial >= _generator.Count ? null : Load(serial);
    }

    /// <inheritdoc/>
    public DocumentAnalysis? FindAnalysis(string id) => FindDocument(id) is null ? null : new DocumentAnalysis { DocumentId = id };

    /// <inheritdoc/>
    public void Dispose()
    {
        _reader.Dispose();
        _file.Dispose();
        File.Delete(_path);
    }

    private static void Write(BinaryWriter writer, Document document)
    {
        writer.Write(document.Id);
        writer.Write(document.Source);
        writer.Write(document.Sha256);
        writer.Write(document.Title ?? "");
        writer.Write(document.Outlet ?? "");
        writer.Write(document.Origin ?? "");
        writer.Write(document.Language);
        writer.Write(document.Published is { } p ? p.Earliest.Earliest.DayNumber : -1);
        writer.Write(document.Text);
        writer.Write(document.Blocks.Count);
        foreach (var block in document.Blocks)
        {
            writer.Write((byte)block.Kind);
            writer.Write(block.Start);
            writer.Write(block.End);
        }
    }

    private Document Load(int serial)
    {
        _file.Position = _offsets[serial];
        var id = _reader.ReadString();
        var source = _reader.ReadString();
        var sha = _reader.ReadString();
        var title = _reader.ReadString();
        var outlet = _reader.ReadString();
        var origin = _reader.ReadString();
        var language = _reader.ReadString();
        var day = _reader.ReadInt32();
        var text = _reader.ReadString();
        var blocks = new Block[_reader.ReadInt32()];
        for (var i = 0; i < blocks.Length; i++) blocks[i] = new Block((BlockKind)_reader.ReadByte(), _reader.ReadInt32(), _reader.ReadInt32());
        return new Document
        {
            Id = id,
            Source = source,
            Sha256 = sha,
            Title = title.Length == 0 ? null : title,
            Outlet = outlet.Length == 0 ? null : outlet,
            Origin = origin.Length == 0 ? null : origin,
            Language = language,
            Published = day < 0 ? null : DateEstimate.Exact(PartialDate.FromDate(DateOnly.FromDayNumber(day)), DateBasis.Metadata),
            Text = text,
            Blocks = blocks,
            Body = text[Math.Min(text.Length, title.Length + 2)..],
        };
    }
}
