using Triangulate.Link.Stories;

namespace Triangulate.Tests.Unit.Link;

public sealed class PostingsTests
{
    [Fact]
    public void A_full_posting_list_replaces_its_oldest_story_and_never_holds_one_twice()
    {
        var postings = new Postings();
        for (var s = 0; s < 4; s++) postings.Add(s, cap: 4);
        postings.Add(2, cap: 4);
        Assert.Equal([0, 1, 2, 3], postings.Stories);
        postings.Add(9, cap: 4);
        postings.Add(10, cap: 4);
        Assert.Equal([9, 10, 2, 3], postings.Stories);
        postings.Add(10, cap: 4);
        Assert.Equal([9, 10, 2, 3], postings.Stories);
    }
}
