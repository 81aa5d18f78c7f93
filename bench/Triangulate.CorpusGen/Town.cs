namespace Triangulate.CorpusGen;

/// <summary>An invented town in a region of a country; its officials are fixed so that they recur across its stories.</summary>
internal sealed record Town(int Index, string Name, string Region, Country Country, Person Mayor, Person FireChief, Person PoliceSpokesperson, Person Judge);
