using System.Text.Json;
using Npgsql;
using Triangulate.Model;

namespace Triangulate.Store.Postgres;

/// <summary>
/// The shared store: one PostgreSQL database that several processes and analysts use at once. The same rows as the
/// SQLite store, written the same way (one transaction per batch, stories written per story); schema migrated on open.
/// Every call takes a pooled connection of its own (<see cref="NpgsqlDataSource"/>), so reads run beside each other and
/// beside a writer; corpus saves are serialised by an advisory lock, as SQLite serialises its writers.
/// </summary>
public sealed partial class PostgresStore : IStore
{
    // Advisory lock keys (one database-wide number each): migrating the schema, saving corpus results, giving documents
    // their places in the arrival order.
    private const long MigrationLock = 0x7472_6961_6e67_01;
    private const long CorpusLock = 0x7472_6961_6e67_02;
    /// <summary>The advisory lock under which places in the arrival order are given out (a test holds it).</summary>
    internal const long ArrivalLock = 0x7472_6961_6e67_03;
    // A run's writer lease (WriterLease), one per schema (the store's tables): held by one session from a run's first
    // save to its last. Two keys (this number, the schema's hash), a key space apart from the one-key locks above.
    private const int WriterLock = 0x7472_6904;
    private const string WriterLockKeys = "$1, hashtext(current_schema())";

    // Keys or rows sent in one array parameter at most (a run from scratch writes millions of link-state values).
    private const int Chunk = 10_000;

    private readonly NpgsqlDataSource _source;

    private PostgresStore(NpgsqlDataSource source) => _source = source;

    /// <summary>
    /// Opens (migrating when needed) the database that <paramref name="db"/> names: a <c>postgres://</c> URL or an
    /// Npgsql connection string. The database must exist; its tables are made on first open.
    /// </summary>
    public static PostgresStore Open(string db)
    {
        ArgumentNullException.ThrowIfNull(db);
        var source = new NpgsqlDataSourceBuilder(PostgresConnectionString.From(db)).Build();
        var store = new PostgresStore(source);
        try
        {
            store.Migrate();
        }
        catch
        {
            source.Dispose();
            throw;
        }
        return store;
    }

    /// <summary>How long <see cref="AcquireWriterLease"/> waits for another run's lease before it gives up.</summary>
    public TimeSpan WriterLeaseWait { get; set; } = WriterLease.DefaultWait;

