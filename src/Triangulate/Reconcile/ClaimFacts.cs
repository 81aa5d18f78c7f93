using System.Text;
using Triangulate.Model;

namespace Triangulate.Reconcile;

/// <summary>A matched claim with what the contradiction and series rules compare: subject words, status group, whether it is tied to a moment of its own, and its voices.</summary>
internal sealed class ClaimFacts
{
    private readonly CorpusContext _context;

    public ClaimFacts(Claim claim, CorpusContext context)
    {
        Claim = claim;
        _context = context;
        SubjectWords = ContentWords.SubjectOf(claim.Subject, claim.Subject ?? claim.Text);
        TextWords = ContentWords.Of(claim.Text);
        StatusGroup = DraftFeatures.StatusGroup(claim.Status);
        Qualified = HasQualifier(claim);
    }

    public Claim Claim { get; }

    /// <summary>
    /// For counts: the fates their mentions' sentences give the counted things (<see cref="DraftFeatures.FatesIn"/>),
    /// read from the documents on first use; empty for other claims.
    /// </summary>
    public string[] Fates => _fates ??= ReadFates();

    private string[]? _fates;

    private string[] ReadFates()
    {
        if (!DraftFeatures.IsCount(Claim.Kind, Claim.Measure)) return [];
        var fates = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var mention in Claim.Mentions)
            if (_context.Corpus.FindDocument(mention.Span.Document)?.Text is { } text) fates.UnionWith(DraftFeatures.FatesIn(text, mention.Span));
        return [.. fates];
    }

    /// <summary>
    /// True when a mention of the figure is a modifier of its noun ("a 12-inch laptop", <see cref="Figures.IsAttributive"/>):
    /// it picks a thing out rather than reporting how much there is. Read on first use (the contradiction stage asks it
    /// of every pair a claim is compared in).
    /// </summary>
    public bool Attributive => _attributive ??= ReadAttributive();

    private bool? _attributive;

    private bool ReadAttributive()
    {
        if (Claim.Kind != ClaimKind.Quantity) return false;
        foreach (var mention in Claim.Mentions) if (Figures.IsAttributive(mention.Span.Excerpt)) return true;
        return false;
    }

    /// <summary>
    /// True when a mention gives the figure as the object of a verb of change ("cut 4,000 jobs", <see
    /// cref="Figures.AfterChangeVerb"/>): a part that comes or goes, not the level of what it counts. Read on first use.
    /// </summary>
    public bool Change => _change ??= ReadChange();

    private bool? _change;

    private bool ReadChange()
    {
        if (Claim.Kind != ClaimKind.Quantity) return false;
        foreach (var mention in Claim.Mentions)
            if (_context.Corpus.FindDocument(mention.Span.Document)?.Text is { } text && Figures.AfterChangeVerb(text, mention.Span.Start)) return true;
        return false;
    }

    /// <summary>
    /// For distances: the places its mentions measure from (<see cref="Figures.ReferencePlace"/>), read from the
    /// documents on first use; empty when none names one.
    /// </summary>
    public HashSet<string> References => _references ??= ReadReferences();

    private HashSet<string>? _references;

    private HashSet<string> ReadReferences()
    {
        var places = new HashSet<string>(StringComparer.Ordinal);
        // Only distances name a place they are measured from: no other claim's documents are looked up.
        if (Claim.Kind != ClaimKind.Quantity || !string.Equals(Claim.Measure, Figures.DistanceMeasure, StringComparison.OrdinalIgnoreCase)) return places;
        foreach (var mention in Claim.Mentions)
            if (_context.Corpus.FindDocument(mention.Span.Document)?.Text is { } text && Figures.ReferencePlace(text, mention.Span.End, Claim.Measure) is { } place) places.Add(place);
        return places;
    }

    /// <summary>
    /// Whether two distances may be measured from one place: either names none, or a place of each is one
    /// (<see cref="Figures.SameReference"/>). A distance from another place is another quantity, neither a conflict
    /// nor a corroboration.
    /// </summary>
    public static bool SameReference(ClaimFacts a, ClaimFacts b)
    {
        if (a.References.Count == 0 || b.References.Count == 0) return true;
        foreach (var x in a.References)
            foreach (var y in b.References)
                if (Figures.SameReference(x, y)) return true;
        return false;
    }

    public string[] SubjectWords { get; }

    public string[] TextWords { get; }

    public string? StatusGroup { get; }

    /// <summary>True when a mention ties the figure to its own moment ("at its peak", "now").</summary>
    public bool Qualified { get; }

    /// <summary>Same subject: most words of the shorter subject are in the longer.</summary>
    public bool SameSubject(ClaimFacts other) => ContentWords.Containment(SubjectWords, other.SubjectWords) >= 0.5;

    /// <summary>
    /// True when the two claims come from different voices: a mention of one lies in an independence group the other's
    /// mentions do not, or carries an attribution the other's do not. One outlet and its rewrite are one voice.
    /// </summary>
    public static bool DistinctVoices(ClaimFacts a, ClaimFacts b)
    {
        return !a.GroupVoices.SetEquals(b.GroupVoices);
    }

    /// <summary>
    /// True when one document gives both claims in one voice (the same attribution, or none on both): its writer holds
    /// both true ("205 yards … his 7-yard touchdown pass", "seven life sentences and four sentences of life without
    /// parole"), so they are two things, not one thing in dispute. Two sources quoted in one article ("a Western source
    /// … killed", "another source … wounded") are two voices and still conflict.
    /// </summary>
    public static bool OneVoiceGivesBoth(ClaimFacts a, ClaimFacts b)
    {
        return a.DocumentVoices.Overlaps(b.DocumentVoices);
    }

    /// <summary>
    /// Each mention's document and attribution (<see cref="OneVoiceGivesBoth"/>), made on first use: the contradiction
    /// stage asks it of every pair the claim is compared in.
    /// </summary>
    private HashSet<string> DocumentVoices => _documentVoices ??= ReadDocumentVoices();

    private HashSet<string>? _documentVoices;

    private HashSet<string> ReadDocumentVoices()
    {
        var voices = new HashSet<string>(StringComparer.Ordinal);
        foreach (var mention in Claim.Mentions) voices.Add(DocumentVoice(mention));
        return voices;
    }

    private static string DocumentVoice(Mention mention) =>
        mention.Span.Document + "|" + (mention.Attribution?.Speaker?.Trim().ToLowerInvariant() ?? "");

    /// <summary>
    /// True when a mention of one claim and a mention of the other are said in one form that names other things
    /// (<see cref="ClaimFrames.Substituted"/>): the same report written about two events, so the claims are not two
    /// accounts of one thing.
    /// </summary>
    public static bool OtherEventsForm(ClaimFacts a, ClaimFacts b)
    {
        foreach (var x in a.Frames)
            foreach (var y in b.Frames)
                if (ClaimFrames.Substituted(x, y)) return true;
        return false;
    }

    /// <summary>What each mention is said in (<see cref="ClaimFrames.Of"/>), read from the documents on first use.</summary>
    private List<Frame> Frames => _frames ??= ReadFrames();

    private List<Frame>? _frames;

    private List<Frame> ReadFrames()
    {
        var frames = new List<Frame>(Claim.Mentions.Count);
        foreach (var mention in Claim.Mentions)
            if (_context.Corpus.FindDocument(mention.Span.Document)?.Text is { } text) frames.Add(ClaimFrames.Of(text, mention.Span, Claim.Kind));
        return frames;
    }

    /// <summary>The sources in words: outlet or title of each document, with the attribution when there is one.</summary>
    public string Voices()
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var mention in Claim.Mentions)
        {
            var document = _context.Corpus.FindDocument(mention.Span.Document);
            var name = document?.Outlet ?? (document?.Title is { } t ? "“" + t + "”" : null) ?? document?.Source ?? mention.Span.Document;
            // A named source is an entity id: the reader gets its name.
            if (mention.Attribution?.Speaker is { } speaker) name += " (citing " + (_context.EntityName(speaker) ?? speaker) + ")";
            names.Add(name);
        }
        return string.Join(" and ", names);
    }

    /// <summary>Each mention's independence group and attribution (<see cref="DistinctVoices"/>), made on first use, as <see cref="DocumentVoices"/>.</summary>
    private HashSet<string> GroupVoices => _voices ??= VoiceSet();

    private HashSet<string>? _voices;

    private HashSet<string> VoiceSet()
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var mention in Claim.Mentions)
            set.Add(_context.GroupOf(mention.Span.Document) + "|" + (mention.Attribution?.Speaker?.Trim().ToLowerInvariant() ?? ""));
        return set;
    }

    private static bool HasQualifier(Claim claim)
    {
        var text = new StringBuilder(claim.Text);
        foreach (var mention in claim.Mentions) text.Append(' ').Append(mention.Span.Excerpt);
        var lower = " " + Normalise(text.ToString()) + " ";
        foreach (var word in ReconcileData.Qualifiers)
            if (lower.Contains(" " + word + " ", StringComparison.Ordinal)) return true;
        return false;
    }

    private static string Normalise(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text) builder.Append(char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ');
        return builder.ToString();
    }
}
