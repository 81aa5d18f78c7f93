namespace Triangulate.Link;

/// <summary>
/// A Bloom filter (Bloom 1970) of a text's words, each a maximal run of letters and digits, folded
/// (<see cref="LinkText.Fold"/>): "no" is certain, "maybe" is checked on the text. It lets a test that needs a given word
/// in the text (an outlet's name in a page's sentences, <see cref="OutletNames.Mentioned(TextProfile, int, int, string)"/>)
/// skip the scan of a text that lacks it, which is nearly every text it is asked about. Eight bits a word and three
/// probes: about 3 % of absent words read as maybe.
/// </summary>
internal sealed class TokenFilter
{
    private const int BitsPerWord = 8;
    private const int MinBits = 512;
    private const int MaxBits = 1 << 20;

    private readonly ulong[] _bits;
    private readonly int _mask;

    private TokenFilter(int bits)
    {
        _bits = new ulong[bits / 64];
        _mask = bits - 1;
    }

    /// <summary>The filter of <paramref name="text"/>'s words.</summary>
    public static TokenFilter Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = 0;
        for (var i = 0; i < text.Length;)
        {
            if (!char.IsLetterOrDigit(text[i])) { i++; continue; }
            words++;
            while (i < text.Length && char.IsLetterOrDigit(text[i])) i++;
        }
        var filter = new TokenFilter((int)Math.Clamp(System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(1, words * BitsPerWord)), MinBits, MaxBits));
        for (var i = 0; i < text.Length;)
        {
            if (!char.IsLetterOrDigit(text[i])) { i++; continue; }
            // LinkText.Hash of the folded word, folded as it is hashed.
            var hash = 14695981039346656037UL;
            while (i < text.Length && char.IsLetterOrDigit(text[i]))
            {
                hash ^= LinkText.Fold(text[i++]);
                hash *= 1099511628211UL;
            }
            filter.Add(LinkText.Mix(hash));
        }
        return filter;
    }

    /// <summary>The key of a folded word, as <see cref="Of"/> hashes a text's words.</summary>
    public static ulong Key(string folded) => LinkText.Hash(folded);

    /// <summary>False when no word of the text has <paramref name="key"/>; true when one may.</summary>
    public bool MayContain(ulong key)
    {
        for (var probe = 0; probe < 3; probe++)
        {
            var bit = (int)(key >> (probe * 21)) & _mask;
            if ((_bits[bit >> 6] & (1UL << bit)) == 0) return false;
        }
        return true;
    }

    private void Add(ulong key)
    {
        for (var probe = 0; probe < 3; probe++)
        {
            var bit = (int)(key >> (probe * 21)) & _mask;
            _bits[bit >> 6] |= 1UL << bit;
        }
    }
}
