using Triangulate.Reconcile;

namespace Triangulate.Link.Stories;

/// <summary>
/// Two headlines in one frame that put different names in one slot ("Brohoff nominates Dikina Ellek as chief
/// prosecutor" / "Brohoff nominates Dron Munbek as chief prosecutor"; "Magnitude 5.1 earthquake strikes near Lakeport,
/// Freedonia" / "Magnitude 5.0 earthquake strikes near Hillbury, Sylvania"): a headline names what its event is about,
/// so the same frame about another person or place reports another event of one kind, where one report never names the
/// other's. Reports of one event name the same people and places; where one headline gives a name the other leaves out
/// or moves, or the other report names it anywhere in its text, nothing is said (<see cref="ClaimFrames.SubstitutedNames"/>
/// reads the frames, a document's words the rest). Figures alone are no names here (<see cref="HeadlineFigures"/> reads them).
/// </summary>
internal static class HeadlineNames
{
    /// <summary>A headline read as a frame, its opening name counted (<see cref="Frame.Empty"/> when there is none).</summary>
    public static Frame Of(string? headline) =>
        string.IsNullOrEmpty(headline) ? Frame.Empty : Frame.Read(headline, 0, headline.Length, -1, -1, headline: true);

    /// <summary>
    /// The name a headline puts in the slot where <paramref name="other"/> puts another (<paramref name="headline"/>'s
    /// first), or null when the two are not one frame with one name substituted.
    /// </summary>
    public static (string Own, string Other)? Substituted(Frame headline, Frame other) =>
        headline.Slots.Count == 0 || other.Slots.Count == 0 ? null : ClaimFrames.SubstitutedNames(headline, other);

    /// <summary>
    /// True when <paramref name="headline"/> and <paramref name="other"/> are one frame with one name substituted and the
    /// document under <paramref name="headline"/> (<paramref name="words"/>) never names the other's: not one of that
    /// name's words occurs in its text.
    /// </summary>
    public static bool Conflict(Frame headline, DocumentWords words, Frame other)
    {
        ArgumentNullException.ThrowIfNull(headline);
        ArgumentNullException.ThrowIfNull(words);
        ArgumentNullException.ThrowIfNull(other);
        return Substituted(headline, other) is { } names && !Named(words, names.Other);
    }

    /// <summary>True when a word of <paramref name="name"/> (lower case, words by spaces) occurs in the document.</summary>
    public static bool Named(DocumentWords words, string name)
    {
        ArgumentNullException.ThrowIfNull(words);
        ArgumentNullException.ThrowIfNull(name);
        foreach (var word in name.Split(' '))
            if (word.Length > 0 && !char.IsDigit(word[0]) && words.Has(word)) return true;
        return false;
    }
}
