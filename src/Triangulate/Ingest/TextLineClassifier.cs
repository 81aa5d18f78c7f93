using System.Globalization;
using Triangulate.Model;

namespace Triangulate.Ingest;

/// <summary>
/// Classifies the lines of a plain-text capture (title, byline, body, captions, credits, masthead, navigation, adverts,
/// related links, teaser lists, comments) with a sequence model: each line gets a score per label from its own
/// features (length, final punctuation, capitalisation, digits, quotes, run-together words, ellipsis endings, furniture
/// cue words from <c>Data/furniture-cues.tsv</c>, repetition, position), and a Viterbi decoding adds transition scores
/// that encode how a page is laid out (masthead before title, comments and teaser lists after the article, captions
/// between paragraphs). Segments that carry a markup hint keep it.
/// </summary>
public sealed class TextLineClassifier : IBlockClassifier
{
    /// <inheritdoc />
    public IReadOnlyList<Block> Classify(SourceDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var segments = document.Segments;
        var n = segments.Count;
        if (n == 0) return [];
        var features = new LineFeatures[n];
        for (var i = 0; i < n; i++) features[i] = LineFeatures.Of(document.Text.AsSpan(segments[i].Start, segments[i].End - segments[i].Start));
        Contextualise(document.Text, segments, features);
        var labels = Decode(features, segments);
        var blocks = new List<Block>(n + 2);
        for (var i = 0; i < n; i++)
        {
            var segment = segments[i];
            var kind = segment.Hint ?? KindOf(labels[i]);
            // A caption that carries its credit ("... MUST CREDIT: X (X/Agency)") is two blocks: the credit is not the caption.
            if (segment.Hint is null && kind == BlockKind.Caption && features[i].CreditAt > 0)
            {
                var cut = segment.Start + features[i].CreditAt;
                var captionEnd = cut;
                while (captionEnd > segment.Start && char.IsWhiteSpace(document.Text[captionEnd - 1])) captionEnd--;
                if (captionEnd > segment.Start)
                {
                    blocks.Add(new Block(BlockKind.Caption, segment.Start, captionEnd));
                    blocks.Add(new Block(BlockKind.Credit, cut, segment.End));
                    continue;
                }
            }
            blocks.Add(new Block(kind, segment.Start, segment.End));
        }
        return blocks;
    }

    /// <summary>The decoding labels: block kinds, with teasers and comments split into their heading and text parts.</summary>
    internal enum Label
    {
        Navigation, Masthead, Title, Byline, Dateline, Body, Caption, Credit, Advert, Related,
        TeaserHead, TeaserText, CommentHead, CommentAuthor, CommentText, Other,
    }

    private const int Labels = (int)Label.Other + 1;

    internal static BlockKind KindOf(Label label) => label switch
    {
        Label.Navigation => BlockKind.Navigation,
        Label.Masthead => BlockKind.Masthead,
        Label.Title => BlockKind.Title,
        Label.Byline => BlockKind.Byline,
        Label.Dateline => BlockKind.Dateline,
        Label.Body => BlockKind.Body,
        Label.Caption => BlockKind.Caption,
        Label.Credit => BlockKind.Credit,
        Label.Advert => BlockKind.Advert,
        Label.Related => BlockKind.Related,
        Label.TeaserHead or Label.TeaserText => BlockKind.Teaser,
        Label.CommentHead or Label.CommentAuthor or Label.CommentText => BlockKind.Comment,
        _ => BlockKind.Other,
    };

