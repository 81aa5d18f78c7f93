namespace Triangulate.Ingest;

/// <summary>Names of the <see cref="TextSegment.Features"/> the HTML reader sets, shared with the classifier.</summary>
internal static class HtmlFeatures
{
    /// <summary>Characters of the segment.</summary>
    public const string Length = "length";
    /// <summary>Share of the segment's characters inside links (0-1).</summary>
    public const string LinkDensity = "linkDensity";
    /// <summary>Element depth of the block that holds the text.</summary>
    public const string Depth = "depth";
    /// <summary>Sum of class/id hint weights over the block and its ancestors.</summary>
    public const string ClassScore = "classScore";
    /// <summary>Commas in the segment (Readability counts them as a sign of prose).</summary>
    public const string Commas = "commas";
    /// <summary>1 for a &lt;p&gt;.</summary>
    public const string Paragraph = "p";
    /// <summary>Heading level 1-6, else absent.</summary>
    public const string Heading = "heading";
    /// <summary>1 for a list item.</summary>
    public const string ListItem = "li";
    /// <summary>1 for a table cell.</summary>
    public const string TableCell = "td";
    /// <summary>Prefix of ancestor flags: "in.article", "in.nav", ...</summary>
    public const string InPrefix = "in.";
    /// <summary>Prefix of kinds suggested by ancestors' class/id words: "kind.comment", ...</summary>
    public const string KindPrefix = "kind.";
}