    /// <summary>
    /// The writer lease of this store (its schema): a session-level advisory lock held on a connection of its own for the
    /// run (released by the server when the connection ends, however the run ends).
    /// </summary>
    public IDisposable AcquireWriterLease(Action<string>? waiting = null)
    {
        var connection = _source.OpenConnection();
        try
        {
            return WriterLease.Take(() => Scalar(connection, $"SELECT pg_try_advisory_lock({WriterLockKeys})", WriterLock) is true ? new AdvisoryLease(connection) : null,
                PostgresConnectionString.Describe(connection.ConnectionString), WriterLeaseWait, waiting);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>The writer lease held on <paramref name="connection"/>: unlocked, and the connection closed, when disposed.</summary>
    private sealed class AdvisoryLease(NpgsqlConnection connection) : IDisposable
    {
        public void Dispose()
        {
            try
            {
                Execute(connection, null, $"SELECT pg_advisory_unlock({WriterLockKeys})", WriterLock);
            }
            finally
            {
                connection.Dispose();
            }
        }
    }

    /// <summary>The schema version (number of migration steps applied).</summary>
    public int SchemaVersion
    {
        get
        {
            using var connection = _source.OpenConnection();
            return Convert.ToInt32(Scalar(connection, "SELECT coalesce(max(version), 0) FROM schema_migrations"), System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    /// <inheritdoc />
    public int DocumentCount
    {
        get
        {
            using var connection = _source.OpenConnection();
            return Convert.ToInt32(Scalar(connection, "SELECT count(*) FROM documents"), System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    /// <inheritdoc />
    public long LastArrival
    {
        get
        {
            using var connection = _source.OpenConnection();
            return Convert.ToInt64(Scalar(connection, "SELECT coalesce(max(seq), 0) FROM documents"), System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    /// <inheritdoc />
    public bool Contains(string sha256, string pipelineVersion)
    {
        using var connection = _source.OpenConnection();
        return Scalar(connection, "SELECT 1 FROM documents WHERE sha256 = $1 AND pipeline_version = $2", sha256, pipelineVersion) is not null;
    }

    /// <inheritdoc />
    /// <remarks>A batch that comes with its places takes the arrival lock shared: such batches save side by side.</remarks>
    public bool ConcurrentWriters => true;

    /// <inheritdoc />
    public void Save(IReadOnlyList<StoredDocument> batch) => Save(EncodedDocument.All(batch));

    /// <inheritdoc />
    public void Save(IReadOnlyList<EncodedDocument> batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Count == 0) return;
        // Two batches that carry one document and save side by side (their places given) both insert it: an upsert's
        // ON CONFLICT settles the race on its own key (sha256) only, and the row's other unique key (its id, made from the
        // same bytes) can then fail in the later transaction. Saved again, that one finds the row committed and updates it.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                SaveOnce(batch);
                return;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation && attempt < 3)
            {
            }
        }
    }

    /// <summary>Saves <paramref name="batch"/> in one transaction (rolled back whole when a statement fails).</summary>
    private void SaveOnce(IReadOnlyList<EncodedDocument> batch)
    {
        // Rows locked in one order by every writer: two processes saving overlapping batches never deadlock.
        var order = Enumerable.Range(0, batch.Count).OrderBy(i => batch[i].Sha256, StringComparer.Ordinal).ToList();
        using var connection = _source.OpenConnection();
        using var transaction = connection.BeginTransaction();
        // A document keeps the place in the arrival order it first had; one saved without a place goes after the rest
        // (places given out one writer at a time, so two processes never give the same one, and after every place
        // saved before: a writer that gives places holds the arrival lock alone). A batch whose documents all come with
        // their places (a cluster's batches, numbered by the client) holds it shared: such batches, one per worker,
        // save side by side instead of one after another, and none runs while places are being given out.
        var placed = batch.All(e => e.Arrival > 0);
        Execute(connection, transaction, placed ? "SELECT pg_advisory_xact_lock_shared($1)" : "SELECT pg_advisory_xact_lock($1)", ArrivalLock);
        var last = placed ? 0 : Convert.ToInt64(Scalar(connection, "SELECT coalesce(max(seq), 0) FROM documents", transaction), System.Globalization.CultureInfo.InvariantCulture);
        var seqs = batch.Select(item => item.Arrival > 0 ? item.Arrival : ++last).ToArray();
        var kept = new string[batch.Count];
        using (var upsert = new NpgsqlBatch(connection, transaction))
        {
            foreach (var i in order)
            {
                var item = batch[i];
                // The source is not updated: the bytes keep the path they were first read from (returned, so that the
                // stored document says so too).
                upsert.BatchCommands.Add(BatchCommand("""
                    INSERT INTO documents (id, sha256, source, format, pipeline_version, document, analysis, raw, seq, linked)
                    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, false)
                    ON CONFLICT (sha256) DO UPDATE SET
                        format = excluded.format, pipeline_version = excluded.pipeline_version,
                        document = excluded.document, analysis = excluded.analysis, linked = false
                    RETURNING source
                    """, item.Id, item.Sha256, item.Source, item.Format, item.PipelineVersion,
                    item.DocumentJson, item.AnalysisJson, item.CompressedRaw, seqs[i]));
            }
            using var reader = upsert.ExecuteReader();
            var n = 0;
            do
            {
                if (reader.Read()) kept[order[n]] = reader.GetString(0);
                n++;
            }
            while (reader.NextResult());
        }
        using (var index = new NpgsqlBatch(connection, transaction))
        {
            foreach (var i in order)
            {
                var item = batch[i];
                if (kept[i] is { } source && source != item.Source)
                    index.BatchCommands.Add(BatchCommand("UPDATE documents SET document = $2 WHERE sha256 = $1",
                        item.Sha256, JsonSerializer.Serialize(item.ReadDocument() with { Source = source }, ModelJson.Compact.Document)));
                var row = batch[i].Search;
                index.BatchCommands.Add(BatchCommand("""
                    INSERT INTO search (kind, id, story, document, text, words) VALUES ($1, $2, NULL, $3, $4, $5::tsvector)
                    ON CONFLICT (id) WHERE kind = 'document' DO UPDATE SET text = excluded.text, words = excluded.words
                    """, row.Kind, row.Id, row.Document, NoNul(row.Text), PostgresText.Vector(row.Text)));
            }
            index.ExecuteNonQuery();
        }
        transaction.Commit();
    }

    /// <inheritdoc />
    public void SaveProblems(IEnumerable<Problem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        using var connection = _source.OpenConnection();
        using var transaction = connection.BeginTransaction();
        using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var problem in problems)
            batch.BatchCommands.Add(BatchCommand("INSERT INTO problems (source, error) VALUES ($1, $2) ON CONFLICT (md5(source), md5(error)) DO NOTHING", NoNul(problem.Source), NoNul(problem.Error)));
        if (batch.BatchCommands.Count > 0) batch.ExecuteNonQuery();
        transaction.Commit();
    }

    /// <inheritdoc />
    public void ClearProblems(string source, IReadOnlyCollection<string>? keep = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        using var connection = _source.OpenConnection();
        // starts_with, not LIKE: a path may hold '%' or '_'.
        Execute(connection, null, "DELETE FROM problems WHERE (source = $1 OR starts_with(source, $2)) AND NOT (source = ANY($3))",
            NoNul(source), NoNul(source) + "#", (object)(keep ?? []).Select(NoNul).ToArray());
    }

    /// <inheritdoc />
    public IReadOnlyList<Problem> ReadProblems()
    {
        var problems = new List<Problem>();
        using var connection = _source.OpenConnection();
        using var command = Command(connection, null, "SELECT source, error FROM problems");
        using var reader = command.ExecuteReader();
        while (reader.Read()) problems.Add(new Problem(reader.GetString(0), reader.GetString(1)));
        problems.Sort(ProblemOrder.Instance);
        return problems;
    }

    /// <inheritdoc />
    public void SaveCorpus(CorpusUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        // Encoded before the transaction, on every core: the link state of a run from scratch is millions of small values.
        var state = update.LinkState.AsParallel().AsOrdered().ToList();
        using var connection = _source.OpenConnection();
        using var transaction = connection.BeginTransaction();
        Execute(connection, transaction, "SELECT pg_advisory_xact_lock($1)", CorpusLock);
        WriteLinks(connection, transaction, update);
        WriteLinkState(connection, transaction, update, state);
        WriteStories(connection, transaction, update);
        Execute(connection, transaction, "INSERT INTO corpus (name, json) VALUES ('failed', $1) ON CONFLICT (name) DO UPDATE SET json = excluded.json",
            JsonSerializer.Serialize([.. update.FailedStages], ModelJson.Compact.ListStageFailure));
        transaction.Commit();
    }

    /// <inheritdoc />
    public string? ReadLinkVersion() => FindText("SELECT json FROM corpus WHERE name = $1", "link-version");

    /// <inheritdoc />
    public IReadOnlyDictionary<long, byte[]> ReadLinkState(int space, IReadOnlyCollection<long> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var values = new Dictionary<long, byte[]>(keys.Count);
        using var connection = _source.OpenConnection();
        foreach (var chunk in keys.Chunk(Chunk))
        {
            using var command = Command(connection, null, "SELECT key, value FROM link_state WHERE space = $1 AND key = ANY($2)", space, chunk);
            using var reader = command.ExecuteReader();
            while (reader.Read()) values[reader.GetInt64(0)] = (byte[])reader.GetValue(1);
        }
        return values;
    }

    /// <inheritdoc />
    public IEnumerable<(Document Document, DocumentAnalysis Analysis)> ReadForLinking(bool all) => StoreRows.Paged((long.MinValue, ""), after =>
    {
        var page = new List<string[]>();
        using (var connection = _source.OpenConnection())
        using (var command = Command(connection, null, $"""
            SELECT seq, id, document, analysis FROM documents
            WHERE {(all ? "" : "NOT linked AND ")}(seq, id) > ($1, $2) ORDER BY seq, id LIMIT 256
            """, after.Item1, after.Item2))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                after = (reader.GetInt64(0), reader.GetString(1));
                page.Add([reader.GetString(2), reader.GetString(3)]);
            }
        }
        return (StoreRows.ParsePage(page, StoreRows.ParseForLinking), after);
    });

    /// <inheritdoc />
    public IReadOnlyDictionary<string, string> ReadStoryFingerprints()
    {
        var fingerprints = new Dictionary<string, string>(StringComparer.Ordinal);
        using var connection = _source.OpenConnection();
        using var command = Command(connection, null, "SELECT id, fingerprint FROM stories");
        using var reader = command.ExecuteReader();
        while (reader.Read()) fingerprints[reader.GetString(0)] = reader.GetString(1);
        return fingerprints;
    }

    /// <inheritdoc />
    public IReadOnlyList<Story> ReadStories()
    {
        var stories = new List<Story>();
        using var connection = _source.OpenConnection();
        using var command = Command(connection, null, "SELECT story FROM stories ORDER BY first_document");
        using var reader = command.ExecuteReader();
        while (reader.Read()) stories.Add(JsonSerializer.Deserialize(reader.GetString(0), ModelJson.Compact.Story)!);
        return stories;
    }

    /// <inheritdoc />
    public StoryFindings? LoadStory(string id) =>
        FindText("SELECT findings FROM stories WHERE id = $1", id) is { } json ? JsonSerializer.Deserialize(json, ModelJson.Compact.StoryFindings) : null;

    /// <inheritdoc />
    public IEnumerable<StoryFindings> ReadStoryFindings()
    {
        foreach (var json in ReadPaged("", "SELECT first_document, findings FROM stories WHERE first_document > $1 ORDER BY first_document LIMIT 64"))
            yield return JsonSerializer.Deserialize(json, ModelJson.Compact.StoryFindings)!;
    }

    /// <inheritdoc />
    public IEnumerable<T> ReadStoryPart<T>(string part, System.Text.Json.Serialization.Metadata.JsonTypeInfo<List<T>> type)
    {
        StoreRows.CheckPart(part);
        // The server cuts the part out of the stored JSON (json, not jsonb: the text is not re-parsed whole into a tree).
        foreach (var json in ReadPaged("", "SELECT first_document, coalesce((findings::json -> $2)::text, '[]') FROM stories WHERE first_document > $1 ORDER BY first_document LIMIT 64", part))
            foreach (var item in JsonSerializer.Deserialize(json, type) ?? []) yield return item;
    }

    /// <inheritdoc />
    public IEnumerable<KeyValuePair<string, DateEstimate>> ReadInferredDates()
    {
        // The server cuts the dates out of the stored JSON, as ReadStoryPart does a part.
        foreach (var json in ReadPaged("", "SELECT first_document, coalesce((findings::json -> 'inferredPublished')::text, '{}') FROM stories WHERE first_document > $1 ORDER BY first_document LIMIT 64"))
            foreach (var pair in JsonSerializer.Deserialize(json, ModelJson.Compact.DictionaryStringDateEstimate) ?? []) yield return pair;
    }

    /// <inheritdoc />
    public (int Stories, int Claims, int Quotes) CountStoryFindings()
    {
        using var connection = _source.OpenConnection();
        using var command = Command(connection, null, "SELECT count(*), coalesce(sum(json_array_length(findings::json -> 'claims')), 0), coalesce(sum(json_array_length(findings::json -> 'quotes')), 0) FROM stories");
        using var reader = command.ExecuteReader();
        reader.Read();
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        return (Convert.ToInt32(reader.GetValue(0), invariant), Convert.ToInt32(reader.GetValue(1), invariant), Convert.ToInt32(reader.GetValue(2), invariant));
    }

    /// <inheritdoc />
    public IEnumerable<Relation> ReadRelations()
    {
        foreach (var json in RelationRows())
            yield return JsonSerializer.Deserialize(json, ModelJson.Compact.Relation)!;
    }

    /// <inheritdoc />
    public IEnumerable<Entity> ReadEntities() => StoreRows.JoinEntities(EntityRows());

    /// <summary>Every entity row, in id order then story order, read in pages by keyset.</summary>
    private IEnumerable<Entity> EntityRows() => StoreRows.Paged(("", "", long.MinValue), after =>
    {
        var page = new List<Entity>();
        using var connection = _source.OpenConnection();
        using var command = Command(connection, null, "SELECT id, story, ord, entity FROM entities WHERE (id, story, ord) > ($1, $2, $3) ORDER BY id, story, ord LIMIT 1024",
            after.Item1, after.Item2, after.Item3);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            after = (reader.GetString(0), reader.GetString(1), reader.GetInt64(2));
            page.Add(JsonSerializer.Deserialize(reader.GetString(3), ModelJson.Compact.Entity)!);
        }
        return (page, after);
    });

    /// <summary>The relations' JSON by document, then in the order written (a story's are written together, sorted), in pages.</summary>
    private IEnumerable<string> RelationRows() => StoreRows.Paged(("", long.MinValue), after =>
    {
        var page = new List<string>();
        using var connection = _source.OpenConnection();
        using var command = Command(connection, null, "SELECT from_document, ord, relation FROM relations WHERE (from_document, ord) > ($1, $2) ORDER BY from_document, ord LIMIT 1024",
            after.Item1, after.Item2);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            after = (reader.GetString(0), reader.GetInt64(1));
            page.Add(reader.GetString(2));
        }
        return (page, after);
    });

    /// <inheritdoc />
    public string? StoryOf(string documentId) => FindText("SELECT story FROM document_links WHERE document = $1", documentId);

    /// <inheritdoc />
    public IReadOnlyDictionary<string, string> IndependenceGroupsOf(IEnumerable<string> documentIds)
    {
        ArgumentNullException.ThrowIfNull(documentIds);
        var groups = new Dictionary<string, string>(StringComparer.Ordinal);
        using var connection = _source.OpenConnection();
        using var command = Command(connection, null, "SELECT document, independence_group FROM document_links WHERE document = ANY($1)", (object)documentIds.Distinct(StringComparer.Ordinal).ToArray());
        using var reader = command.ExecuteReader();
        while (reader.Read()) groups[reader.GetString(0)] = reader.GetString(1);
        return groups;
    }

    /// <inheritdoc />
    public IReadOnlyList<Relation> RelationsOf(IEnumerable<string> documentIds)
    {
        ArgumentNullException.ThrowIfNull(documentIds);
        var relations = new List<Relation>();
        using var connection = _source.OpenConnection();
        using var command = Command(connection, null, "SELECT relation FROM relations WHERE from_document = ANY($1) OR to_document = ANY($1) ORDER BY ord",
            (object)documentIds.Distinct(StringComparer.Ordinal).ToArray());
        using var reader = command.ExecuteReader();
        while (reader.Read()) relations.Add(JsonSerializer.Deserialize(reader.GetString(0), ModelJson.Compact.Relation)!);
        return relations;
    }

    /// <inheritdoc />
    public IReadOnlyList<Entity> FindEntities(IEnumerable<string> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var entities = new List<Entity>();
        using var connection = _source.OpenConnection();
        using var command = Command(connection, null, "SELECT entity FROM entities WHERE id = ANY($1) ORDER BY id, story, ord", (object)ids.Distinct(StringComparer.Ordinal).ToArray());
        using var reader = command.ExecuteReader();
        while (reader.Read()) entities.Add(JsonSerializer.Deserialize(reader.GetString(0), ModelJson.Compact.Entity)!);
        return Extract.Entities.EntityMerge.Merge(entities);
    }

    /// <inheritdoc />
    public IReadOnlyList<StageFailure> LoadFailedStages() =>
        FindText("SELECT json FROM corpus WHERE name = $1", "failed") is { } json ? JsonSerializer.Deserialize(json, ModelJson.Compact.ListStageFailure) ?? [] : [];

    /// <inheritdoc />
    public CorpusResult LoadCorpus()
    {
        var groups = new SortedDictionary<string, string>(StringComparer.Ordinal);
        using (var connection = _source.OpenConnection())
        using (var command = Command(connection, null, "SELECT document, independence_group FROM document_links"))
        using (var reader = command.ExecuteReader())
            while (reader.Read()) groups[reader.GetString(0)] = reader.GetString(1);
        var links = new CorpusLinks { Relations = [.. ReadRelations()], IndependenceGroups = groups, FailedStages = LoadFailedStages() };
        return StoreRows.Assemble(links, ReadStoryFindings());
    }

    /// <inheritdoc />
    public IEnumerable<Document> ReadDocuments() =>
        ReadDocumentColumns("document", 1, row => JsonSerializer.Deserialize(row[0], ModelJson.Compact.Document)!);

    /// <inheritdoc />
    public IReadOnlyList<Document> ReadLatestDocuments(int skip, int take)
    {
        var documents = new List<Document>();
        using var connection = _source.OpenConnection();
        using var command = Command(connection, null, "SELECT document FROM documents ORDER BY seq DESC, id DESC LIMIT $1 OFFSET $2", (long)Math.Max(0, take), (long)Math.Max(0, skip));
        using var reader = command.ExecuteReader();
        while (reader.Read()) documents.Add(JsonSerializer.Deserialize(reader.GetString(0), ModelJson.Compact.Document)!);
        return documents;
    }

    /// <inheritdoc />
    public IReadOnlyList<Document> ReadDocumentsInNoStory()
    {
        var documents = new List<Document>();
        using var connection = _source.OpenConnection();
        using var command = Command(connection, null, """
            SELECT d.document FROM documents d
            WHERE NOT EXISTS (SELECT 1 FROM document_links l WHERE l.document = d.id AND l.story IS NOT NULL)
            ORDER BY d.id
            """);
        using var reader = command.ExecuteReader();
        while (reader.Read()) documents.Add(JsonSerializer.Deserialize(reader.GetString(0), ModelJson.Compact.Document)!);
        return documents;
    }

    /// <inheritdoc />
    public IEnumerable<(Document Document, DocumentAnalysis Analysis)> ReadAnalyses() =>
        ReadDocumentColumns("document, analysis", 2, StoreRows.ParseAnalysed);

    /// <inheritdoc />
    public Document? FindDocument(string id) =>
        FindText("SELECT document FROM documents WHERE id = $1", id) is { } json ? JsonSerializer.Deserialize(json, ModelJson.Compact.Document) : null;

    /// <inheritdoc />
    public DocumentAnalysis? FindAnalysis(string id) =>
        FindText("SELECT analysis FROM documents WHERE id = $1", id) is { } json ? JsonSerializer.Deserialize(json, ModelJson.Compact.DocumentAnalysis) : null;

    /// <inheritdoc />
    public byte[]? FindRaw(string documentId)
    {
        using var connection = _source.OpenConnection();
        return Scalar(connection, "SELECT raw FROM documents WHERE id = $1", documentId) is byte[] compressed ? StoreRows.Decompress(compressed) : null;
    }

    /// <inheritdoc />
    public IReadOnlyList<SearchHit> Search(string query, int limit)
    {
        ArgumentNullException.ThrowIfNull(query);
        var hits = new List<SearchHit>();
        var match = PostgresText.Query(query);
        if (match.Length == 0 || limit <= 0) return hits;
        using var connection = _source.OpenConnection();
        var spellings = OtherSpellings(connection, match);
        match = PostgresText.Query(query, spellings);
        var words = PostgresText.Lexemes(query);
        var exact = new HashSet<string>(words.Concat(spellings.SelectMany(s => s)), StringComparer.Ordinal);
        using var command = Command(connection, null, """
            SELECT kind, id, document, text FROM search WHERE words @@ $1::tsquery
            ORDER BY ts_rank(words, $1::tsquery) DESC, kind, id LIMIT $2
            """, match, limit);
        using var reader = command.ExecuteReader();
        while (reader.Read())
            hits.Add(new SearchHit(reader.GetString(0), reader.GetString(1), reader.GetString(2), PostgresText.Snippet(reader.GetString(3), exact, [words[^1]])));
        return hits;
    }

    /// <summary>
    /// The spellings (each as its folded words) of the best few entities the query names, so that a query also finds
    /// the other names they go by, as the SQLite store widens its queries.
    /// </summary>
    private static List<IReadOnlyList<string>> OtherSpellings(NpgsqlConnection connection, string match)
    {
        const int Entities = 5;
        var spellings = new SortedDictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        using var command = Command(connection, null, $"""
            SELECT text FROM search WHERE kind = 'entity' AND words @@ $1::tsquery
            ORDER BY ts_rank(words, $1::tsquery) DESC, id LIMIT {Entities}
            """, match);
        using var reader = command.ExecuteReader();
        while (reader.Read())
            foreach (var spelling in reader.GetString(0).Split('\n'))
                if (PostgresText.Lexemes(spelling) is { Count: > 0 } words) spellings.TryAdd(string.Join(' ', words), words);
        return [.. spellings.Values];
    }

    /// <inheritdoc />
    public void Dispose() => _source.Dispose();

    /// <summary>
    /// Writes the relations from the documents of the stories made and each such document's story and independence
    /// group (replacing theirs; everything, on a rebuild).
    /// </summary>
    private static void WriteLinks(NpgsqlConnection connection, NpgsqlTransaction transaction, CorpusUpdate update)
    {
        var links = StoreRows.DocumentLinks(update);
        var documents = links.Select(l => l.Document).ToArray();
        if (update.Rebuild)
        {
            Execute(connection, transaction, "DELETE FROM relations");
            Execute(connection, transaction, "DELETE FROM document_links");
        }
        else
        {
            Execute(connection, transaction, "DELETE FROM relations WHERE from_document = ANY($1)", (object)documents);
        }
        Copy(connection, "relations (from_document, to_document, relation)",
            update.Relations.Select(r => new[] { r.From, r.To, JsonSerializer.Serialize(r, ModelJson.Compact.Relation) }));
        Execute(connection, transaction, """
            INSERT INTO document_links (document, story, independence_group) SELECT * FROM unnest($1::text[], $2::text[], $3::text[])
            ON CONFLICT (document) DO UPDATE SET story = excluded.story, independence_group = excluded.independence_group
            """, documents, links.Select(l => l.Story).ToArray(), links.Select(l => l.Group).ToArray());
    }

    /// <summary>Writes the link state's changed values, what made it, and which documents the linking stages have seen.</summary>
    private static void WriteLinkState(NpgsqlConnection connection, NpgsqlTransaction transaction, CorpusUpdate update, List<Link.LinkStateRow> rows)
    {
        if (update.Rebuild)
        {
            Execute(connection, transaction, "DELETE FROM link_state");
            Execute(connection, transaction, "UPDATE documents SET linked = false WHERE linked");
        }
        // The last value of a key wins, as when each replaces the one before (one statement may not touch a row twice).
        var last = new Dictionary<(int, long), int>(rows.Count);
        for (var i = 0; i < rows.Count; i++) last[(rows[i].Space, rows[i].Key)] = i;
        foreach (var chunk in last.Values.Order().Select(i => rows[i]).Chunk(Chunk))
            Execute(connection, transaction, """
                INSERT INTO link_state (space, key, value) SELECT * FROM unnest($1::integer[], $2::bigint[], $3::bytea[])
                ON CONFLICT (space, key) DO UPDATE SET value = excluded.value
                """, chunk.Select(r => r.Space).ToArray(), chunk.Select(r => r.Key).ToArray(), chunk.Select(r => r.Value).ToArray());
        // Only the documents the stages read: a run from scratch in parts links the rest in the parts after this one.
        if (update.LinkVersion.Length > 0)
            foreach (var chunk in update.Linked.Chunk(Chunk))
                Execute(connection, transaction, "UPDATE documents SET linked = true WHERE id = ANY($1) AND NOT linked", (object)chunk);
        Execute(connection, transaction, "INSERT INTO corpus (name, json) VALUES ('link-version', $1) ON CONFLICT (name) DO UPDATE SET json = excluded.json",
            update.LinkVersion);
    }

    /// <summary>
    /// Writes the stories: the findings in the update replace what was stored, with their claims, quotes and entities
    /// indexed for search; the other stories made keep their stored findings; the stories removed (every story not
    /// made, on a rebuild) go with their rows.
    /// </summary>
    private static void WriteStories(NpgsqlConnection connection, NpgsqlTransaction transaction, CorpusUpdate update)
    {
        var clear = StoreRows.StoriesToClear(update, () =>
        {
            var stored = new List<string>();
            using var command = Command(connection, transaction, "SELECT id FROM stories");
            using var reader = command.ExecuteReader();
            while (reader.Read()) stored.Add(reader.GetString(0));
            return stored;
        }).ToArray();
        foreach (var table in new[] { "search WHERE story", "entities WHERE story", "stories WHERE id" })
            Execute(connection, transaction, $"DELETE FROM {table} = ANY($1)", (object)clear);
        // The findings given as objects encoded once (on every core), with those encoded where they were made.
        var rows = EncodedStory.All(update.Findings, update.EncodedFindings).ToList();
        Copy(connection, "stories (id, first_document, fingerprint, story, findings)", rows.Select(f => new[]
        {
            f.Id, f.FirstDocument, f.Fingerprint, f.StoryJson, f.FindingsJson,
        }));
        Copy(connection, "search (kind, id, story, document, text, words)", rows.SelectMany(f => f.Search)
            .Select(r => new[] { r.Kind, r.Id, r.Story, r.Document, NoNul(r.Text), PostgresText.Vector(r.Text) }));
        Copy(connection, "entities (id, story, entity)", rows.SelectMany(f => f.Entities.Select(e => new[]
        {
            e.Id, f.Id, System.Text.Encoding.UTF8.GetString(e.Utf8),
        })));
    }

    /// <summary>
    /// Loads rows with COPY in text format (far fewer round trips and less parsing than one INSERT a row), in order:
    /// identity columns number them as given. Null is written as \N; backslash, tab and line breaks are escaped.
    /// </summary>
    private static void Copy(NpgsqlConnection connection, string target, IEnumerable<string?[]> rows)
    {
        using var writer = connection.BeginTextImport($"COPY {target} FROM STDIN");
        foreach (var row in rows)
        {
            for (var i = 0; i < row.Length; i++)
            {
                if (i > 0) writer.Write('\t');
                if (row[i] is not { } value)
                {
                    writer.Write("\\N");
                    continue;
                }
                foreach (var c in value)
                {
                    switch (c)
                    {
                        case '\\': writer.Write("\\\\"); break;
                        case '\t': writer.Write("\\t"); break;
                        case '\n': writer.Write("\\n"); break;
                        case '\r': writer.Write("\\r"); break;
                        case '\0': writer.Write('\uFFFD'); break;
                        default: writer.Write(c); break;
                    }
                }
            }
            writer.Write('\n');
        }
    }

    /// <summary>
    /// Reads one text column in pages by keyset on a unique order column (the query takes $1 after, selects order then
    /// text), a connection per page: none is held while a caller works on a row.
    /// </summary>
    private IEnumerable<string> ReadPaged<TKey>(TKey first, string sql, params object[] more) where TKey : notnull => StoreRows.Paged(first, after =>
    {
        var page = new List<string>();
        using var connection = _source.OpenConnection();
        using var command = Command(connection, null, sql, [after, .. more]);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            after = reader.GetFieldValue<TKey>(0);
            page.Add(reader.GetString(1));
        }
        return (page, after);
    });

    /// <summary>Reads document columns in pages of 256 by keyset (id after the last), each page parsed on every core, given out in id order.</summary>
    private IEnumerable<T> ReadDocumentColumns<T>(string columns, int count, Func<string[], T> parse) => StoreRows.Paged("", after =>
    {
        var page = new List<string[]>();
        using (var connection = _source.OpenConnection())
        using (var command = Command(connection, null, $"SELECT id, {columns} FROM documents WHERE id > $1 ORDER BY id LIMIT 256", after))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                var row = new string[count];
                for (var i = 0; i < count; i++) row[i] = reader.GetString(i + 1);
                page.Add(row);
                after = reader.GetString(0);
            }
        }
        return (StoreRows.ParsePage(page, parse), after);
    });

