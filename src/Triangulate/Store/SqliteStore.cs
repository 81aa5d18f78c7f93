using System.Text.Json;
using Microsoft.Data.Sqlite;
using Triangulate.Model;

namespace Triangulate.Store;

/// <summary>
/// The embedded store: one SQLite file in WAL mode (readers never block the writer), schema migrated on open,
/// one transaction per batch so a crash never leaves half a batch. Raw bytes are kept gzip-compressed.
/// One connection guarded by a lock: SQLite serialises writers anyway, and the lock keeps the connection single-threaded.
/// </summary>
public sealed partial class SqliteStore : IStore
{
    private readonly SqliteConnection _connection;
    private readonly Lock _lock = new();

    /// <summary>
    /// Read-only connections for point reads (the known-document check on the reading path, a document, an analysis, a
    /// story's row, the relations, independence groups and entity rows of given documents or ids), opened as needed and reused: in WAL mode they read while the writer commits and beside each other,
    /// so parallel story stages and concurrent web readers do not queue on the writer's connection. Unused for an
    /// in-memory store (one connection).
    /// </summary>
    private readonly System.Collections.Concurrent.ConcurrentBag<SqliteConnection> _readers = [];
    private readonly List<SqliteConnection> _opened = [];
    private bool _pooled;

    private SqliteStore(SqliteConnection connection, string path)
    {
        _connection = connection;
        Path = path;
    }

    /// <summary>
    /// The writer connection's settings for a file store (docs/foundation.md, "The writer's settings"): a page cache of
    /// 64 MiB (SQLite's default is 2 MiB), which holds the upper pages of the random-keyed indexes every save descends
    /// (the documents' id and SHA-256, the full-text keys) instead of reading them back from the file at each insert;
    /// temporary b-trees in memory; a checkpoint when the WAL holds 16,384 pages (64 MiB), not SQLite's 1,000: a commit
    /// that checkpoints copies the WAL into the file and syncs it, and at about 10 KB a document the default checkpointed
    /// every few hundred documents (the writer's commits took 8.0 s against 5.7 s in a 30 s trace of the read phase).
    /// </summary>
    private const string WriterSettings = "PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY; PRAGMA wal_autocheckpoint = 16384;";

    /// <summary>The file path, or ":memory:".</summary>
    public string Path { get; }

    /// <summary>How long <see cref="AcquireWriterLease"/> waits for another run's lease before it gives up.</summary>
    public TimeSpan WriterLeaseWait { get; set; } = WriterLease.DefaultWait;

