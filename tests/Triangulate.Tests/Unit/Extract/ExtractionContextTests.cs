using Triangulate.Extract;
using Triangulate.Model;
using Triangulate.Tests.Support;
using Triangulate.Text;

namespace Triangulate.Tests.Unit.Extract;

public sealed class ExtractionContextTests
{
    private const string Text = "Gen. Smith said 3,000kg bombs fell. British-French talks don’t start until May.";

    [Fact]
    public void SentenceTokensAreComputedOnceAndMatchTheTokenizers()
    {
        var context = new ExtractionContext(Some.Document(Text), new NewsSentenceSplitter());
        Assert.Equal(2, context.Sentences.Count);
        var s = context.Sentences[1];
        Assert.Same(context.TokensOf(1), context.TokensOf(1));
        Assert.Same(context.WordsOf(1), context.WordsOf(1));
        Assert.Equal(Tokenizer.Tokenize(Text, s.Start, s.End), context.TokensOf(1));
        Assert.Equal(WordTokenizer.Tokenize(Text, s.Start, s.End), context.WordsOf(1));
        Assert.Equal("British-French", Text[context.WordsOf(1)[0].Start..context.WordsOf(1)[0].End]);
        Assert.Equal("Gen.", Text[context.WordsOf(0)[0].Start..context.WordsOf(0)[0].End]);
    }

    [Fact]
    public void TheSpeakerResolverIsSharedUntilEntitiesAreAdded()
    {
        var context = new ExtractionContext(Some.Document(Text), new NewsSentenceSplitter());
        var first = context.Speakers;
        Assert.Same(first, context.Speakers);
        Assert.Null(first.EntityAt(5, 10));
        context.Entities.Add(new Entity
        {
            Id = "smith",
            Name = "Smith",
            Type = EntityType.Person,
            Mentions = [context.Span(5, 10)],
        });
        Assert.NotSame(first, context.Speakers);
        Assert.Equal("smith", context.Speakers.EntityAt(5, 10)?.Id);
    }
}
