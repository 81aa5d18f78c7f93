namespace Triangulate.Extract;

/// <summary>What a word of <c>Data/countries.tsv</c> is.</summary>
internal enum NationWord
{
    /// <summary>Not in the list.</summary>
    None,

    /// <summary>A country or region name ("Kenya", "United States"): a place.</summary>
    Country,

    /// <summary>A capital or main city ("Nairobi"): a place.</summary>
    City,

    /// <summary>A nationality adjective ("Kenyan", "Chilean"): a modifier, never a name by itself.</summary>
    Adjective,

    /// <summary>A people ("Kenyans", "Chileans"): a group, never a name.</summary>
    People,
}
