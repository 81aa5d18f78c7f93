namespace Triangulate.CorpusGen;

/// <summary>What an outlet does with news: writes it (wire), republishes and rewrites it (newspaper), or scrapes it.</summary>
internal enum OutletRole
{
    Wire,
    Newspaper,
    Aggregator,
}