    private string? FindText(string sql, string id)
    {
        using var connection = _source.OpenConnection();
        return Scalar(connection, sql, id) as string;
    }

    private void Migrate()
    {
        using var connection = _source.OpenConnection();
        // Session-level lock: processes opening one database at once migrate it one after the other.
        Execute(connection, null, "SELECT pg_advisory_lock($1)", MigrationLock);
        try
        {
            Execute(connection, null, PostgresMigrations.VersionTable);
            var version = Convert.ToInt32(Scalar(connection, "SELECT coalesce(max(version), 0) FROM schema_migrations"), System.Globalization.CultureInfo.InvariantCulture);
            if (version > PostgresMigrations.All.Length)
                throw new InvalidOperationException($"the store was made by a newer Triangulate (schema {version}, this one knows {PostgresMigrations.All.Length})");
            for (var i = version; i < PostgresMigrations.All.Length; i++)
            {
                using var transaction = connection.BeginTransaction();
                Execute(connection, transaction, PostgresMigrations.All[i]);
                Execute(connection, transaction, "INSERT INTO schema_migrations (version) VALUES ($1)", i + 1);
                transaction.Commit();
            }
        }
        finally
        {
            Execute(connection, null, "SELECT pg_advisory_unlock($1)", MigrationLock);
        }
    }

    /// <summary>PostgreSQL text cannot hold U+0000: it is kept as U+FFFD in free text (problems, search text).</summary>
    private static string NoNul(string text) => text.Contains('\0', StringComparison.Ordinal) ? text.Replace('\0', '\uFFFD') : text;

    // An array argument must be passed cast to object: a string[] alone would be taken as the whole params array.
    private static NpgsqlCommand Command(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, params object?[] values)
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var value in values) command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        return command;
    }

    private static NpgsqlBatchCommand BatchCommand(string sql, params object?[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values) command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        return command;
    }

    private static void Execute(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, params object?[] values)
    {
        using var command = Command(connection, transaction, sql, values);
        command.ExecuteNonQuery();
    }

    private static object? Scalar(NpgsqlConnection connection, string sql, params object?[] values) => Scalar(connection, sql, null, values);

    private static object? Scalar(NpgsqlConnection connection, string sql, NpgsqlTransaction? transaction, params object?[] values)
    {
        using var command = Command(connection, transaction, sql, values);
        return command.ExecuteScalar();
    }
}