    /// <summary>Features that depend on other lines: repetition, the next line's case, whether the article text has begun.</summary>
    private static void Contextualise(string text, IReadOnlyList<TextSegment> segments, LineFeatures[] features)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < segments.Count; i++)
        {
            var key = text[segments[i].Start..segments[i].End];
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }
        var bodySeen = false;
        for (var i = 0; i < segments.Count; i++)
        {
            ref var f = ref features[i];
            f.Index = i;
            f.Repeated = counts[text[segments[i].Start..segments[i].End]] > 1;
            f.BeforeArticle = !bodySeen;
            if (f.Words >= 20 && f.EndsSentence) bodySeen = true;
            if (i + 1 < segments.Count) f.NextStartsLower = features[i + 1].StartsLower;
        }
    }

    private static Label[] Decode(LineFeatures[] features, IReadOnlyList<TextSegment> segments)
    {
        var n = features.Length;
        var score = new double[n, Labels];
        var back = new int[n, Labels];
        var emission = new double[Labels];
        for (var i = 0; i < n; i++)
        {
            Emit(in features[i], emission);
            if (segments[i].Hint is { } hint)
                for (var l = 0; l < Labels; l++) emission[l] = KindOf((Label)l) == hint ? 10 : -10;
            for (var to = 0; to < Labels; to++)
            {
                if (i == 0)
                {
                    score[0, to] = emission[to] + Transitions.Start[to];
                    continue;
                }
                var best = double.NegativeInfinity;
                var arg = 0;
                for (var from = 0; from < Labels; from++)
                {
                    var s = score[i - 1, from] + Transitions.Matrix[from, to];
                    if (s > best) { best = s; arg = from; }
                }
                score[i, to] = best + emission[to];
                back[i, to] = arg;
            }
        }
        var labels = new Label[n];
        var last = 0;
        for (var l = 1; l < Labels; l++) if (score[n - 1, l] > score[n - 1, last]) last = l;
        for (var i = n - 1; i >= 0; i--)
        {
            labels[i] = (Label)last;
            last = back[i, last];
        }
        return labels;
    }

    /// <summary>Per-label scores of one line, on a log-odds-like scale: positive favours the label.</summary>
    internal static void Emit(in LineFeatures f, double[] e)
    {
        var cue = f.CueStrength;
        var noEnd = !f.EndsSentence && !f.Ellipsis;

        var body = 0.0;
        if (f.EndsSentence) body += 2;
        if (noEnd && !f.NextStartsLower) body -= 3;
        if (f.Words >= 15) body += 1.5;
        if (f.Words >= 30) body += 1;
        if (f.StartsLower || f.NextStartsLower) body += 1;
        if (f.Words <= 3) body -= 2;
        if (f.Quote) body += 0.5;
        if (f.Ellipsis) body -= 2.5;
        if (f.RunTogether) body -= 3;
        if (f.Repeated) body -= 2;
        if (cue >= 2) body -= 3;
        if (f.Byline || f.Established) body -= 4;
        if (f.DateLine) body -= 4;
        e[(int)Label.Body] = body;

        var title = 0.0;
        if (f.BeforeArticle) title += 1.5; else title -= 2;
        if (f.Words is >= 4 and <= 25) title += 1; else title -= f.Words < 4 ? 8 : 5;
        if (noEnd) title += 1.5;
        if (f.EndsWithPeriod) title -= 3;
        if (f.TitleRatio > 0.5) title += 0.5;
        if (f.Index == 0) title += 0.5;
        title -= 0.3 * Math.Min(f.Index, 10);
        if (cue > 0 || f.Ellipsis || f.RunTogether || f.Byline || f.CreditAt >= 0) title -= 4;
        if (f.Established || f.Separators >= 2) title -= 4;
        if (f.MastheadWord && f.Words <= 6 && f.TitleRatio >= 0.6) title -= 2;
        if (f.DigitRatio > 0.2) title -= 1;
        if (f.DateLine) title -= 10;
        e[(int)Label.Title] = title;

        var caption = -1.5;
        if (noEnd) caption += 2;
        if (f.Words is >= 5 and <= 45) caption += 1;
        if (f.Words < 4) caption -= 2;
        if (!f.BeforeArticle) caption += 0.5;
        if (f.CreditAt > 0) caption += 4;
        if (f.StartsLower || f.NextStartsLower) caption -= 3;
        if (f.TitleRatio > 0.7 && f.Words > 3) caption -= 1;
        if (cue >= 2 || f.Byline) caption -= 3;
        e[(int)Label.Caption] = caption;

        var credit = -3.0;
        if (f.Cue == BlockKind.Credit && cue >= 2) credit += 5;
        if (f.CreditAt == 0) credit += 5;
        if (f.AgencyParenthesis && f.Words <= 8) credit += 3;
        e[(int)Label.Credit] = credit;

        e[(int)Label.Byline] = f.Byline ? 3 : -5;
        e[(int)Label.Dateline] = f.StandaloneDateline || f.DateLine ? 2 : -6;

        var masthead = -2.5;
        var nameLike = f.MastheadWord && f.Words <= 6 && f.TitleRatio >= 0.6 && !f.EndsSentence;
        if (nameLike) masthead += 5;
        if (f.Established) masthead += 5;
        if (!f.MastheadWord && !f.Established) masthead -= 1.5;
        if (!f.BeforeArticle) masthead -= 4;
        e[(int)Label.Masthead] = masthead;

        // A menu of the site's sections ("News  World  Business  Sport"): a run of short items, not a masthead.
        if (f.Menu > 0)
        {
            e[(int)Label.Masthead] -= 6;
            e[(int)Label.Title] -= 4;
        }

        var navigation = -2.5;
        if (f.Menu > 0) navigation += 5;
        if (f.RunTogether) navigation += 4;
        if (f.Cue == BlockKind.Navigation) navigation += cue >= 2 ? 4.5 : 1;
        if (f.Separators >= 2) navigation += 5;
        if (f.Words <= 3 && noEnd) navigation += 0.5;
        if (f.Ellipsis && f.BeforeArticle) navigation += 1;
        e[(int)Label.Navigation] = navigation;

        e[(int)Label.Advert] = f.Cue == BlockKind.Advert ? -4 + (cue >= 2 ? 6 : 5) : -5;
        e[(int)Label.Related] = f.Cue == BlockKind.Related && cue >= 2 ? 1.5 : -5;

        var teaserHead = -2.5;
        if (f.Cue == BlockKind.Teaser && cue >= 2) teaserHead += 6;
        if (noEnd && f.Words is >= 3 and <= 20) teaserHead += 1;
        if (f.Repeated) teaserHead += 1.5;
        e[(int)Label.TeaserHead] = teaserHead;

        var teaserText = -2.5;
        if (f.Ellipsis && f.Words >= 6) teaserText += 3.5;
        if (f.Words >= 8) teaserText += 0.5;
        e[(int)Label.TeaserText] = teaserText;

        e[(int)Label.CommentHead] = f.Cue == BlockKind.Comment && cue >= 2 ? 1.5 : -6;
        e[(int)Label.CommentAuthor] = f.Words <= 3 && noEnd && f.DigitRatio < 0.3 && cue == 0 ? -0.5 : -4;
        var commentText = -1.5;
        if (f.EndsSentence) commentText += 1;
        if (f.Words >= 4) commentText += 0.5;
        e[(int)Label.CommentText] = commentText;

        var other = -3.0;
        if (f.Words <= 2 && noEnd) other += 1.5;
        e[(int)Label.Other] = other;
    }

    /// <summary>Transition scores: how a news page is laid out. Unlisted changes cost 1, staying costs nothing.</summary>
    private static class Transitions
    {
        public static readonly double[] Start = new double[Labels];
        public static readonly double[,] Matrix = new double[Labels, Labels];

        private static readonly Label[] After = [Label.TeaserHead, Label.TeaserText, Label.CommentHead, Label.CommentAuthor, Label.CommentText];

        static Transitions()
        {
            for (var l = 0; l < Labels; l++) Start[l] = -1;
            foreach (var l in (Label[])[Label.Body, Label.Title, Label.Navigation, Label.Masthead, Label.Other]) Start[(int)l] = 0;
            for (var a = 0; a < Labels; a++)
                for (var b = 0; b < Labels; b++) Matrix[a, b] = a == b ? 0 : -1;
            Set(Label.Title, Label.Title, -4);
            Set(Label.Title, Label.Body, 0);
            Set(Label.Title, Label.Byline, 0.5);
            Set(Label.Title, Label.Caption, 0);
            Set(Label.Body, Label.Body, 0.5);
            Set(Label.Caption, Label.Body, 0);
            Set(Label.Byline, Label.Body, 0);
            foreach (var l in (Label[])[Label.Title, Label.Masthead, Label.Byline]) Set(Label.Body, l, -5);
            Set(Label.Body, Label.Navigation, -1.5);
            Set(Label.Body, Label.TeaserHead, -2);
            Set(Label.Body, Label.TeaserText, -3);
            foreach (var l in (Label[])[Label.Navigation, Label.Masthead, Label.Other]) Set(l, Label.Title, 0.5);
            Set(Label.Masthead, Label.Masthead, 0.5);
            Set(Label.Navigation, Label.Navigation, 0.5);
            // Teaser lists alternate a headline and its summary.
            Set(Label.TeaserHead, Label.TeaserText, 1);
            Set(Label.TeaserText, Label.TeaserHead, 1);
            Set(Label.TeaserText, Label.TeaserText, -0.5);
            Set(Label.Advert, Label.TeaserHead, 0);
            Set(Label.Advert, Label.Body, -1.5);
            Set(Label.Credit, Label.Advert, 0);
            // Comment sections alternate a name and what the reader wrote.
            Set(Label.CommentHead, Label.CommentAuthor, 1);
            Set(Label.CommentAuthor, Label.CommentText, 1.5);
            Set(Label.CommentText, Label.CommentAuthor, 1);
            Set(Label.CommentAuthor, Label.CommentAuthor, -1);
            Set(Label.CommentHead, Label.CommentText, 0);
            foreach (var l in After)
            {
                // Furniture after the article does not lead back into it.
                foreach (var m in (Label[])[Label.Body, Label.Title, Label.Byline, Label.Masthead]) Set(l, m, -6);
                Set(l, Label.Caption, -4);
            }
            foreach (var l in (Label[])[Label.CommentAuthor, Label.CommentText])
                foreach (var m in (Label[])[Label.Body, Label.Title, Label.Caption, Label.Byline, Label.Masthead, Label.Navigation, Label.Other]) Set(m, l, -6);
        }

        private static void Set(Label from, Label to, double value) => Matrix[(int)from, (int)to] = value;
    }
}
