namespace Triangulate.Extract;

/// <summary>What a word of <c>Data/countries.tsv</c> is.</summary>
internal enum NationWord
{
    /// <summary>Not in the list.</summary>
    None,

    /// <summary>A country or region name ("Ukraine", "United States"): a place.</summary>
    Country,

    /// <summary>A capital or main city ("Kyiv"): a place.</summary>
    City,

    /// <summary>A nationality adjective ("Ukrainian", "North Korean"): a modifier, never a name by itself.</summary>
    Adjective,

    /// <summary>A people ("Ukrainians", "North Koreans"): a group, never a name.</summary>
    People,
}
