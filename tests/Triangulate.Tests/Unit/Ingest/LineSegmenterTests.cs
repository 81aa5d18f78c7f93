using CsCheck;
using Triangulate.Ingest;

namespace Triangulate.Tests.Unit.Ingest;

public class LineSegmenterTests
{
    [Fact]
    public void Each_non_blank_line_becomes_one_trimmed_segment()
    {
        var text = "Title\r\n\r\n  First paragraph.  \nSecond.\n\n";
        var segments = LineSegmenter.Segment(text);
        Assert.Equal(["Title", "First paragraph.", "Second."], segments.Select(s => text[s.Start..s.End]));
    }

    [Fact]
    public void Segments_cover_every_non_blank_character_exactly_once() =>
        Gen.String[Gen.Char["ab \n\r\t."], 0, 200].Sample(text =>
        {
            var covered = new int[text.Length];
            foreach (var s in LineSegmenter.Segment(text))
                for (var i = s.Start; i < s.End; i++) covered[i]++;
            for (var i = 0; i < text.Length; i++)
                Assert.True(char.IsWhiteSpace(text[i]) ? covered[i] <= 1 : covered[i] == 1, $"character {i} covered {covered[i]} times");
        });

    [Fact]
    public void An_over_long_line_is_cut_into_bounded_segments_at_sentence_ends_covering_every_character()
    {
        var line = string.Concat(Enumerable.Range(0, 3_000).Select(i => $"The council met on day {i} and voted again. "));

        var segments = LineSegmenter.Segment(line);

        Assert.True(segments.Count > 1);
        Assert.All(segments, s => Assert.InRange(s.End - s.Start, 1, LineSegmenter.MaxLineChars));
        Assert.All(segments, s => Assert.EndsWith("again.", line[s.Start..s.End], StringComparison.Ordinal));
        Assert.Equal(line.Count(c => !char.IsWhiteSpace(c)), segments.Sum(s => line[s.Start..s.End].Count(c => !char.IsWhiteSpace(c))));
    }
}
