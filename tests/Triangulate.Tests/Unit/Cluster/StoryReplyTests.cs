using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Triangulate.Cluster;
using Triangulate.Model;
using Triangulate.Store;

namespace Triangulate.Tests.Unit.Cluster;

/// <summary>
/// A story grain's reply (<see cref="StoryReply"/>): the findings encoded as the store writes them and the stages that
/// threw, through Orleans' own codec, arrive byte for byte, with no library record crossing as JSON.
/// </summary>
public sealed class StoryReplyTests
{
    private static StoryFindings Findings() => new()
    {
        Story = new Story { Id = "s-1", Title = "Harbour strike", Documents = ["d-2", "d-5"] },
        Fingerprint = "f-1",
        Entities = [new Entity { Id = "e-1", Name = "Mara Lind", Aliases = ["Lind"], Type = EntityType.Person, Mentions = [new TextSpan("d-2", 4, 13)] }],
        Claims = [new Claim { Id = "c-1", Kind = ClaimKind.Status, Text = "The port reopened on Friday", Story = "s-1", Mentions = [], Sources = ["d-5"], IndependentSources = 1, Verdict = Verdict.SingleSource }],
    };

    [Fact]
    public void A_story_reply_crosses_in_Orleans_codec_with_its_columns_rows_and_errors()
    {
        var encoded = new EncodedStory(Findings());
        var error = new StoryStageError("contradictions", "InvalidOperationException", "no sentence", "at Somewhere()");
        var reply = StoryReply.Of(new StoryOutcome(encoded, [error]), TimeSpan.FromMilliseconds(3), TimeSpan.FromMilliseconds(40), reused: false);

        // A serializer that knows no JSON codec for the library's types: a library record in the reply would fail here.
        var serializer = new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer>();
        var received = Assert.IsType<StoryReply>(serializer.Deserialize<StoryReply>(serializer.SerializeToArray(reply)));
        var outcome = received.ToOutcome();

        Assert.Equal((TimeSpan.FromMilliseconds(3), TimeSpan.FromMilliseconds(40), false), (received.Read, received.Compute, received.Reused));
        Assert.Equal(error, Assert.Single(outcome.Errors));
        var story = outcome.Findings;
        Assert.Equal(("s-1", "d-2", "f-1"), (story.Id, story.FirstDocument, story.Fingerprint));
        Assert.Equal(encoded.StoryUtf8, story.StoryUtf8);
        Assert.Equal(encoded.FindingsUtf8, story.FindingsUtf8);
        Assert.Equal(encoded.Entities.Select(e => (e.Id, Convert.ToHexString(e.Utf8))), story.Entities.Select(e => (e.Id, Convert.ToHexString(e.Utf8))));
        Assert.Equal(encoded.SearchEntries, story.SearchEntries);
        Assert.Equal(2, story.SearchEntries.Count());
        Assert.Contains(("claim", "c-1", "d-5", "The port reopened on Friday"), story.SearchEntries);
    }
}
