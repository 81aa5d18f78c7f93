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
}
