using Triangulate.Model;
using Triangulate.Report;

namespace Triangulate.Tests.Unit.Report;

public class EntityNamesTests
{
    private static TextSpan Span(string document) => new(document, 0, 4);

    private static readonly Entity Doe = new()
    {
        Id = "e-1",
        Name = "Jane Doe",
        Type = EntityType.Person,
        Aliases = ["Doe", "Jane Doe"],
        Mentions = [Span("d-a"), Span("d-b")],
    };

    private static readonly Entity OtherDoe = new()
    {
        Id = "e-2",
        Name = "John Doe",
        Type = EntityType.Person,
        Aliases = ["Doe"],
        Mentions = [Span("d-c")],
    };

    private static Quote Quote(string id, string? speaker, string document, SpeakerKind kind = SpeakerKind.Named) => new()
    {
        Id = id,
        Speaker = speaker,
        SpeakerKind = kind,
        Variants = [new QuoteVariant { Span = Span(document), Text = "words " + id, Direct = true }],
    };

    [Fact]
    public void A_corpus_id_and_both_local_spellings_name_one_entity()
    {
        var names = new EntityNames([Doe]);
        Assert.Same(Doe, names.Find("e-1"));
        Assert.Same(Doe, names.Find("person:jane-doe"));
        Assert.Same(Doe, names.Find("person:doe"));
        Assert.Equal("Jane Doe", names.Name("person:doe"));
    }

    [Fact]
    public void A_shared_short_name_goes_to_the_entity_mentioned_in_the_quoting_document()
    {
        var names = new EntityNames([Doe, OtherDoe]);
        Assert.Same(OtherDoe, names.Find("person:doe", "d-c"));
        Assert.Same(Doe, names.Find("person:doe", "d-a"));
    }

    [Fact]
    public void An_unknown_local_id_reads_as_words_and_a_description_stays_as_it_is()
    {
        var names = new EntityNames([Doe]);
        Assert.Null(names.Find("person:oleh"));
        Assert.Equal("Oleh", names.Name("person:oleh"));
        Assert.Equal("a senior official", names.Name("a senior official"));
    }

    [Fact]
    public void Quotes_group_by_resolved_entity_with_unknown_speakers_last()
    {
        var names = new EntityNames([Doe]);
        var groups = names.BySpeaker([
            Quote("q1", "person:doe", "d-a"), Quote("q2", null, "d-a", SpeakerKind.Unknown), Quote("q3", "person:jane-doe", "d-b"),
            Quote("q4", "e-1", "d-b"), Quote("q5", "the commander", "d-a", SpeakerKind.Anonymous),
        ]);
        Assert.Equal(["Jane Doe", "the commander", "unknown speaker"], groups.Select(g => g.Name));
        Assert.Equal(["q1", "q3", "q4"], groups[0].Quotes.Select(q => q.Id));
        Assert.Same(Doe, groups[0].Entity);
        Assert.Equal(SpeakerKind.Anonymous, groups[1].Kind);
    }
    [Fact]
    public void One_persons_names_written_fuller_or_shorter_are_one_speaker()
    {
        var names = new EntityNames([]);
        var groups = names.BySpeaker([
            Quote("q1", "Harbour Master Ann Vole", "d-a"), Quote("q2", "Ann Vole", "d-b"), Quote("q3", "Vole", "d-c"),
            Quote("q4", "Piet Lund", "d-a"), Quote("q5", "Piet Anders Lund", "d-b"), Quote("q6", "Lund", "d-c"),
            Quote("q7", "Kit Marsh", "d-a"), Quote("q8", "Ed Marsh", "d-b"), Quote("q9", "Marsh", "d-c"),
            Quote("q10", "Ola Berg of the River Trust", "d-a"), Quote("q11", "Ola Berg", "d-b"),
            Quote("q12", "the harbour master", "d-c", SpeakerKind.Anonymous),
            Quote("q13", "Tollwerk", "d-a"), Quote("q14", "Tollwerk", "d-b"), Quote("q15", "Later Tollwerk", "d-c"),
        ]);
        Assert.Equal(["Ann Vole", "Ed Marsh", "Kit Marsh", "Marsh", "Ola Berg", "Piet Anders Lund", "the harbour master", "Tollwerk"], groups.Select(g => g.Name));
        Assert.Equal(["q13", "q14", "q15"], groups[7].Quotes.Select(q => q.Id));
        Assert.Equal(["q1", "q2", "q3"], groups[0].Quotes.Select(q => q.Id));
        Assert.Equal(["q10", "q11"], groups[4].Quotes.Select(q => q.Id));
        Assert.Equal(["q4", "q5", "q6"], groups[5].Quotes.Select(q => q.Id));
    }
}
