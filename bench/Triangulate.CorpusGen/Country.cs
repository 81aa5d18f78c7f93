namespace Triangulate.CorpusGen;

/// <summary>A country as the four languages name it, with the currency its companies report in.</summary>
internal sealed record Country(string En, string De, string Fr, string Es, string Currency)
{
    public Fact Name => Fact.Local(En, De, Fr, Es);
}
