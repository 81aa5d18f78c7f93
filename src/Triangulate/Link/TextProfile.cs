using Triangulate.Ingest;
using Triangulate.Model;

namespace Triangulate.Link;

/// <summary>
/// What the linking stages need of one document's body, computed once: its sentences with their content words and
/// anchors (numbers, capitalised names), a MinHash signature of word shingles, and a hash of the normalised body.
/// Offsets are into <see cref="Document.Text"/>, so aligned passages are evidence as they stand.
/// </summary>
internal sealed class TextProfile
{
    /// <summary>Words per shingle: three keeps near-copies close while one changed word breaks only three shingles.</summary>
    public const int ShingleSize = 3;

    /// <summary>MinHash functions: 64 give a similarity estimate within about ±0.06 (1/√64 · 0.5).</summary>
    public const int SignatureLength = 64;

    private static readonly ulong[] Seeds = BuildSeeds();

    private TextProfile(string documentId, string text, List<ProfileSentence> sentences, ulong bodyHash, ulong[] signature, int wordCount, HashSet<ulong> keys, HashSet<ulong> names)
    {
        Keys = keys;
        Names = names;
        DocumentId = documentId;
        Text = text;
        Sentences = sentences;
        BodyHash = bodyHash;
        Signature = signature;
        WordCount = wordCount;
    }

    /// <summary>The document.</summary>
    public string DocumentId { get; }

    /// <summary>The document's whole text (spans index it).</summary>
    public string Text { get; }

    /// <summary>Body sentences in order.</summary>
    public IReadOnlyList<ProfileSentence> Sentences { get; }

    /// <summary>Hash of the body's folded words: equal for exact copies whatever the layout and punctuation.</summary>
    public ulong BodyHash { get; }

    /// <summary>MinHash signature of the body's word shingles.</summary>
    public ulong[] Signature { get; }

    /// <summary>Words in the body.</summary>
    public int WordCount { get; }

    /// <summary>
    /// Keys for finding rewrites: anchors (numbers, names) and longer content words (five letters or more). Which of
    /// them are rare is decided by the index (a key in too many documents stops counting), not here.
    /// </summary>
    public HashSet<ulong> Keys { get; }

    /// <summary>
    /// The anchors that are capitalised words (not numbers) of its body sentences: what may be a name, or, in a language
    /// that capitalises its nouns, a common noun (<see cref="Provenance.CommonNames"/> tells them apart by frequency).
    /// </summary>
    public HashSet<ulong> Names { get; }

    /// <summary>
    /// Hashes of the body's word 5-grams (folded words): how much wording two texts share, whatever their facts. Empty
    /// on a profile built for the candidate pass alone (it compares no wording).
    /// </summary>
    public HashSet<ulong> WordFiveGrams { get; private init; } = [];

    /// <summary>
    /// The document's lines outside its body, trimmed: its credit lines ("Source: X", "(c) 2024 X") among them, which the
    /// ingest does not always tell from page furniture. Not compared as text, but a page that repeats another page's
    /// credit line word for word may have taken that page (profiles built with wording only; empty otherwise).
    /// </summary>
    public IReadOnlyList<string> LinesOutsideBody { get; private init; } = [];

    /// <summary>
    /// Hash of the document's headline as read (trimmed), 0 when it has none: a copy keeps the headline of the page it
    /// took, where a republisher may write its own (profiles built with wording only; 0 otherwise).
    /// </summary>
    public ulong TitleHash { get; private init; }

    private TokenFilter? _words;
    private ulong[]? _wordingHashes;
    private HashSet<ulong>? _wording;

    /// <summary>
    /// The text's words as a filter, made on first use: whether a passage may name a word without scanning it. A profile
    /// is tested against many others (each of its candidate pairs, on any thread), and this is made once for all of
    /// them (a filter made twice by two threads at once is the same filter).
    /// </summary>
    public TokenFilter Words => _words ??= TokenFilter.Of(Text);

