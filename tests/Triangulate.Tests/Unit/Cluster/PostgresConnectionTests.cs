using Npgsql;
using Triangulate.Cluster;

namespace Triangulate.Tests.Unit.Cluster;

/// <summary>A PostgreSQL location is taken as a URL or as a connection string, and told apart from a store file.</summary>
public sealed class PostgresConnectionTests
{
    [Fact]
    public void AUrlBecomesTheConnectionStringItNames()
    {
        var built = new NpgsqlConnectionStringBuilder(PostgresConnection.ConnectionString("postgres://ana:p%40ss@db.example:6543/news?sslmode=require"));
        Assert.Equal("db.example", built.Host);
        Assert.Equal(6543, built.Port);
        Assert.Equal("news", built.Database);
        Assert.Equal("ana", built.Username);
        Assert.Equal("p@ss", built.Password);
        Assert.Equal(SslMode.Require, built.SslMode);
    }

    [Fact]
    public void AUrlWithoutPortTakesPostgresDefault() =>
        Assert.Equal(5432, new NpgsqlConnectionStringBuilder(PostgresConnection.ConnectionString("postgresql://localhost/news")).Port);

    [Fact]
    public void AConnectionStringIsKept() =>
        Assert.Equal("news", new NpgsqlConnectionStringBuilder(PostgresConnection.ConnectionString("Host=localhost;Database=news")).Database);

    [Theory]
    [InlineData("postgres://localhost/news", true)]
    [InlineData("Host=localhost;Database=news", true)]
    [InlineData("./triangulate.db", false)]
    [InlineData("/data/postgres.db", false)]
    public void ALocationIsPostgresOnlyWhenItNamesAServer(string location, bool expected) =>
        Assert.Equal(expected, PostgresConnection.IsPostgres(location));
}

/// <summary>Workers and clients of one store form one cluster; workers over another store are another cluster.</summary>
public sealed class ClusterNameTests
{
    [Fact]
    public void OneStoreWrittenTwoWaysIsOneCluster()
    {
        Assert.Equal(ClusterHosting.NameFor("postgres://ana:secret@db.example/news"), ClusterHosting.NameFor("Host=DB.example;Port=5432;Database=news;Username=bo"));
        Assert.Equal(ClusterHosting.NameFor("store.db"), ClusterHosting.NameFor(Path.Combine(Environment.CurrentDirectory, "store.db")));
    }

    [Fact]
    public void AnotherStoreIsAnotherCluster()
    {
        Assert.NotEqual(ClusterHosting.NameFor("postgres://db.example/news"), ClusterHosting.NameFor("postgres://db.example/archive"));
        Assert.NotEqual(ClusterHosting.NameFor("/data/a.db"), ClusterHosting.NameFor("/data/b.db"));
    }
}