    /// <summary>
    /// The writer lease of this file: the lock file <c>PATH.lock</c> beside it, kept (never removed, so no run ever locks
    /// a file another is about to remove). Not SQLite's own locks, which its writes take and let go each transaction.
    /// An in-memory store takes nothing.
    /// </summary>
    public IDisposable AcquireWriterLease(Action<string>? waiting = null) =>
        Path == ":memory:" ? WriterLease.None : WriterLease.OfFile(Path + ".lock", Path, WriterLeaseWait, waiting);

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
        var store = new SqliteStore(connection, path);
        try
        {
            // busy_timeout: a writer that finds another process writing (cluster workers over one file, serve beside
            // analyze) waits in SQLite's own steps of 1-100 ms; without it Microsoft.Data.Sqlite retries after 150 ms each time.
            // Set first: switching a new file to WAL takes its lock too, and two processes may open one new file at once.
            store.Execute("PRAGMA busy_timeout = " + BusyTimeoutMilliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture) + "; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;");
            store.Migrate();
            store._pooled = path != ":memory:";
            if (store._pooled) store.Execute(WriterSettings);
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
    public long LastArrival
    {
        get
        {
            lock (_lock) return Convert.ToInt64(Scalar("SELECT coalesce(max(seq), 0) FROM documents"), System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    /// <inheritdoc />
    public bool Contains(string sha256, string pipelineVersion)
    {
        return PointRead(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT 1 FROM documents WHERE sha256 = $sha AND pipeline_version = $version";
            command.Parameters.AddWithValue("$sha", sha256);
            command.Parameters.AddWithValue("$version", pipelineVersion);
            return command.ExecuteScalar() is not null;
        });
    }

    /// <inheritdoc />
    public void Save(IReadOnlyList<StoredDocument> batch) => Save(EncodedDocument.All(batch));

    /// <inheritdoc />
    public void Save(IReadOnlyList<EncodedDocument> batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Count == 0) return;
        // Encoded before the lock (by the analysing workers, or on every core): the lock covers SQL alone, so readers of
        // the store (the known-document check on the reading path, the web app) wait on inserts, not on JSON and gzip.
        StoreWaits.EnterWriter(_lock);
        try
        {
            using var transaction = BeginWrite();
            using var command = _connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = """
                INSERT INTO documents (id, sha256, source, format, pipeline_version, document, analysis, raw, seq, linked)
                VALUES ($id, $sha, $source, $format, $version, CAST($document AS TEXT), CAST($analysis AS TEXT), $raw, $seq, 0)
                ON CONFLICT (sha256) DO UPDATE SET
                    format = excluded.format, pipeline_version = excluded.pipeline_version,
                    document = json_set(excluded.document, '$.source', documents.source),
                    analysis = excluded.analysis, linked = 0
                """;
            // A document keeps the place in the arrival order it first had; one saved without a place goes after the rest.
            long last;
            using (var max = Command(transaction, "SELECT coalesce(max(seq), 0) FROM documents"))
                last = Convert.ToInt64(max.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
            var seq = command.Parameters.Add("$seq", SqliteType.Integer);
            var id = command.Parameters.Add("$id", SqliteType.Text);
            var sha = command.Parameters.Add("$sha", SqliteType.Text);
            var source = command.Parameters.Add("$source", SqliteType.Text);
            var format = command.Parameters.Add("$format", SqliteType.Text);
            var version = command.Parameters.Add("$version", SqliteType.Text);
            // The JSON is bound as its UTF-8 bytes and stored as text (a blob cast to text is its bytes read in the
            // database's encoding, UTF-8): no string of it is made, nor encoded again by the binding.
            var document = command.Parameters.Add("$document", SqliteType.Blob);
            var analysis = command.Parameters.Add("$analysis", SqliteType.Blob);
            var raw = command.Parameters.Add("$raw", SqliteType.Blob);
            using var unindex = Command(transaction, """
                DELETE FROM search WHERE rowid IN (SELECT rowid FROM search_keys WHERE kind = 'document' AND id = $id);
                DELETE FROM search_keys WHERE kind = 'document' AND id = $id;
                """);
            var unindexed = unindex.Parameters.Add("$id", SqliteType.Text);
            using var search = new SearchRowWriter(Command(transaction, SearchRowWriter.Sql));
            foreach (var encoded in batch)
            {
                id.Value = encoded.Id;
                sha.Value = encoded.Sha256;
                source.Value = encoded.Source;
                format.Value = encoded.Format;
                version.Value = encoded.PipelineVersion;
                (document.Value, analysis.Value, raw.Value) = (encoded.DocumentUtf8, encoded.AnalysisUtf8, encoded.CompressedRaw);
                seq.Value = encoded.Arrival > 0 ? encoded.Arrival : ++last;
                command.ExecuteNonQuery();
                // A document saved again replaces its full-text row.
                unindexed.Value = encoded.Id;
                unindex.ExecuteNonQuery();
                search.Add(encoded.Search);
            }
            transaction.Commit();
        }
        finally
        {
            _lock.Exit();
        }
    }

    /// <inheritdoc />
    public void SaveProblems(IEnumerable<Problem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        lock (_lock)
        {
            using var transaction = BeginWrite();
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
    public void SaveCorpus(CorpusUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        lock (_lock)
        {
            using var transaction = BeginWrite();
            WriteLinks(transaction, update);
            // Streamed: the state of a run from scratch is millions of small values, never held encoded all at once.
            WriteLinkState(transaction, update, update.LinkState);
            WriteStories(transaction, update);
            using (var command = Command(transaction, "INSERT INTO corpus (name, json) VALUES ('failed', $json) ON CONFLICT (name) DO UPDATE SET json = excluded.json"))
            {
                command.Parameters.AddWithValue("$json", JsonSerializer.Serialize([.. update.FailedStages], ModelJson.Compact.ListStageFailure));
                command.ExecuteNonQuery();
            }
            transaction.Commit();
        }
    }

    /// <inheritdoc />
    public string? ReadLinkVersion()
    {
        lock (_lock) return Scalar("SELECT json FROM corpus WHERE name = 'link-version'") as string;
    }

    /// <inheritdoc />
    public IReadOnlyDictionary<long, byte[]> ReadLinkState(int space, IReadOnlyCollection<long> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var values = new Dictionary<long, byte[]>(keys.Count);
        PointRead(connection =>
        {
            // Up to 500 keys a query (SQLite's variable limit is far above; the statement stays short to prepare).
            foreach (var chunk in keys.Chunk(500))
            {
                using var command = connection.CreateCommand();
                var names = new string[chunk.Length];
                for (var i = 0; i < chunk.Length; i++)
                {
                    names[i] = "$k" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    command.Parameters.AddWithValue(names[i], chunk[i]);
                }
                command.CommandText = $"SELECT key, value FROM link_state WHERE space = $space AND key IN ({string.Join(',', names)})";
                command.Parameters.AddWithValue("$space", space);
                using var reader = command.ExecuteReader();
                while (reader.Read()) values[reader.GetInt64(0)] = (byte[])reader.GetValue(1);
            }
            return 0;
        });
        return values;
    }

    /// <inheritdoc />
    public IEnumerable<(Document Document, DocumentAnalysis Analysis)> ReadForLinking(bool all) => StoreRows.Paged((long.MinValue, ""), after =>
    {
        // The rows' UTF-8 bytes are copied under the lock and parsed from them on every core: no string is made of them
        // on this one thread, to be transcoded back by the parser.
        var page = new List<byte[][]>();
        lock (_lock)
        {
            using var command = Command(null, $"""
                SELECT seq, id, document, analysis FROM documents
                WHERE {(all ? "" : "linked = 0 AND ")}(seq, id) > ($seq, $id) ORDER BY seq, id LIMIT 256
                """);
            command.Parameters.AddWithValue("$seq", after.Item1);
            command.Parameters.AddWithValue("$id", after.Item2);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                after = (reader.GetInt64(0), reader.GetString(1));
                page.Add([reader.GetFieldValue<byte[]>(2), reader.GetFieldValue<byte[]>(3)]);
            }
        }
        return (StoreRows.ParsePage(page, StoreRows.ParseForLinking), after);
    });

    /// <inheritdoc />
    public IReadOnlyDictionary<string, string> ReadStoryFingerprints()
    {
        var fingerprints = new Dictionary<string, string>(StringComparer.Ordinal);
        lock (_lock)
        {
            using var command = Command(null, "SELECT id, fingerprint FROM stories");
            using var reader = command.ExecuteReader();
            while (reader.Read()) fingerprints[reader.GetString(0)] = reader.GetString(1);
        }
        return fingerprints;
    }

    /// <inheritdoc />
    public IReadOnlyList<Story> ReadStories()
    {
        var stories = new List<Story>();
        lock (_lock)
        {
            using var command = Command(null, "SELECT story FROM stories ORDER BY first_document");
            using var reader = command.ExecuteReader();
            while (reader.Read()) stories.Add(JsonSerializer.Deserialize(reader.GetString(0), ModelJson.Compact.Story)!);
        }
        return stories;
    }

    /// <inheritdoc />
    public StoryFindings? LoadStory(string id) => LoadStory(id, ModelJson.Compact.StoryFindings);

    /// <inheritdoc />
    public StoryFindings? LoadStoryToShow(string id) => LoadStory(id, ShownJson.StoryFindings);

    /// <summary>The findings of story <paramref name="id"/> as <paramref name="type"/> reads them, or null.</summary>
    private StoryFindings? LoadStory(string id, System.Text.Json.Serialization.Metadata.JsonTypeInfo<StoryFindings> type)
    {
        // Read through a stream over the row into a pooled buffer: a large story's findings (megabytes) never become one
        // string or array of their own, which would land on the large-object heap for every story page read from the
        // store; and parsed from that buffer in one call, which costs less than parsing from the stream in parts.
        return PointRead(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT rowid, findings FROM stories WHERE id = $id";
            command.Parameters.AddWithValue("$id", id);
            using var reader = command.ExecuteReader();
            if (!reader.Read()) return null;
            using var stream = reader.GetStream(1);
            var length = checked((int)stream.Length);
            var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(length);
            try
            {
                stream.ReadExactly(buffer, 0, length);
                return JsonSerializer.Deserialize(buffer.AsSpan(0, length), type);
            }
            finally
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
            }
        });
    }

    /// <inheritdoc />
    public IEnumerable<StoryFindings> ReadStoryFindings()
    {
        // Parsed on every core a chunk at a time (a whole-store dossier reads every story's findings, on one thread otherwise).
        return OrderedParallel.Map(ReadPagedByText("SELECT first_document, findings FROM stories WHERE first_document > $after ORDER BY first_document LIMIT 64"),
            json => JsonSerializer.Deserialize(json, ModelJson.Compact.StoryFindings)!);
    }

    /// <inheritdoc />
    public IEnumerable<T> ReadStoryPart<T>(string part, System.Text.Json.Serialization.Metadata.JsonTypeInfo<List<T>> type)
    {
        StoreRows.CheckPart(part);
        // SQLite cuts the part out of the stored JSON: the rest of each story's findings is never parsed here. The parts
        // are parsed on every core a chunk of stories at a time (a whole-store dossier reads every story's).
        var parts = OrderedParallel.Map(ReadPagedByText($"SELECT first_document, coalesce(json_extract(findings, '$.{part}'), '[]') FROM stories WHERE first_document > $after ORDER BY first_document LIMIT 64"),
            json => JsonSerializer.Deserialize(json, type) ?? []);
        return parts.SelectMany(items => items);
    }

    /// <inheritdoc />
    public IEnumerable<KeyValuePair<string, DateEstimate>> ReadInferredDates()
    {
        // SQLite cuts the dates out of each story's findings: a few bytes a story are parsed here, not its findings.
        foreach (var json in ReadPagedByText("SELECT first_document, coalesce(json_extract(findings, '$.inferredPublished'), '{}') FROM stories WHERE first_document > $after ORDER BY first_document LIMIT 64"))
            foreach (var pair in JsonSerializer.Deserialize(json, ModelJson.Compact.DictionaryStringDateEstimate) ?? []) yield return pair;
    }

    /// <inheritdoc />
    public (int Stories, int Claims, int Quotes) CountStoryFindings()
    {
        lock (_lock)
        {
            // One pass over the stories, in SQLite: nothing of the findings is parsed here.
            using var command = Command(null, "SELECT count(*), coalesce(sum(json_array_length(findings, '$.claims')), 0), coalesce(sum(json_array_length(findings, '$.quotes')), 0) FROM stories");
            using var reader = command.ExecuteReader();
            reader.Read();
            return (reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2));
        }
    }

