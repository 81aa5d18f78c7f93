using Triangulate.Model;

namespace Triangulate.Link.Stories;

/// <summary>
/// A document's story vector: names (entities found by extraction, else capitalised words, transliteration-folded),
/// numbers, and body words weighted by tf-idf over the documents seen so far, L2-normalised and cut to the heaviest.
/// Names and numbers weigh double: they tell events apart where vocabulary ("attack", "troops") does not; the words
/// of a multi-word name share that boost (see RunBoost).
/// </summary>
internal static class StoryFeatures
{
    internal const double NameBoost = 2.0;

    /// <summary>
    /// Documents assumed seen before the corpus, none with the term: in a corpus of five reports of one event the
    /// event's names are in every document and would weigh nothing; against this prior they still weigh. Negligible
    /// from a few thousand documents on.
    /// </summary>
    internal const double PriorDocuments = 50;

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
    public static List<(ulong Feature, double Weight)> Vector(Dictionary<ulong, (int Count, double Boost)> tf, Func<ulong, int> df, Action<ulong, int>? learn, int seen, int max, out bool[] lookup, double minLookupIdf)
    {
        ArgumentNullException.ThrowIfNull(tf);
        ArgumentNullException.ThrowIfNull(df);
        var vector = new List<(ulong Feature, double Weight)>(tf.Count);
        foreach (var (feature, (count, boost)) in tf)
        {
            var d = df(feature) + (learn is null ? 0 : 1);
            learn?.Invoke(feature, d);
            d = Math.Max(d, 1);
            // Smoothed idf without the usual "+1": a term in every document must weigh ~0, not 1, or a hundred common
            // words outvote the few names that tell one event from another.
            var idf = Math.Log((seen + 1.0 + PriorDocuments) / (d + 1.0)) + 0.05;
            vector.Add((feature, (1 + Math.Log(count)) * idf * boost));
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
    public static Dictionary<ulong, (int Count, double Boost)> Terms(Document document, DocumentAnalysis analysis) => Terms(document, analysis, null, null);

    /// <summary>
    /// The document's term counts (see the overload without sets); <paramref name="words"/>, when given, receives the
    /// plain words among them (neither names, numbers nor days), <paramref name="days"/> the days named, each its day
    /// number, and <paramref name="names"/> the names (entity name parts and capitalised words).
    /// </summary>
    public static Dictionary<ulong, (int Count, double Boost)> Terms(Document document, DocumentAnalysis analysis, HashSet<ulong>? words, Dictionary<ulong, int>? days, HashSet<ulong>? names = null)
    {
        var tf = new Dictionary<ulong, (int Count, double Boost)>();
        foreach (var entity in analysis.Entities)
        {
            var parts = entity.Name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(p => p.Length > 1).ToList();
            var boost = RunBoost(parts.Count);
            foreach (var part in parts)
            {
                var key = LinkText.Hash("@" + LinkText.NameKey(part));
                Bump(tf, key, boost);
                names?.Add(key);
            }
        }
        foreach (var block in document.Blocks)
        {
            if (block.Kind is not (BlockKind.Body or BlockKind.Title)) continue;
            Tokenize(document.Text, block.Start, block.End, tf, words, names);
        }
        if (tf.Count == 0) Tokenize(document.Text, 0, document.Text.Length, tf, words, names);
        // The days the text names ("on Monday", "September 9"), resolved against its own date: a follow-up names the
        // day its event happened, a new event of the same kind in the same town names another. Weighed as a name.
        foreach (var time in analysis.Times)
            if (time.Start is { Day: not null } day && time.End == day)
            {
                var key = LinkText.Hash("@day:" + day.ToString());
                Bump(tf, key, NameBoost);
                days?.TryAdd(key, day.Earliest.DayNumber);
            }
        // An outlet's own name on its pages (a masthead line, "Follow X on social media", a copyright line read as
        // body) says where a report was published, not what happened: as a heavy name it would glue every story of
        // that outlet together.
        if (document.Outlet is { Length: > 0 } outlet)
            foreach (var word in outlet.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                if (word.Length > 1) tf.Remove(LinkText.Hash("@" + LinkText.NameKey(word)));
        return tf;
    }

    private static void Tokenize(string text, int start, int end, Dictionary<ulong, (int, double)> tf, HashSet<ulong>? words, HashSet<ulong>? names)
    {
        var i = start;
        var sentenceStart = true;
        // The capitalised words read so far in a row (separated by spaces or hyphens only): one name, one weight.
        var run = new List<ulong>();
        while (i < end)
        {
            if (!char.IsLetterOrDigit(text[i]))
            {
                if (text[i] is '.' or '!' or '?' or '\n') sentenceStart = true;
                if (text[i] is not (' ' or '-')) EndRun(tf, run);
                i++;
                continue;
            }
            var s = i;
            while (i < end && (char.IsLetterOrDigit(text[i]) || (text[i] is ',' or '.' && i + 1 < end && char.IsAsciiDigit(text[i + 1]) && char.IsAsciiDigit(text[i - 1])))) i++;
            var word = text.AsSpan(s, i - s);
            var inName = false;
            if (char.IsAsciiDigit(word[0]))
            {
                var number = LinkText.NumberKey(word);
                if (number.Length > 1) Bump(tf, LinkText.Hash("#" + number), NameBoost);
            }
            else
            {
                var folded = LinkText.FoldWord(word);
                if (folded.Length >= 3 && !LinkText.StopWords.Contains(folded))
                {
                    if (char.IsUpper(word[0]) && !sentenceStart)
                    {
                        var key = LinkText.Hash("@" + LinkText.NameKey(word));
                        run.Add(key);
                        names?.Add(key);
                        inName = true;
                    }
                    else
                    {
                        var key = LinkText.Hash(folded);
                        Bump(tf, key, 1.0);
                        words?.Add(key);
                    }
                }
            }
            if (!inName) EndRun(tf, run);
            sentenceStart = false;
        }
        EndRun(tf, run);
    }

    /// <summary>Counts the words of a run of capitalised words, each with the run's share of the name boost.</summary>
    private static void EndRun(Dictionary<ulong, (int, double)> tf, List<ulong> run)
    {
        if (run.Count == 0) return;
        var boost = RunBoost(run.Count);
        foreach (var key in run) Bump(tf, key, boost);
        run.Clear();
    }

    /// <summary>
    /// The boost of each word of a name of <paramref name="words"/> words: the name boost over the root of its length,
    /// never below a plain word's. One name weighs about as one: a four-word agency name quoted in every report of one
    /// kind of event must not outweigh the one-word town that tells the events apart (generated 20k glued events of one
    /// kind on such names). The root, not the length: two-word names (a person's) still weigh above plain words.
    /// </summary>
    internal static double RunBoost(int words) => words <= 1 ? NameBoost : Math.Max(1.0, NameBoost / Math.Sqrt(words));

    /// <summary>Counts a term once more; its boost is the highest it was counted with (a name once said alone weighs as one).</summary>
    private static void Bump(Dictionary<ulong, (int Count, double Boost)> tf, ulong key, double boost)
    {
        var (count, known) = tf.GetValueOrDefault(key);
        tf[key] = (count + 1, Math.Max(known, boost));
    }
}
