using CsCheck;
using Triangulate.Model;
using Triangulate.Tests.Support;

namespace Triangulate.Tests.Unit.Extract;

/// <summary>Whatever the text, every span found lies inside it and its excerpt is exactly the characters it covers.</summary>
public class ValueSpanPropertyTests
{
    private static readonly string[] Pieces =
    [
        "about", "400", "to", "500", "people", "Dec.", "8", "last", "weekend", "1,376", "sq", "km", "3,000kg", "40%",
        "nine", "days", "before", "the", "vote", ",", ".", "“", "”", "Mr.", "U.S.", "from", "October", "2023", "until",
        "July", "\n", "six", "a", "dozen", "$", "2.5", "billion", "as", "many", "as", "on", "Saturday", "(", ")", "–",
    ];

    [Fact]
    public void Spans_lie_inside_the_text_and_round_trip_to_their_excerpt()
    {
        Gen.Int[0, Pieces.Length - 1].Array[1, 40]
            .Select(ix => string.Join(' ', Array.ConvertAll(ix, i => Pieces[i])))
            .Sample(text =>
            {
                var analysis = ValueSpecTests.Analyse(new SpecFile.Example("", 0, text, new DateOnly(2024, 12, 2), "[]"));
                var spans = new List<TextSpan>();
                foreach (var t in analysis.Times) spans.Add(t.Span);
                foreach (var c in analysis.Claims) spans.Add(c.Mention.Span);
                foreach (var s in spans)
                {
                    if (s.Start < 0 || s.End > text.Length || s.Start >= s.End) return false;
                    if (s.Excerpt != text[s.Start..s.End]) return false;
                }
                return true;
            }, iter: 2000);
    }
}
