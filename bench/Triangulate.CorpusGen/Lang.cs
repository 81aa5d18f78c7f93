namespace Triangulate.CorpusGen;

/// <summary>The languages the generator writes: English originals, and German, French and Spanish renderings.</summary>
public enum Lang
{
    En,
    De,
    Fr,
    Es,
}
