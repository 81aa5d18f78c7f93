using Triangulate.Extract;
using Triangulate.Extract.Claims;
using Triangulate.Extract.Entities;
using Triangulate.Extract.Quotes;
using Triangulate.Model;
using Triangulate.Tests.Support;
using Triangulate.Text;

namespace Triangulate.Tests.Unit.Extract;

public sealed class ClaimExtractorTests
{
    private static ExtractionContext Run(string text)
    {
        var context = new ExtractionContext(Some.Document(text), new NewsSentenceSplitter());
        new EntityExtractor().Extract(context);
        new QuoteExtractor().Extract(context);
        new ClaimExtractor().Extract(context);
        return context;
    }

    [Fact]
    public void AParentheticalSpeakerIsNotTheSubjectOfAnEventWithoutObject()
    {
        var context = Run("Last month, Oleh said, 400 to 500 North Korean troops launched an assault on Ukrainian positions.");
        Assert.DoesNotContain(context.Claims, c => c.Kind == ClaimKind.Event);
    }

    [Fact]
    public void AnEventWithAnObjectEntityIsKept()
    {
        var context = Run("Russia reported that it had shot down the first American ATACMS missiles a day after Washington gave the green light.");
        Assert.Contains(context.Claims, c => c.Kind == ClaimKind.Event && c.Text.Contains("ATACMS", StringComparison.Ordinal));
    }
}