    /// <summary>
    /// Hash of each sentence the aligner reads (up to <see cref="SentenceAligner.MaxSentences"/>), its characters after a
    /// wire dateline opening it ("KESSFORD (AP) — "): a desk that drops the dateline keeps the sentence's wording. Made on
    /// first use and kept for the profile's other pairs (the dateline pattern was a twentieth of the verifier's time).
    /// </summary>
    public ulong[] WordingHashes => _wordingHashes ??= MakeWordingHashes();

    /// <summary>The set of <see cref="WordingHashes"/>: the sentences a page repeats word for word are looked up in it.</summary>
    public HashSet<ulong> Wording => _wording ??= [.. WordingHashes];

    private ulong[] MakeWordingHashes()
    {
        var hashes = new ulong[Math.Min(Sentences.Count, SentenceAligner.MaxSentences)];
        for (var index = 0; index < hashes.Length; index++)
        {
            // The sentence's own hash (its Line) unless a dateline opens it.
            var sentence = Sentences[index];
            hashes[index] = index < 3 && TextMetadataExtractor.Dateline(Text, sentence.Start, sentence.End - sentence.Start) is { Success: true } dateline
                ? LinkText.Hash(Text.AsSpan(dateline.Index + dateline.Length, sentence.End - dateline.Index - dateline.Length))
                : sentence.Line;
        }
        return hashes;
    }

    /// <summary>Shared word 5-grams over the smaller set's size (0 when either text has none).</summary>
    public static double SharedFiveGrams(TextProfile a, TextProfile b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var (small, large) = a.WordFiveGrams.Count <= b.WordFiveGrams.Count ? (a.WordFiveGrams, b.WordFiveGrams) : (b.WordFiveGrams, a.WordFiveGrams);
        if (small.Count == 0) return 0;
        var shared = 0;
        foreach (var gram in small)
            if (large.Contains(gram)) shared++;
        return (double)shared / small.Count;
    }

    /// <summary>A rolling window of the last five word hashes, each full window hashed into the set.</summary>
    private sealed class FiveGrams
    {
        private readonly ulong[] _window = new ulong[5];
        private int _seen;

        public HashSet<ulong> Set { get; } = [];

        public void Add(ulong word)
        {
            _window[_seen++ % 5] = word;
            if (_seen < 5) return;
            var gram = 0UL;
            for (var k = 0; k < 5; k++) gram = LinkText.Mix(gram * 31 + _window[(_seen + k) % 5]);
            Set.Add(gram);
        }
    }

    /// <summary>
    /// Profiles the body blocks of <paramref name="document"/> (the whole text when none is classified body). Without
    /// <paramref name="signature"/> the MinHash is skipped (64 hashes a word: most of the cost, and verification needs none);
    /// with it the wording (word 5-grams, lines outside the body) is skipped unless <paramref name="wording"/> is set: a
    /// profile built with both serves the candidate search and verification alike.
    /// </summary>
    public static TextProfile Build(Document document, bool signature = true, bool wording = false)
    {
        wording |= !signature;
        ArgumentNullException.ThrowIfNull(document);
        var text = document.Text;
        var sentences = new List<ProfileSentence>();
        var minima = new ulong[signature ? SignatureLength : 0];
        Array.Fill(minima, ulong.MaxValue);
        var window = new ulong[ShingleSize];
        var words = 0;
        var bodyHash = 14695981039346656037UL;
        var any = false;
        var keys = new HashSet<ulong>();
        var names = new HashSet<ulong>();
        // Only verification compares wording; the candidate pass alone needs no 5-grams.
        var grams = wording ? new FiveGrams() : null;
        var credits = new List<string>();
        foreach (var block in document.Blocks)
        {
            if (block.Kind != BlockKind.Body && wording) credits.Add(text[block.Start..block.End].Trim());
            if (block.Kind != BlockKind.Body) continue;
            any = true;
            Scan(text, block.Start, block.End, sentences, minima, window, ref words, ref bodyHash, keys, names, grams);
        }
        if (!any) Scan(text, 0, text.Length, sentences, minima, window, ref words, ref bodyHash, keys, names, grams);
        return new TextProfile(document.Id, text, sentences, LinkText.Mix(bodyHash), minima, words, keys, names) { WordFiveGrams = grams?.Set ?? [], LinesOutsideBody = credits, TitleHash = wording && document.Title is { } title && title.Trim() is { Length: > 0 } headline ? LinkText.Hash(headline) : 0 };
    }

