namespace Triangulate.CorpusGen;

/// <summary>An invented person: names come from generated pools, never from real people.</summary>
internal sealed record Person(string Given, string Surname, bool Female)
{
    public string Full => $"{Given} {Surname}";
}
