using Triangulate.Model;

namespace Triangulate.Link.Stories;

/// <summary>
/// A document's story vector: names (entities found by extraction, else capitalised words, transliteration-folded),
/// numbers, and body words weighted by tf-idf over the documents seen so far, L2-normalised and cut to the heaviest.
/// Names and numbers weigh double: they tell events apart where vocabulary ("attack", "troops") does not.
/// </summary>
internal static class StoryFeatures
{
    internal const double NameBoost = 2.0;

    /// <summary>
    /// Documents assumed seen before the corpus, none with the term: in a corpus of five reports of one event the
    /// event's names are in every document and would weigh nothing; against this prior they still weigh. Negligible
    /// from a few thousand documents on.
    /// </summary>
    private const double PriorDocuments = 50;

    /// <summary>The vector of a document against counts kept in a dictionary (see the overload taking term counts).</summary>
    public static List<(ulong Feature, double Weight)> Vector(Document document, DocumentAnalysis analysis, Dictionary<ulong, int> df, int seen, int max, out bool[] lookup, double minLookupIdf, bool learn = true)
    {
        ArgumentNullException.ThrowIfNull(df);
        return Vector(Terms(document, analysis), df.GetValueOrDefault, learn ? (term, count) => df[term] = count : null, seen, max, out lookup, minLookupIdf);
    }

    /// <summary>
    /// The vector of a document's term counts <paramref name="tf"/>, and for each of its features whether its idf
    /// reaches <paramref name="minLookupIdf"/> (worth looking up in the story index); when <paramref name="learn"/> is
    /// given, first counts this document's terms into the document frequencies <paramref name="df"/> through it. Idf is
    /// ln((seen + 1 + prior) / (df + 1)): a term in nearly every document weighs nearly nothing, so synthetic or common
    /// names that recur across many stories stop gluing them.
    /// </summary>
    public static List<(ulong Feature, double Weight)> Vector(Dictionary<ulong, (int Count, bool Name)> tf, Func<ulong, int> df, Action<ulong, int>? learn, int seen, int max, out bool[] lookup, double minLookupIdf)
    {
        ArgumentNullException.ThrowIfNull(tf);
        ArgumentNullException.ThrowIfNull(df);
        var vector = new List<(ulong Feature, double Weight)>(tf.Count);
        foreach (var (feature, (count, name)) in tf)
        {
            var d = df(feature) + (learn is null ? 0 : 1);
            learn?.Invoke(feature, d);
            d = Math.Max(d, 1);
            // Smoothed idf without the usual "+1": a term in every document must weigh ~0, not 1, or a hundred common
            // words outvote the few names that tell one event from another.
            var idf = Math.Log((seen + 1.0 + PriorDocuments) / (d + 1.0)) + 0.05;
            vector.Add((feature, (1 + Math.Log(count)) * idf * (name ? NameBoost : 1.0)));
        }
        vector.Sort((x, y) => y.Weight != x.Weight ? y.Weight.CompareTo(x.Weight) : x.Feature.CompareTo(y.Feature));
        if (vector.Count > max) vector.RemoveRange(max, vector.Count - max);
        lookup = new bool[vector.Count];
        double norm = 0;
        for (var i = 0; i < vector.Count; i++)
        {
            var d = Math.Max(df(vector[i].Feature), 1);
            lookup[i] = Math.Log((seen + 1.0 + PriorDocuments) / (d + 1.0)) >= minLookupIdf;
            norm += vector[i].Weight * vector[i].Weight;
        }
        norm = Math.Sqrt(Math.Max(norm, 1e-12));
        for (var i = 0; i < vector.Count; i++) vector[i] = (vector[i].Feature, vector[i].Weight / norm);
        return vector;
    }

    /// <summary>The document's term counts: entity name parts, then the words and numbers of its title and body blocks (the whole text when none), the days it names, less its own outlet's name.</summary>
    public static Dictionary<ulong, (int Count, bool Name)> Terms(Document document, DocumentAnalysis analysis)
    {
        var tf = new Dictionary<ulong, (int Count, bool Name)>();
        foreach (var entity in analysis.Entities)
            foreach (var part in entity.Name.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                if (part.Length > 1) Bump(tf, LinkText.Hash("@" + LinkText.NameKey(part)), true);
        foreach (var block in document.Blocks)
        {
            if (block.Kind is not (BlockKind.Body or BlockKind.Title)) continue;
            Tokenize(document.Text, block.Start, block.End, tf);
        }
        if (tf.Count == 0) Tokenize(document.Text, 0, document.Text.Length, tf);
        // The days the text names ("on Monday", "September 9"), resolved against its own date: a follow-up names the
        // day its event happened, a new event of the same kind in the same town names another. Weighed as a name.
        foreach (var time in analysis.Times)
            if (time.Start is { Day: not null } day && time.End == day)
                Bump(tf, LinkText.Hash("@day:" + day.ToString()), true);
        // An outlet's own name on its pages (a masthead line, "Follow X on social media", a copyright line read as
        // body) says where a report was published, not what happened: as a heavy name it would glue every story of
        // that outlet together.
        if (document.Outlet is { Length: > 0 } outlet)
            foreach (var word in outlet.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                if (word.Length > 1) tf.Remove(LinkText.Hash("@" + LinkText.NameKey(word)));
        return tf;
    }

    private static void Tokenize(string text, int start, int end, Dictionary<ulong, (int, bool)> tf)
    {
        var i = start;
        var sentenceStart = true;
        while (i < end)
        {
            if (!char.IsLetterOrDigit(text[i]))
            {
                if (text[i] is '.' or '!' or '?' or '\n') sentenceStart = true;
                i++;
                continue;
            }
            var s = i;
            while (i < end && (char.IsLetterOrDigit(text[i]) || (text[i] is ',' or '.' && i + 1 < end && char.IsAsciiDigit(text[i + 1]) && char.IsAsciiDigit(text[i - 1])))) i++;
            var word = text.AsSpan(s, i - s);
            if (char.IsAsciiDigit(word[0]))
            {
                var number = LinkText.NumberKey(word);
                if (number.Length > 1) Bump(tf, LinkText.Hash("#" + number), true);
            }
            else
            {
                var folded = LinkText.FoldWord(word);
                if (folded.Length >= 3 && !LinkText.StopWords.Contains(folded))
                {
                    if (char.IsUpper(word[0]) && !sentenceStart) Bump(tf, LinkText.Hash("@" + LinkText.NameKey(word)), true);
                    else Bump(tf, LinkText.Hash(folded), false);
                }
            }
            sentenceStart = false;
        }
    }

    private static void Bump(Dictionary<ulong, (int Count, bool Name)> tf, ulong key, bool name)
    {
        var (count, wasName) = tf.GetValueOrDefault(key);
        tf[key] = (count + 1, wasName || name);
    }
}