    private static void Scan(string text, int start, int end, List<ProfileSentence> sentences, ulong[] signature, ulong[] window, ref int words, ref ulong bodyHash, HashSet<ulong> keys, HashSet<ulong> names, FiveGrams? grams)
    {
        var sentenceStart = -1;
        var content = new HashSet<ulong>();
        var anchors = new HashSet<ulong>();
        var wording = new HashSet<ulong>();
        var figures = new HashSet<ulong>();
        var folding = new char[64];
        var keying = new char[64];
        // End of a wire dateline opening the sentence ("MARVALE, May 7 (AP) - "), -1 when none: its day dates the
        // page and states no fact, so its numbers are no figures.
        var datelineEnd = -1;
        var firstWord = true;
        // Quotation state: words inside quotation marks are counted per sentence, so a sentence that is mostly
        // quoted speech is known (a straight double quote toggles; a paragraph break closes any open quote).
        var inQuote = false;
        int quotedWords = 0, sentenceWords = 0;
        var i = start;
        while (i < end)
        {
            var c = text[i];
            if (LinkText.IsWordChar(c))
            {
                var wordStart = i;
                i++;
                // Words keep inner apostrophes and hyphens; numbers keep inner separators ("3,000", "1.376").
                while (i < end)
                {
                    var d = text[i];
                    if (LinkText.IsWordChar(d)) { i++; continue; }
                    if (i + 1 < end && LinkText.IsWordChar(text[i + 1]) &&
                        ((d is ',' or '.' && char.IsAsciiDigit(text[i - 1]) && char.IsAsciiDigit(text[i + 1])) || d is '\'' or '’' or '-'))
                    {
                        i++;
                        continue;
                    }
                    break;
                }
                if (sentenceStart < 0)
                {
                    sentenceStart = wordStart;
                    datelineEnd = sentences.Count < 3 && TextMetadataExtractor.Dateline(text, wordStart, end - wordStart) is { Success: true } dateline ? dateline.Index + dateline.Length : -1;
                }
                var word = text.AsSpan(wordStart, i - wordStart);
                // Folded into a buffer, not a string: every word of every profiled document passes here.
                if (word.Length > folding.Length) folding = new char[word.Length];
                var folded = LinkText.FoldInto(word, folding);
                var hash = LinkText.Hash(folded);
                words++;
                bodyHash = (bodyHash ^ hash) * 1099511628211UL;
                grams?.Add(hash);
                // Shingles: a rolling window of word hashes, min-hashed under each seed.
                Array.Copy(window, 1, window, 0, ShingleSize - 1);
                window[ShingleSize - 1] = hash;
                if (words >= ShingleSize && signature.Length > 0)
                {
                    var shingle = window[0];
                    for (var k = 1; k < ShingleSize; k++) shingle = LinkText.Mix(shingle * 31 + window[k]);
                    for (var s = 0; s < signature.Length; s++)
                    {
                        var h = LinkText.Mix(shingle ^ Seeds[s]);
                        if (h < signature[s]) signature[s] = h;
                    }
                }
                sentenceWords++;
                if (inQuote) quotedWords++;
                var specific = false;
                if (ContainsDigit(word))
                {
                    specific = true;
                    // "#" and the digits, hashed from a buffer (as LinkText.Hash("#" + LinkText.NumberKey(word)) would).
                    if (word.Length + 1 > keying.Length) keying = new char[word.Length + 1];
                    keying[0] = '#';
                    var digits = LinkText.NumberKeyInto(word, keying.AsSpan(1));
                    if (digits > 0)
                    {
                        // A lone digit is too common to key a name or a candidate, but it is a figure all the same: "the
                        // toll has risen to 7" and "to 10" are two reports of one template, not a copy.
                        var key = LinkText.Hash(keying.AsSpan(0, digits + 1));
                        if (!(digits == 1 && word.Length == 1)) anchors.Add(key);
                        if (wordStart >= datelineEnd) figures.Add(key);
                    }
                }
                else if (char.IsUpper(word[0]) && !LinkText.StopWordSpans.Contains(folded))
                {
                    // A capitalised word is a name unless it opens the sentence; an opening one is still not
                    // "wording" (it may be a name too), so it never counts as shared phrasing.
                    specific = true;
                    if (!firstWord)
                    {
                        if (word.Length + 1 > keying.Length) keying = new char[word.Length + 1];
                        keying[0] = '@';
                        var name = LinkText.Hash(keying.AsSpan(0, LinkText.NameKeyInto(word, keying.AsSpan(1)) + 1));
                        anchors.Add(name);
                        names.Add(name);
                    }
                }
                if (folded.Length >= 3 && !LinkText.StopWordSpans.Contains(folded))
                {
                    content.Add(hash);
                    if (!specific) wording.Add(hash);
                    if (folded.Length >= 5) keys.Add(hash);
                }
                firstWord = false;
                continue;
            }
            if (c is '“' or '”' or '«' or '»' or '„') inQuote = c is '“' or '«' or '„';
            else if (c == '"') inQuote = !inQuote;
            else if (c == '\n' && i + 1 < end && text[i + 1] == '\n') inQuote = false;
            var boundary = c is '\n' or '\r' ||
                (c is '.' or '!' or '?' or '…' && (i + 1 >= end || char.IsWhiteSpace(text[i + 1]) || text[i + 1] is '"' or '”' or '’' or '\''));
            i++;
            if (boundary && sentenceStart >= 0)
            {
                // Keep closing punctuation and quotes inside the sentence's span.
                var stop = i;
                while (stop < end && text[stop] is '"' or '”' or '’' or '\'' or '.' or '!' or '?')
                {
                    if (text[stop] is '”' or '"') inQuote = false;
                    stop++;
                }
                Flush(text, sentences, sentenceStart, stop, content, anchors, wording, figures, 2 * quotedWords > sentenceWords, keys);
                // Flush copied the sets: cleared, they are filled again in the same order a new set would be.
                content.Clear();
                anchors.Clear();
                wording.Clear();
                figures.Clear();
                quotedWords = sentenceWords = 0;
                sentenceStart = -1;
                firstWord = true;
                i = stop;
            }
        }
        if (sentenceStart >= 0) Flush(text, sentences, sentenceStart, TrimEnd(text, sentenceStart, end), content, anchors, wording, figures, 2 * quotedWords > sentenceWords, keys);
    }

    private static int TrimEnd(string text, int start, int end)
    {
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        return end;
    }

    private static void Flush(string text, List<ProfileSentence> sentences, int start, int end, HashSet<ulong> content, HashSet<ulong> anchors, HashSet<ulong> wording, HashSet<ulong> figures, bool quoted, HashSet<ulong> keys)
    {
        keys.UnionWith(anchors);
        if (content.Count == 0 && anchors.Count == 0) return;
        sentences.Add(new ProfileSentence(start, end, [.. content], [.. anchors], [.. wording], quoted) { Figures = [.. figures], Line = LinkText.Hash(text.AsSpan(start, end - start)) });
    }

    private static bool ContainsDigit(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
            if (char.IsAsciiDigit(c)) return true;
        return false;
    }

    private static ulong[] BuildSeeds()
    {
        var seeds = new ulong[SignatureLength];
        var x = 0x9E3779B97F4A7C15UL;
        for (var i = 0; i < seeds.Length; i++)
        {
            x += 0x9E3779B97F4A7C15UL;
            seeds[i] = LinkText.Mix(x);
        }
        return seeds;
    }
}