    /// <inheritdoc />
    public IEnumerable<Relation> ReadRelations() =>
        // Parsed on every core a chunk at a time, as the stories' findings are.
        OrderedParallel.Map(ReadRelationRows(), json => JsonSerializer.Deserialize(json, ModelJson.Compact.Relation)!);

    /// <inheritdoc />
    public IEnumerable<Entity> ReadEntities() => StoreRows.JoinEntities(EntityRows());

    /// <summary>
    /// Every entity row in id order, by story within an id, not by when a story was written: a store updated story by
    /// story merges an entity's rows in the order one written whole does.
    /// </summary>
    private IEnumerable<Entity> EntityRows() => StoreRows.Paged(("", "", long.MinValue), after =>
    {
        var page = new List<string[]>();
        lock (_lock)
        {
            using var command = Command(null, "SELECT id, story, ord, entity FROM entities WHERE (id, story, ord) > ($id, $story, $ord) ORDER BY id, story, ord LIMIT 1024");
            command.Parameters.AddWithValue("$id", after.Item1);
            command.Parameters.AddWithValue("$story", after.Item2);
            command.Parameters.AddWithValue("$ord", after.Item3);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                after = (reader.GetString(0), reader.GetString(1), reader.GetInt64(2));
                page.Add([reader.GetString(3)]);
            }
        }
        // Parsed on every core once the page is read, outside the lock.
        return ((IReadOnlyList<Entity>)StoreRows.ParsePage(page, row => JsonSerializer.Deserialize(row[0], ModelJson.Compact.Entity)!), after);
    });

    /// <inheritdoc />
    public string? StoryOf(string documentId) => FindText("SELECT story FROM document_links WHERE document = $id", documentId);

    /// <inheritdoc />
    public IReadOnlyDictionary<string, string> IndependenceGroupsOf(IEnumerable<string> documentIds)
    {
        ArgumentNullException.ThrowIfNull(documentIds);
        return PointRead(connection =>
        {
            // One statement for all the ids (a story's members), not one per id.
            var groups = new Dictionary<string, string>(StringComparer.Ordinal);
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT document, independence_group FROM document_links WHERE document IN (SELECT value FROM json_each($ids))";
            command.Parameters.AddWithValue("$ids", IdArray(documentIds));
            using var reader = command.ExecuteReader();
            while (reader.Read()) groups[reader.GetString(0)] = reader.GetString(1);
            return groups;
        });
    }

    /// <inheritdoc />
    public IReadOnlyList<Relation> RelationsOf(IEnumerable<string> documentIds)
    {
        ArgumentNullException.ThrowIfNull(documentIds);
        return ReadRelations("""
            SELECT relation FROM relations WHERE ord IN (
                SELECT ord FROM relations WHERE from_document IN (SELECT value FROM json_each($ids))
                UNION SELECT ord FROM relations WHERE to_document IN (SELECT value FROM json_each($ids)))
            ORDER BY ord
            """, documentIds, ModelJson.Compact.Relation);
    }

    /// <inheritdoc />
    public IReadOnlyList<Relation> RelationsFrom(IEnumerable<string> documentIds)
    {
        ArgumentNullException.ThrowIfNull(documentIds);
        // The aligned passages are most of a relation's row; the parse steps over them (ShownJson).
        return ReadRelations("SELECT relation FROM relations WHERE from_document IN (SELECT value FROM json_each($ids)) ORDER BY ord", documentIds, ShownJson.Relation);
    }

    /// <summary>The relations <paramref name="sql"/> selects (one JSON column) for the ids bound to <c>$ids</c>, parsed from their UTF-8 bytes as <paramref name="type"/> reads them.</summary>
    private List<Relation> ReadRelations(string sql, IEnumerable<string> documentIds, System.Text.Json.Serialization.Metadata.JsonTypeInfo<Relation> type) => PointRead(connection =>
    {
        var relations = new List<Relation>();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$ids", IdArray(documentIds));
        using var reader = command.ExecuteReader();
        while (reader.Read()) relations.Add(JsonSerializer.Deserialize(reader.GetFieldValue<byte[]>(0), type)!);
        return relations;
    });

    /// <inheritdoc />
    public IReadOnlyList<Entity> FindEntities(IEnumerable<string> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var entities = new List<Entity>();
        PointRead(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT entity FROM entities WHERE id = $id ORDER BY story, ord";
            var id = command.Parameters.Add("$id", SqliteType.Text);
            foreach (var entity in ids.Distinct(StringComparer.Ordinal))
            {
                id.Value = entity;
                using var reader = command.ExecuteReader();
                while (reader.Read()) entities.Add(JsonSerializer.Deserialize(reader.GetString(0), ModelJson.Compact.Entity)!);
            }
            return entities;
        });
        return Extract.Entities.EntityMerge.Merge(entities);
    }

    /// <summary>Relations, independence groups and failed stages, whole (for <see cref="LoadCorpus"/>).</summary>
    private CorpusLinks LoadLinks()
    {
        var relations = new List<Relation>();
        foreach (var json in ReadRelationRows())
            relations.Add(JsonSerializer.Deserialize(json, ModelJson.Compact.Relation)!);
        var groups = new SortedDictionary<string, string>(StringComparer.Ordinal);
        lock (_lock)
        {
            using var command = Command(null, "SELECT document, independence_group FROM document_links");
            using var reader = command.ExecuteReader();
            while (reader.Read()) groups[reader.GetString(0)] = reader.GetString(1);
        }
        return new CorpusLinks { Relations = relations, IndependenceGroups = groups, FailedStages = LoadFailedStages() };
    }

    /// <inheritdoc />
    public IReadOnlyList<StageFailure> LoadFailedStages()
    {
        lock (_lock)
        {
            return Scalar("SELECT json FROM corpus WHERE name = 'failed'") is string json
                ? JsonSerializer.Deserialize(json, ModelJson.Compact.ListStageFailure) ?? []
                : [];
        }
    }

    /// <inheritdoc />
    public CorpusResult LoadCorpus() => StoreRows.Assemble(LoadLinks(), ReadStoryFindings());

    /// <inheritdoc />
    public IEnumerable<Document> ReadDocuments() =>
        ReadDocumentColumns("document", 1, row => JsonSerializer.Deserialize(row[0], ModelJson.Compact.Document)!);

    /// <inheritdoc />
    public IEnumerable<(string Id, byte[] Json)> ReadDocumentsJson() =>
        ReadDocumentColumns("id, document", 2, row => (System.Text.Encoding.UTF8.GetString(row[0]), row[1]));

    /// <inheritdoc />
    public IReadOnlyList<Document> ReadLatestDocuments(int skip, int take) => PointRead(connection =>
    {
        var documents = new List<Document>();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT document FROM documents ORDER BY seq DESC, id DESC LIMIT $take OFFSET $skip";
        command.Parameters.AddWithValue("$take", Math.Max(0, take));
        command.Parameters.AddWithValue("$skip", Math.Max(0, skip));
        using var reader = command.ExecuteReader();
        while (reader.Read()) documents.Add(JsonSerializer.Deserialize(reader.GetString(0), ModelJson.Compact.Document)!);
        return documents;
    });

    /// <inheritdoc />
    public IReadOnlyList<Document> ReadDocumentsInNoStory()
    {
        var documents = new List<Document>();
        lock (_lock)
        {
            // The anti-join walks the documents' id index and reads a document's text only when it has no story.
            using var command = Command(null, """
                SELECT d.document FROM documents d
                WHERE NOT EXISTS (SELECT 1 FROM document_links l WHERE l.document = d.id AND l.story IS NOT NULL)
                ORDER BY d.id
                """);
            using var reader = command.ExecuteReader();
            while (reader.Read()) documents.Add(JsonSerializer.Deserialize(reader.GetString(0), ModelJson.Compact.Document)!);
        }
        return documents;
    }

    /// <inheritdoc />
    public IEnumerable<(Document Document, DocumentAnalysis Analysis)> ReadAnalyses() =>
        ReadDocumentColumns("document, analysis", 2, StoreRows.ParseAnalysed);

    /// <inheritdoc />
    public Document? FindDocument(string id)
    {
        var json = FindUtf8("SELECT document FROM documents WHERE id = $id", id);
        return json is null ? null : JsonSerializer.Deserialize(json, ModelJson.Compact.Document);
    }

    /// <inheritdoc />
    public IReadOnlyList<Document> FindDocumentsToShow(IEnumerable<string> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        return PointRead(connection =>
        {
            // One statement for a story's documents. The text, blocks, body and comments (most of a row, parsed for
            // nothing on a page that shows titles, outlets and dates) are stepped over by the parse (ShownJson), not
            // emptied by SQLite first, which parsed and rewrote every row to do it.
            var documents = new List<Document>();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT document FROM documents WHERE id IN (SELECT value FROM json_each($ids))";
            command.Parameters.AddWithValue("$ids", IdArray(ids));
            using var reader = command.ExecuteReader();
            while (reader.Read()) documents.Add(JsonSerializer.Deserialize(reader.GetFieldValue<byte[]>(0), ShownJson.Document)!);
            return documents;
        });
    }

    /// <summary>The ids as a JSON array of strings, bound as one parameter and read back with <c>json_each</c>.</summary>
    private static string IdArray(IEnumerable<string> ids)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var id in ids) writer.WriteStringValue(id);
            writer.WriteEndArray();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <inheritdoc />
    public DocumentAnalysis? FindAnalysis(string id)
    {
        var json = FindUtf8("SELECT analysis FROM documents WHERE id = $id", id);
        return json is null ? null : JsonSerializer.Deserialize(json, ModelJson.Compact.DocumentAnalysis);
    }

    /// <inheritdoc />
    public byte[]? FindRaw(string documentId)
    {
        var compressed = PointRead(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT raw FROM documents WHERE id = $id";
            command.Parameters.AddWithValue("$id", documentId);
            return command.ExecuteScalar() as byte[];
        });
        return compressed is null ? null : StoreRows.Decompress(compressed);
    }

    /// <inheritdoc />
    public void ClearProblems(string source, IReadOnlyCollection<string>? keep = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        lock (_lock)
        {
            using var command = _connection.CreateCommand();
            // substr, not LIKE: a path may hold '%' or '_'. The sources kept travel as one JSON array, however many.
            command.CommandText = "DELETE FROM problems WHERE (source = $source OR substr(source, 1, length($prefix)) = $prefix)"
                + " AND source NOT IN (SELECT value FROM json_each($keep))";
            command.Parameters.AddWithValue("$source", source);
            command.Parameters.AddWithValue("$prefix", source + "#");
            command.Parameters.AddWithValue("$keep", JsonArray(keep ?? []));
            command.ExecuteNonQuery();
        }
    }

    /// <summary>The strings as one JSON array, for SQLite's <c>json_each</c>.</summary>
    private static string JsonArray(IReadOnlyCollection<string> values)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var value in values) writer.WriteStringValue(value);
            writer.WriteEndArray();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <inheritdoc />
    public IReadOnlyList<Problem> ReadProblems()
    {
        var problems = new List<Problem>();
        lock (_lock)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT source, error FROM problems";
            using var reader = command.ExecuteReader();
            while (reader.Read()) problems.Add(new Problem(reader.GetString(0), reader.GetString(1)));
        }
        problems.Sort(ProblemOrder.Instance);
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
            match = WithOtherSpellings(match);
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
    /// Widens a query by the other spellings of the entities it names ("Peking" also finds "Beijing" when an entity knows
    /// both): each spelling of the best few matching entities is added as a phrase, OR-ed with the query.
    /// </summary>
    private string WithOtherSpellings(string match)
    {
        const int Entities = 5;
        var spellings = new SortedSet<string>(StringComparer.Ordinal);
        using (var command = _connection.CreateCommand())
        {
            command.CommandText = $"SELECT text FROM search WHERE search MATCH $match AND kind = 'entity' ORDER BY rank LIMIT {Entities}";
            command.Parameters.AddWithValue("$match", match);
            using var reader = command.ExecuteReader();
            while (reader.Read())
                foreach (var spelling in reader.GetString(0).Split('\n'))
                    if (MatchExpression(spelling) is { Length: > 0 } phrase) spellings.Add(phrase.TrimEnd('*'));
        }
        return spellings.Count == 0 ? match : $"({match}) OR " + string.Join(" OR ", spellings.Select(s => $"({s})"));
    }

    /// <summary>
    /// Turns what a person typed into an FTS5 query: every word quoted (so operators and punctuation in the input are
    /// plain text, never syntax), all required, the last one also as a prefix so results appear while typing.
    /// </summary>
    internal static string MatchExpression(string query)
    {
        var words = SearchRow.Words(query);
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

    /// <summary>
    /// Writes the relations from the documents of the stories made and each such document's story and independence
    /// group (replacing theirs; everything, on a rebuild).
    /// </summary>
    private void WriteLinks(SqliteTransaction transaction, CorpusUpdate update)
    {
        var links = StoreRows.DocumentLinks(update);
        if (update.Rebuild)
        {
            using var clear = Command(transaction, "DELETE FROM relations; DELETE FROM document_links;");
            clear.ExecuteNonQuery();
        }
        else
        {
            using var clear = Command(transaction, "DELETE FROM relations WHERE from_document = $id");
            var id = clear.Parameters.Add("$id", SqliteType.Text);
            foreach (var row in links)
            {
                id.Value = row.Document;
                clear.ExecuteNonQuery();
            }
        }
        using (var command = Command(transaction, "INSERT INTO relations (from_document, to_document, relation) VALUES ($from, $to, CAST($json AS TEXT))"))
        {
            var from = command.Parameters.Add("$from", SqliteType.Text);
            var to = command.Parameters.Add("$to", SqliteType.Text);
            // As a document's JSON (Save): bound as UTF-8, stored as text.
            var json = command.Parameters.Add("$json", SqliteType.Blob);
            // Encoded on every core a chunk at a time, written here in order.
            foreach (var (relation, encoded) in OrderedParallel.Map(update.Relations, r => (r, JsonSerializer.SerializeToUtf8Bytes(r, ModelJson.Compact.Relation))))
            {
                from.Value = relation.From;
                to.Value = (object?)relation.To ?? DBNull.Value;
                json.Value = encoded;
                command.ExecuteNonQuery();
            }
        }
        using (var command = Command(transaction, "INSERT OR REPLACE INTO document_links (document, story, independence_group) VALUES ($document, $story, $group)"))
        {
            var document = command.Parameters.Add("$document", SqliteType.Text);
            var story = command.Parameters.Add("$story", SqliteType.Text);
            var group = command.Parameters.Add("$group", SqliteType.Text);
            foreach (var row in links)
            {
                document.Value = row.Document;
                story.Value = (object?)row.Story ?? DBNull.Value;
                group.Value = row.Group;
                command.ExecuteNonQuery();
            }
        }
    }

    /// <summary>Writes the link state's changed values, what made it, and which documents the linking stages have seen.</summary>
    private void WriteLinkState(SqliteTransaction transaction, CorpusUpdate update, IEnumerable<Link.LinkStateRow> rows)
    {
        if (update.Rebuild)
        {
            using var clear = Command(transaction, "DELETE FROM link_state; UPDATE documents SET linked = 0 WHERE linked <> 0;");
            clear.ExecuteNonQuery();
        }
        using (var command = Command(transaction, "INSERT OR REPLACE INTO link_state (space, key, value) VALUES ($space, $key, $value)"))
        {
            var space = command.Parameters.Add("$space", SqliteType.Integer);
            var key = command.Parameters.Add("$key", SqliteType.Integer);
            var value = command.Parameters.Add("$value", SqliteType.Blob);
            foreach (var row in rows)
            {
                (space.Value, key.Value, value.Value) = (row.Space, row.Key, row.Value);
                command.ExecuteNonQuery();
            }
        }
        // Only the documents the stages read: a run from scratch in parts links the rest in the parts after this one.
        if (update.LinkVersion.Length > 0)
        {
            using var command = Command(transaction, "UPDATE documents SET linked = 1 WHERE id = $id AND linked = 0");
            var id = command.Parameters.Add("$id", SqliteType.Text);
            foreach (var document in update.Linked)
            {
                id.Value = document;
                command.ExecuteNonQuery();
            }
        }
        using (var command = Command(transaction, "INSERT INTO corpus (name, json) VALUES ('link-version', $version) ON CONFLICT (name) DO UPDATE SET json = excluded.json"))
        {
            command.Parameters.AddWithValue("$version", update.LinkVersion);
            command.ExecuteNonQuery();
        }
    }

    /// <summary>
    /// Writes the stories: the findings in the update replace what was stored, with their claims and quotes indexed for
    /// search; the other stories made keep their stored findings; the stories removed (every story not made, on a
    /// rebuild) go with their search rows.
    /// </summary>
    private void WriteStories(SqliteTransaction transaction, CorpusUpdate update)
    {
        var stored = new List<string>();
        foreach (var id in StoreRows.StoriesToClear(update, () =>
        {
            using var command = Command(transaction, "SELECT id FROM stories");
            using var reader = command.ExecuteReader();
            while (reader.Read()) stored.Add(reader.GetString(0));
            return stored;
        }))
            using (var delete = Command(transaction, """
                DELETE FROM search WHERE rowid IN (SELECT rowid FROM search_keys WHERE story = $story);
                DELETE FROM search_keys WHERE story = $story;
                DELETE FROM entities WHERE story = $story;
                DELETE FROM stories WHERE id = $story;
                """))
            {
                delete.Parameters.AddWithValue("$story", id);
                delete.ExecuteNonQuery();
            }
        // The JSON columns bound as UTF-8 and stored as text, as a document's (Save).
        using var insert = Command(transaction, "INSERT INTO stories (id, ord, first_document, fingerprint, story, findings) VALUES ($id, 0, $first, $fingerprint, CAST($story AS TEXT), CAST($findings AS TEXT))");
        var storyId = insert.Parameters.Add("$id", SqliteType.Text);
        var first = insert.Parameters.Add("$first", SqliteType.Text);
        var fingerprint = insert.Parameters.Add("$fingerprint", SqliteType.Text);
        var story = insert.Parameters.Add("$story", SqliteType.Blob);
        var json = insert.Parameters.Add("$findings", SqliteType.Blob);
        using var entities = Command(transaction, "INSERT INTO entities (id, story, entity) VALUES ($id, $story, CAST($json AS TEXT))");
        var entityId = entities.Parameters.Add("$id", SqliteType.Text);
        var entityStory = entities.Parameters.Add("$story", SqliteType.Text);
        var entityJson = entities.Parameters.Add("$json", SqliteType.Blob);
        using var search = new SearchRowWriter(Command(transaction, SearchRowWriter.Sql));
        // The findings given as objects are encoded on every core a chunk at a time (their JSON on one core was a large part
        // of the save), those encoded where they were made are taken as they came; the rows are written here, in order.
        foreach (var row in EncodedStory.All(update.Findings, update.EncodedFindings))
        {
            (storyId.Value, first.Value, fingerprint.Value) = (row.Id, row.FirstDocument, row.Fingerprint);
            (story.Value, json.Value) = (row.StoryUtf8, row.FindingsUtf8);
            insert.ExecuteNonQuery();
            foreach (var searchRow in row.Search) search.Add(searchRow);
            entityStory.Value = row.Id;
            foreach (var (id, entity) in row.Entities)
            {
                (entityId.Value, entityJson.Value) = (id, entity);
                entities.ExecuteNonQuery();
            }
        }
    }

    /// <summary>
    /// Adds full-text rows, each with its key row (the key's rowid is the full-text row's, so it is found without a
    /// scan), through one command prepared once per transaction: preparing its two statements anew for every row cost
    /// more than inserting it.
    /// </summary>
    private sealed class SearchRowWriter : IDisposable
    {
        public const string Sql = """
            INSERT INTO search_keys (kind, id, story) VALUES ($kind, $id, $story);
            INSERT INTO search (rowid, kind, id, document, text) VALUES (last_insert_rowid(), $kind, $id, $document, $text);
            """;

        private readonly SqliteCommand _command;
        private readonly SqliteParameter _kind, _id, _story, _document, _text;

        public SearchRowWriter(SqliteCommand command)
        {
            _command = command;
            _kind = command.Parameters.Add("$kind", SqliteType.Text);
            _id = command.Parameters.Add("$id", SqliteType.Text);
            _story = command.Parameters.Add("$story", SqliteType.Text);
            _document = command.Parameters.Add("$document", SqliteType.Text);
            _text = command.Parameters.Add("$text", SqliteType.Text);
        }

        public void Add(SearchRow row)
        {
            (_kind.Value, _id.Value, _story.Value, _document.Value, _text.Value) = (row.Kind, row.Id, (object?)row.Story ?? DBNull.Value, row.Document, row.Text);
            _command.ExecuteNonQuery();
        }

        public void Dispose() => _command.Dispose();
    }

    private SqliteCommand Command(SqliteTransaction? transaction, string sql)
    {
        var command = _connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    /// <summary>
    /// Reads one text column in pages by keyset on a unique text order column (query takes $after, selects order then
    /// text), each value as its stored UTF-8 bytes: JSON parsed as it is, without a string (twice its size) between.
    /// </summary>
    private IEnumerable<byte[]> ReadPagedByText(string sql) => StoreRows.Paged("", after =>
    {
        var page = new List<byte[]>();
        lock (_lock)
        {
            using var command = Command(null, sql);
            command.Parameters.AddWithValue("$after", after);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                after = reader.GetString(0);
                page.Add(reader.GetFieldValue<byte[]>(1));
            }
        }
        return (page, after);
    });

    /// <summary>The relations' JSON by document, then in the order written (a story's are written together, sorted), in pages.</summary>
    private IEnumerable<byte[]> ReadRelationRows() => StoreRows.Paged(("", long.MinValue), after =>
    {
        var page = new List<byte[]>();
        lock (_lock)
        {
            using var command = Command(null, "SELECT from_document, ord, relation FROM relations WHERE (from_document, ord) > ($document, $ord) ORDER BY from_document, ord LIMIT 1024");
            command.Parameters.AddWithValue("$document", after.Item1);
            command.Parameters.AddWithValue("$ord", after.Item2);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                after = (reader.GetString(0), reader.GetInt64(1));
                page.Add(reader.GetFieldValue<byte[]>(2));
            }
        }
        return (page, after);
    });

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
    public void Dispose()
    {
        lock (_opened)
        {
            foreach (var reader in _opened) reader.Dispose();
            _opened.Clear();
        }
        _connection.Dispose();
    }

    /// <summary>
    /// Reads document columns in pages of 256 by keyset (id > last id), so the lock is not held while a caller works on
    /// a row, a scan never holds the whole table, and each page costs the same however deep the scan is. Each page's
    /// rows are turned into objects on every core (parsing the JSON is most of a corpus stage's reading), then given
    /// out in id order.
    /// </summary>
    private IEnumerable<T> ReadDocumentColumns<T>(string columns, int count, Func<byte[][], T> parse) => StoreRows.Paged("", after =>
    {
        var page = new List<byte[][]>();
        lock (_lock)
        {
            using var command = Command(null, $"SELECT id, {columns} FROM documents WHERE id > $after ORDER BY id LIMIT 256");
            command.Parameters.AddWithValue("$after", after);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var row = new byte[count][];
                for (var i = 0; i < count; i++) row[i] = reader.GetFieldValue<byte[]>(i + 1);
                page.Add(row);
                after = reader.GetString(0);
            }
        }
        return (StoreRows.ParsePage(page, parse), after);
    });

    private string? FindText(string sql, string id) => PointRead(connection =>
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$id", id);
        return command.ExecuteScalar() as string;
    });

    /// <summary>As <see cref="FindText"/>, the value's stored UTF-8 bytes (to parse as they are, without a string between).</summary>
    private byte[]? FindUtf8(string sql, string id) => PointRead(connection =>
    {
        if (!_pooled)
        {
            using var once = connection.CreateCommand();
            return FindUtf8(once, sql, id);
        }
        // A pooled connection is used by one thread at a time, and so are its commands.
        var commands = _prepared.GetOrCreateValue(connection);
        if (!commands.TryGetValue(sql, out var command)) commands[sql] = command = connection.CreateCommand();
        return FindUtf8(command, sql, id);
    });

    private static byte[]? FindUtf8(SqliteCommand command, string sql, string id)
    {
        if (command.CommandText != sql)
        {
            command.CommandText = sql;
            command.Parameters.Add("$id", SqliteType.Text);
        }
        command.Parameters[0].Value = id;
        using var reader = command.ExecuteReader();
        return reader.Read() && !reader.IsDBNull(0) ? reader.GetFieldValue<byte[]>(0) : null;
    }

    /// <summary>
    /// The point reads' commands of each pooled read connection, by statement, prepared once: the story stages and the
    /// linking stages read documents and analyses one row at a time, hundreds of thousands at a million articles, and
    /// preparing the statement again for each row cost about as much as reading the row (Microsoft.Data.Sqlite keeps a
    /// command's prepared statement until its text changes).
    /// </summary>
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<SqliteConnection, Dictionary<string, SqliteCommand>> _prepared = [];

    /// <summary>Runs one read on a pooled read-only connection (the writer's, under its lock, for an in-memory store).</summary>
    private T PointRead<T>(Func<SqliteConnection, T> read)
    {
        if (!_pooled)
        {
            lock (_lock) return read(_connection);
        }
        if (!_readers.TryTake(out var connection))
        {
            connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path, Pooling = false, Mode = SqliteOpenMode.ReadOnly }.ToString());
            connection.Open();
            lock (_opened) _opened.Add(connection);
        }
        try
        {
            return read(connection);
        }
        finally
        {
            _readers.Add(connection);
        }
    }

    /// <summary>
    /// Begins a write transaction (<c>BEGIN IMMEDIATE</c>: the write lock is taken up front, so the transaction never
    /// upgrades a read lock and never meets another writer half-way), counting a busy wait (<see cref="StoreWaits"/>)
    /// when another connection held the file's write lock: a probe first tries the lock without waiting (and lets it go
    /// at once), and when it was held, the begin's time, spent in SQLite's busy handler, is the wait.
    /// </summary>
    private SqliteTransaction BeginWrite()
    {
        var handle = _connection.Handle!;
        SQLitePCL.raw.sqlite3_busy_timeout(handle, 0);
        var held = (SQLitePCL.raw.sqlite3_exec(handle, "BEGIN IMMEDIATE; ROLLBACK") & 0xFF) == SQLitePCL.raw.SQLITE_BUSY;
        SQLitePCL.raw.sqlite3_busy_timeout(handle, BusyTimeoutMilliseconds);
        if (!held) return _connection.BeginTransaction();
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var transaction = _connection.BeginTransaction();
        StoreWaits.AddBusy(System.Diagnostics.Stopwatch.GetElapsedTime(started));
        return transaction;
    }

    /// <summary>How long SQLite's busy handler lets a writer wait for another connection's write lock.</summary>
    private const int BusyTimeoutMilliseconds = 30000;

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
            if (ReadVersion(null) == SqliteMigrations.All.Length) return;
            // Each step re-reads the version inside its write transaction: two processes opening one new file at once
            // migrate it one after the other, the second finding the steps done ("table … already exists" otherwise).
            while (true)
            {
                using var transaction = BeginWrite();
                var version = ReadVersion(transaction);
                if (version == SqliteMigrations.All.Length) return;
                using var command = Command(transaction, SqliteMigrations.All[version] + $";\nPRAGMA user_version = {version + 1};");
                command.ExecuteNonQuery();
                transaction.Commit();
            }
        }
    }

    /// <summary>The schema version of the file; a newer one than this build knows is refused.</summary>
    private int ReadVersion(SqliteTransaction? transaction)
    {
        using var command = Command(transaction, "PRAGMA user_version");
        var version = Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        if (version > SqliteMigrations.All.Length)
            throw new InvalidOperationException($"the store was made by a newer Triangulate (schema {version}, this one knows {SqliteMigrations.All.Length})");
        return version;
    }
}
