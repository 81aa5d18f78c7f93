namespace Triangulate.CorpusGen;

/// <summary>An invented football club with its home town, ground, coach and squad.</summary>
internal sealed record Team(string Name, Town Home, string Ground, Person Coach, Person[] Squad, string League);
