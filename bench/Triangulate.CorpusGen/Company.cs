namespace Triangulate.CorpusGen;

/// <summary>An invented listed company with its sector and executives.</summary>
internal sealed record Company(string Name, string Ticker, Fact Sector, Town Headquarters, Person Chief, Person FinanceChief, double Revenue)
{
    public string Currency => Headquarters.Country.Currency;
}
