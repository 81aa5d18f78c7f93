using System.Text.Json.Serialization;

namespace Triangulate.Model;

/// <summary>What a block of a page is: the article's own parts, or the furniture around it.</summary>
[JsonConverter(typeof(KebabCaseEnumConverter<BlockKind>))]
public enum BlockKind
{
    /// <summary>The headline.</summary>
    Title,
    /// <summary>Who wrote it.</summary>
    Byline,
    /// <summary>Where (and sometimes when) it was filed.</summary>
    Dateline,
    /// <summary>The article text.</summary>
    Body,
    /// <summary>A photo or video caption.</summary>
    Caption,
    /// <summary>A credit line (photo credit, "MUST CREDIT", "Cre: X").</summary>
    Credit,
    /// <summary>The publication's name, logo text and tagline.</summary>
    Masthead,
    /// <summary>Menus, breadcrumbs, pagers.</summary>
    Navigation,
    /// <summary>Sponsored content and advert placeholders.</summary>
    Advert,
    /// <summary>Links to other articles inside or after the article ("ALSO READ").</summary>
    Related,
    /// <summary>Lists of other articles with their summaries ("Most Popular").</summary>
    Teaser,
    /// <summary>Readers' comments and their furniture.</summary>
    Comment,
    /// <summary>Anything else.</summary>
    Other,
}
