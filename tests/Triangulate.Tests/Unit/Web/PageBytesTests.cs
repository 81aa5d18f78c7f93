using System.Text;
using Triangulate.Web;

namespace Triangulate.Tests.Unit.Web;

/// <summary>A page encoded straight from the builder's chunks is byte for byte the page encoded from one string.</summary>
public class PageBytesTests
{
    [Fact]
    public void Chunked_encoding_equals_the_whole_string_even_where_a_surrogate_pair_straddles_two_chunks()
    {
        // Appending piece by piece makes many chunks; an astral character (a surrogate pair) after an odd count of
        // one-char appends lands across chunk boundaries somewhere in the run, and multi-byte letters sit beside them.
        var body = new StringBuilder(16);
        for (var i = 0; i < 5000; i++)
        {
            body.Append('a');
            if (i % 7 == 0) body.Append("\U0001F4F0");
            if (i % 11 == 0) body.Append("é—");
        }
        var chunks = 0;
        foreach (var _ in body.GetChunks()) chunks++;
        Assert.True(chunks > 2);

        var bytes = Html.PageBytes("A title & more", body, "q<uery>");

        Assert.Equal(Encoding.UTF8.GetBytes(Html.Page("A title & more", body.ToString(), "q<uery>")), bytes);
        Assert.Contains("\U0001F4F0", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
    }
}
