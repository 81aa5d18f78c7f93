using Triangulate.Link.Stories;
using Triangulate.Model;
using static Triangulate.Tests.Unit.Link.LinkCorpus;

namespace Triangulate.Tests.Unit.Link;

public sealed class StoryClustererLanguageTests
{
    [Fact]
    public void Words_common_in_a_minority_language_weigh_as_common_when_its_reports_are_compared()
    {
        // Many English reports, then German ones from many towns that share nothing but the language's everyday words.
        var documents = new List<Document>();
        for (var i = 0; i < 60; i++)
            documents.Add(Doc($"Harbour works at Quenport{i}\nCrews at the Quenport{i} harbour finished dredging channel {i} on schedule, the port board said.", $"en{i}.txt"));
        string[] heads = ["Lin", "Ber", "Kes", "Orm", "Pal", "Rau", "Sie", "Tam"];
        string[] tails = ["dahof", "enwald", "selbach", "stedt", "lingen"];
        foreach (var head in heads)
            foreach (var tail in tails)
                documents.Add(Doc($"Nachricht aus {head}{tail}\nIn {head}{tail} sagen viele, es ist noch nicht vorbei, und der Tag war lang, aber die Stimmung ist gut.", $"de{documents.Count}.txt", language: "de"));
        var last = Doc("Nachricht aus Quellbrunn\nIn Quellbrunn sagen viele, es ist noch nicht vorbei, und der Tag war lang, aber die Stimmung ist gut.", "last.txt", language: "de");
        documents.Add(last);

        double Cosine(bool byLanguage)
        {
            var cosine = double.NaN;
            // The idf alone: these reports share only plain words, a join the word-share and name-share rules refuse either way.
            Run(new StoryClusterer { HeadlineNameConflict = false, IdfByLanguage = byLanguage, MaxWordShare = 2, MinNameShare = 0, Trace = (document, _, c, _, _, _) => { if (document == last.Id) cosine = c; } }, [.. documents]);
            return cosine;
        }

        var byLanguage = Cosine(byLanguage: true);
        var byCorpus = Cosine(byLanguage: false);
        Assert.False(double.IsNaN(byLanguage) || double.IsNaN(byCorpus), "the last report was never compared by its words");
        // Counted among German reports those words are in every one and weigh little against the town's name, so the
        // last report resembles the others less than when counted against a corpus where German words are rare.
        Assert.True(byLanguage < byCorpus - 0.02, $"cosine by language {byLanguage:F3}, by corpus {byCorpus:F3}");
    }
}
