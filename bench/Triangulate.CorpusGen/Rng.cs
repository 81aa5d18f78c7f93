namespace Triangulate.CorpusGen;

/// <summary>
/// A small deterministic generator (xoshiro256** seeded by SplitMix64). System.Random's seeded sequence is an
/// implementation detail of the runtime; this one is fixed here so that a seed names the same corpus forever.
/// </summary>
public sealed class Rng
{
    private ulong _s0, _s1, _s2, _s3;

    public Rng(ulong seed)
    {
        var x = seed;
        _s0 = SplitMix(ref x);
        _s1 = SplitMix(ref x);
        _s2 = SplitMix(ref x);
        _s3 = SplitMix(ref x);
    }

    /// <summary>A generator for one named part of the corpus (a story, a pool), independent of every other part.</summary>
    public static Rng For(ulong seed, string part, long index = 0) => new(Mix(seed, Hash(part), (ulong)index));

    public static ulong Mix(ulong a, ulong b, ulong c)
    {
        var x = a ^ 0x9E3779B97F4A7C15UL;
        var h = SplitMix(ref x) ^ b;
        h = SplitMix(ref h) ^ c;
        return SplitMix(ref h);
    }

    /// <summary>FNV-1a: stable across runs and runtimes, unlike string.GetHashCode.</summary>
    public static ulong Hash(string text)
    {
        var h = 14695981039346656037UL;
        foreach (var c in text)
        {
            h ^= c;
            h *= 1099511628211UL;
        }
        return h;
    }

    public ulong NextULong()
    {
        var result = RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, n).</summary>
    public int Next(int n) => n <= 1 ? 0 : (int)(NextULong() % (ulong)n);

    /// <summary>Uniform in [min, max] inclusive.</summary>
    public int Between(int min, int max) => min + Next(max - min + 1);

    public double NextDouble() => (NextULong() >> 11) * (1.0 / (1UL << 53));

    public double Between(double min, double max) => min + (NextDouble() * (max - min));

    public bool Chance(double p) => NextDouble() < p;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    /// <summary>An index in [0, n) with Zipf-like weights (rank r has weight 1/(r+1)^s): a few items recur often.</summary>
    public int Zipf(int n, double s = 1.0)
    {
        // Inverse of the continuous approximation of the Zipf CDF; exact enough for name frequencies.
        var u = NextDouble();
        if (Math.Abs(s - 1.0) < 1e-9)
        {
            var r = Math.Exp(u * Math.Log(n + 1.0)) - 1.0;
            return Math.Clamp((int)r, 0, n - 1);
        }
        var a = 1.0 - s;
        var max = Math.Pow(n + 1.0, a) - 1.0;
        var rank = Math.Pow((u * max) + 1.0, 1.0 / a) - 1.0;
        return Math.Clamp((int)rank, 0, n - 1);
    }

    /// <summary>A small count with a long tail: geometric with the given mean.</summary>
    public int Geometric(double mean)
    {
        if (mean <= 0) return 0;
        var p = 1.0 / (mean + 1.0);
        var k = 0;
        while (!Chance(p) && k < 1000) k++;
        return k;
    }

    public void Shuffle<T>(IList<T> items)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    private static ulong SplitMix(ref ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        var z = x;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));
}
