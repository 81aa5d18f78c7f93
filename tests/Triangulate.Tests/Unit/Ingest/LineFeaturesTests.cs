using Triangulate.Ingest;
using Triangulate.Model;

namespace Triangulate.Tests.Unit.Ingest;

public class LineFeaturesTests
{
    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Share this:")]
    [InlineData("5 Comments")]
    [InlineData("It's the mayor’s view — said_so, 3.5 km/h!")]
    [InlineData("Ελλάδα και Κύπρος: δύο χώρες")]
    [InlineData("«Hello»…world -- 2024-09-04 | Home › News")]
    public void The_word_count_is_the_number_of_words_normalising_makes(string line) =>
        Assert.Equal(LineFeatures.Normalise(line).Count, LineFeatures.WordCount(line));

    [Fact]
    public void A_cue_is_found_on_short_lines_only()
    {
        var prefix = LineFeatures.Of("Share this:");
        Assert.Equal((BlockKind?)BlockKind.Navigation, prefix.Cue);
        Assert.Equal(3, prefix.CueStrength);
        var inside = LineFeatures.Of("Please share this now");
        Assert.Equal((BlockKind?)BlockKind.Navigation, inside.Cue);
        Assert.Equal(1, inside.CueStrength);
        Assert.Null(LineFeatures.Of("The mayor said residents should share this news with neighbours today").Cue);
    }
}
