using System.IO.Compression;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Triangulate.Model;

namespace Triangulate.Store;

/// <summary>
/// The embedded store: one SQLite file in WAL mode (readers never block the writer), schema migrated on open,
/// one transaction per batch so a crash never leaves half a batch. Raw bytes are kept gzip-compressed.
/// One connection guarded by a lock: SQLite serialises writers anyway, and the lock keeps the connection single-threaded.
/// </summary>
public sealed class SqliteStore : IStore
{
    private readonly SqliteConnection _connection;
    private readonly Lock _lock = new();

    private SqliteStore(SqliteConnection connection) => _connection = connection;

    /// <summary>The file path, or ":memory:".</summary>
    public string Path { get; private init; } = "";

    /// <summary>Opens (creating and migrating when needed) the store at <paramref name="path"/>.</summary>
    public static SqliteStore Open(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path != ":memory:")
        {
            var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
            if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
        }
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        var store = new SqliteStore(connection) { Path = path };
        try
        {
            store.Execute("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;");
            store.Migrate();
        }
        catch
        {
            connection.Dispose();
            throw;
        }
        return store;
    }

    /// <summary>The schema version (number of migrations applied).</summary>
    public int SchemaVersion
    {
        get
        {
            lock (_lock) return Convert.ToInt32(Scalar("PRAGMA user_version"), System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    /// <inheritdoc />
    public int DocumentCount
    {
        get
        {
            lock (_lock) return Convert.ToInt32(Scalar("SELECT COUNT(*) FROM documents"), System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    /// <inheritdoc />
    public bool Contains(string sha256, string pipelineVersion)
    {
        lock (_lock)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT 1 FROM documents WHERE sha256 = $sha AND pipeline_version = $version";
            command.Parameters.AddWithValue("$sha", sha256);
            command.Parameters.AddWithValue("$version", pipelineVersion);
            return command.ExecuteScalar() is not null;
        }
    }

    /// <inheritdoc />
    public void Save(IReadOnlyList<StoredDocument> batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Count == 0) return;
        lock (_lock)
        {
            using var transaction = _connection.BeginTransaction();
            using var command = _connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = """
                INSERT INTO documents (id, sha256, source, format, pipeline_version, document, analysis, raw)
                VALUES ($id, $sha, $source, $format, $version, $document, $analysis, $raw)
                ON CONFLICT (sha256) DO UPDATE SET
                    format = excluded.format, pipeline_version = excluded.pipeline_version,
                    document = json_set(excluded.document, '$.source', documents.source),
                    analysis = excluded.analysis
                """;
            var id = command.Parameters.Add("$id", SqliteType.Text);
            var sha = command.Parameters.Add("$sha", SqliteType.Text);
            var source = command.Parameters.Add("$source", SqliteType.Text);
            var format = command.Parameters.Add("$format", SqliteType.Text);
            var version = command.Parameters.Add("$version", SqliteType.Text);
            var document = command.Parameters.Add("$document", SqliteType.Text);
            var analysis = command.Parameters.Add("$analysis", SqliteType.Text);
            var raw = command.Parameters.Add("$raw", SqliteType.Blob);
            foreach (var item in batch)
            {
                id.Value = item.Document.Id;
                sha.Value = item.Document.Sha256;
                source.Value = item.Document.Source;
                format.Value = item.Format;
                version.Value = item.PipelineVersion;
                document.Value = JsonSerializer.Serialize(item.Document, ModelJson.Compact.Document);
                analysis.Value = JsonSerializer.Serialize(item.Analysis, ModelJson.Compact.DocumentAnalysis);
                raw.Value = Compress(item.Raw.Span);
                command.ExecuteNonQuery();
                IndexDocument(transaction, item.Document);
            }
            transaction.Commit();
        }
    }

    /// <inheritdoc />
    public void SaveProblems(IEnumerable<Problem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        lock (_lock)
        {
            using var transaction = _connection.BeginTransaction();
            using var command = _connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "INSERT OR IGNORE INTO problems (source, error) VALUES ($source, $error)";
            var source = command.Parameters.Add("$source", SqliteType.Text);
            var error = command.Parameters.Add("$error", SqliteType.Text);
            foreach (var problem in problems)
            {
                source.Value = problem.Source;
                error.Value = problem.Error;
                command.ExecuteNonQuery();
            }
            transaction.Commit();
        }
    }

    /// <inheritdoc />
    public void SaveCorpus(CorpusResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var json = JsonSerializer.Serialize(result, ModelJson.Compact.CorpusResult);
        lock (_lock)
        {
            using var transaction = _connection.BeginTransaction();
            using (var command = _connection.CreateCommand())
            {
                command.Transaction = transaction;
                command.CommandText = "INSERT INTO corpus (name, json) VALUES ('result', $json) ON CONFLICT (name) DO UPDATE SET json = excluded.json";
                command.Parameters.AddWithValue("$json", json);
                command.ExecuteNonQuery();
            }
            IndexCorpus(transaction, result);
            transaction.Commit();
        }
    }

    /// <inheritdoc />
    public CorpusResult LoadCorpus()
    {
        lock (_lock)
        {
            return Scalar("SELECT json FROM corpus WHERE name = 'result'") is string json
                ? JsonSerializer.Deserialize(json, ModelJson.Compact.CorpusResult) ?? CorpusResult.Empty
                : CorpusResult.Empty;
        }
    }

    /// <inheritdoc />
    public IEnumerable<Document> ReadDocuments()
    {
        foreach (var row in ReadDocumentColumns("document", 1))
            yield return JsonSerializer.Deserialize(row[0], ModelJson.Compact.Document)!;
    }

    /// <inheritdoc />
    public IEnumerable<(Document Document, DocumentAnalysis Analysis)> ReadAnalyses()
    {
        foreach (var row in ReadDocumentColumns("document, analysis", 2))
            yield return (JsonSerializer.Deserialize(row[0], ModelJson.Compact.Document)!,
                JsonSerializer.Deserialize(row[1], ModelJson.Compact.DocumentAnalysis)!);
    }

    /// <inheritdoc />
    public Document? FindDocument(string id)
    {
        var json = FindText("SELECT document FROM documents WHERE id = $id", id);
        return json is null ? null : JsonSerializer.Deserialize(json, ModelJson.Compact.Document);
    }

    /// <inheritdoc />
    public DocumentAnalysis? FindAnalysis(string id)
    {
        var json = FindText("SELECT analysis FROM documents WHERE id = $id", id);
        return json is null ? null : JsonSerializer.Deserialize(json, ModelJson.Compact.DocumentAnalysis);
    }

    /// <inheritdoc />
    public byte[]? FindRaw(string documentId)
    {
        lock (_lock)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT raw FROM documents WHERE id = $id";
            command.Parameters.AddWithValue("$id", documentId);
            return command.ExecuteScalar() is byte[] compressed ? Decompress(compressed) : null;
        }
    }

    /// <inheritdoc />
    public void ClearProblems(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        lock (_lock)
        {
            using var command = _connection.CreateCommand();
            // substr, not LIKE: a path may hold '%' or '_'.
            command.CommandText = "DELETE FROM problems WHERE source = $source OR substr(source, 1, length($prefix)) = $prefix";
            command.Parameters.AddWithValue("$source", source);
            command.Parameters.AddWithValue("$prefix", source + "#");
            command.ExecuteNonQuery();
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<Problem> ReadProblems()
    {
        var problems = new List<Problem>();
        lock (_lock)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT source, error FROM problems ORDER BY source, error";
            using var reader = command.ExecuteReader();
            while (reader.Read()) problems.Add(new Problem(reader.GetString(0), reader.GetString(1)));
        }
        return problems;
    }

    /// <inheritdoc />
    public IReadOnlyList<SearchHit> Search(string query, int limit)
    {
        ArgumentNullException.ThrowIfNull(query);
        var match = MatchExpression(query);
        var hits = new List<SearchHit>();
        if (match.Length == 0 || limit <= 0) return hits;
        lock (_lock)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = """
                SELECT kind, id, document, snippet(search, 3, char(2), char(3), '…', 24)
                FROM search WHERE search MATCH $match ORDER BY rank LIMIT $limit
                """;
            command.Parameters.AddWithValue("$match", match);
            command.Parameters.AddWithValue("$limit", limit);
            using var reader = command.ExecuteReader();
            while (reader.Read()) hits.Add(new SearchHit(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3)));
        }
        return hits;
    }

    /// <summary>
    /// Turns what a person typed into an FTS5 query: every word quoted (so operators and punctuation in the input are
    /// plain text, never syntax), all required, the last one also as a prefix so results appear while typing.
    /// </summary>
    internal static string MatchExpression(string query)
    {
        var words = new List<string>();
        var start = -1;
        for (var i = 0; i <= query.Length; i++)
        {
            var inWord = i < query.Length && char.IsLetterOrDigit(query[i]);
            if (inWord && start < 0) start = i;
            else if (!inWord && start >= 0)
            {
                words.Add(query[start..i]);
                start = -1;
            }
        }
        if (words.Count == 0) return "";
        var builder = new System.Text.StringBuilder();
        for (var i = 0; i < words.Count; i++)
        {
            if (i > 0) builder.Append(' ');
            builder.Append('"').Append(words[i]).Append('"');
        }
        builder.Append('*');
        return builder.ToString();
    }

    private void IndexDocument(SqliteTransaction transaction, Document document)
    {
        using var command = _connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            DELETE FROM search WHERE kind = 'document' AND id = $id;
            INSERT INTO search (kind, id, document, text) VALUES ('document', $id, $id, $text);
            """;
        command.Parameters.AddWithValue("$id", document.Id);
        command.Parameters.AddWithValue("$text", (document.Title ?? "") + "\n" + document.Text);
        command.ExecuteNonQuery();
    }

    private void IndexCorpus(SqliteTransaction transaction, CorpusResult result)
    {
        using (var clear = _connection.CreateCommand())
        {
            clear.Transaction = transaction;
            clear.CommandText = "DELETE FROM search WHERE kind IN ('claim', 'quote')";
            clear.ExecuteNonQuery();
        }
        using var command = _connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO search (kind, id, document, text) VALUES ($kind, $id, $document, $text)";
        var kind = command.Parameters.Add("$kind", SqliteType.Text);
        var id = command.Parameters.Add("$id", SqliteType.Text);
        var document = command.Parameters.Add("$document", SqliteType.Text);
        var text = command.Parameters.Add("$text", SqliteType.Text);
        kind.Value = "claim";
        foreach (var claim in result.Claims)
        {
            id.Value = claim.Id;
            document.Value = claim.Mentions.Count > 0 ? claim.Mentions[0].Span.Document : claim.Sources.Count > 0 ? claim.Sources[0] : "";
            text.Value = claim.Text;
            command.ExecuteNonQuery();
        }
        kind.Value = "quote";
        foreach (var quote in result.Quotes)
        {
            if (quote.Variants.Count == 0) continue;
            id.Value = quote.Id;
            document.Value = quote.Variants[0].Span.Document;
            text.Value = (quote.Speaker is null ? "" : quote.Speaker + ": ") + quote.Variants[0].Text;
            command.ExecuteNonQuery();
        }
    }

    /// <summary>Runs a command that returns nothing (for extensions such as a full-text index).</summary>
    public void Execute(string sql)
    {
        lock (_lock)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = sql;
            command.ExecuteNonQuery();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _connection.Dispose();

    /// <summary>
    /// Reads document columns in pages of 256 by keyset (id > last id), so the lock is not held while a caller works on
    /// a row, a scan never holds the whole table, and each page costs the same however deep the scan is.
    /// </summary>
    private IEnumerable<string[]> ReadDocumentColumns(string columns, int count)
    {
        const int Page = 256;
        var after = "";
        while (true)
        {
            var page = new List<string[]>(Page);
            lock (_lock)
            {
                using var command = _connection.CreateCommand();
                command.CommandText = $"SELECT id, {columns} FROM documents WHERE id > $after ORDER BY id LIMIT {Page}";
                command.Parameters.AddWithValue("$after", after);
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    var row = new string[count];
                    for (var i = 0; i < count; i++) row[i] = reader.GetString(i + 1);
                    page.Add(row);
                    after = reader.GetString(0);
                }
            }
            foreach (var row in page) yield return row;
            if (page.Count < Page) yield break;
        }
    }

    private string? FindText(string sql, string id)
    {
        lock (_lock)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = sql;
            command.Parameters.AddWithValue("$id", id);
            return command.ExecuteScalar() as string;
        }
    }

    private object? Scalar(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private void Migrate()
    {
        lock (_lock)
        {
            var version = Convert.ToInt32(Scalar("PRAGMA user_version"), System.Globalization.CultureInfo.InvariantCulture);
            if (version > SqliteMigrations.All.Length)
                throw new InvalidOperationException($"the store was made by a newer Triangulate (schema {version}, this one knows {SqliteMigrations.All.Length})");
            for (var i = version; i < SqliteMigrations.All.Length; i++)
            {
                using var transaction = _connection.BeginTransaction();
                using var command = _connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = SqliteMigrations.All[i] + $";\nPRAGMA user_version = {i + 1};";
                command.ExecuteNonQuery();
                transaction.Commit();
            }
        }
    }

    private static byte[] Compress(ReadOnlySpan<byte> bytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true)) gzip.Write(bytes);
        return output.ToArray();
    }

    private static byte[] Decompress(byte[] compressed)
    {
        using var input = new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }
}
