using System.Text.Json.Nodes;
using Triangulate.Tests.Support;

namespace Triangulate.Tests.EndToEnd;

/// <summary>`analyze` into PostgreSQL makes the dossier that `analyze` into SQLite makes.</summary>
public sealed class PostgresAnalyzeTests : IDisposable
{
    private readonly PostgresTestDatabase _database = new();

    [PostgresFact]
    public void The_example_dossier_from_postgres_equals_the_one_from_sqlite()
    {
        using var temp = new TempFolder();
        var fromSqlite = Analyze(temp.File("sqlite"), temp.File("t.db"));
        var fromPostgres = Analyze(temp.File("postgres"), _database.Schema("kursk"));
        Assert.True(fromSqlite["documents"]!.AsArray().Count > 0);
        Assert.Equal(fromSqlite.ToJsonString(), fromPostgres.ToJsonString());
    }

    private static JsonObject Analyze(string outFolder, string db)
    {
        Assert.Equal(0, Triangulate.Cli.TriangulateCli.Run(["analyze", TestPaths.KurskExample, "--out", outFolder, "--db", db, "--format", "json", "--quiet"]));
        var dossier = JsonNode.Parse(File.ReadAllText(Path.Combine(outFolder, "dossier.json")))!.AsObject();
        // The time of writing is the one thing two runs may differ in.
        dossier.Remove("generated");
        return dossier;
    }

    public void Dispose() => _database.Dispose();
}
