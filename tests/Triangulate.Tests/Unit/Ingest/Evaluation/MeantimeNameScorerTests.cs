using System.Xml.Linq;
using Triangulate.Ingest.Evaluation;
using Triangulate.Link.Evaluation;

namespace Triangulate.Tests.Unit.Ingest.Evaluation;

public class MeantimeNameScorerTests
{
    [Theory]
    [InlineData("Seattle , Washington , in the United States", "Seattle")]
    [InlineData("an Xphone capable of playing video", "Xphone")]
    [InlineData("the much-anticipated Xphone", "Xphone")]
    [InlineData("the new mid-size , long-range 900 Skyliner", "Skyliner")]
    [InlineData("Acme 's Tunes store", "store")]
    [InlineData("Senator Jane Roe ( D-XY )", "Roe")]
    [InlineData("the Bank of Westland", "Bank")]
    [InlineData("Heathside airport", "airport")]
    [InlineData("the Acme operating system Zen OS", "OS")]
    [InlineData("Acme based in Portville", "Acme")]
    [InlineData("Skyways 900 `` Glider ''", "Glider")]
    [InlineData("Wal - Store", "Store")]
    public void The_head_is_the_last_token_before_the_post_modifier(string phrase, string head)
    {
        var tokens = phrase.Split(' ');
        Assert.Equal(head, tokens[MeantimeNameScorer.Head(tokens)]);
    }

    // An invented article in CAT XML: a title, a date line, two annotated sentences (entity mentions carry
    // syntactic_type) and a later sentence with only a cross-document mention (no syntactic_type).
    private const string Article = """
        <Document doc_name="x">
        <token t_id="1" sentence="0" number="0">Acme</token><token t_id="2" sentence="0" number="1">wins</token>
        <token t_id="3" sentence="1" number="2">May</token><token t_id="4" sentence="1" number="3">1</token>
        <token t_id="5" sentence="2" number="4">Acme</token><token t_id="6" sentence="2" number="5">CEO</token>
        <token t_id="7" sentence="2" number="6">Jane</token><token t_id="8" sentence="2" number="7">Roe</token>
        <token t_id="9" sentence="2" number="8">visited</token><token t_id="10" sentence="2" number="9">Portville</token>
        <token t_id="11" sentence="2" number="10">,</token><token t_id="12" sentence="2" number="11">Westland</token>
        <token t_id="13" sentence="3" number="12">Terminal</token><token t_id="14" sentence="3" number="13">3</token>
        <token t_id="15" sentence="3" number="14">opened</token>
        <token t_id="16" sentence="4" number="15">Bob</token><token t_id="17" sentence="4" number="16">Lee</token>
        <Markables>
        <ENTITY_MENTION m_id="1" syntactic_type="NAM"><token_anchor t_id="1"/></ENTITY_MENTION>
        <ENTITY_MENTION m_id="2" syntactic_type="PRE.NAM"><token_anchor t_id="5"/></ENTITY_MENTION>
        <ENTITY_MENTION m_id="3" syntactic_type="NAM"><token_anchor t_id="5"/><token_anchor t_id="6"/><token_anchor t_id="7"/><token_anchor t_id="8"/></ENTITY_MENTION>
        <ENTITY_MENTION m_id="4" syntactic_type="NAM"><token_anchor t_id="10"/><token_anchor t_id="11"/><token_anchor t_id="12"/></ENTITY_MENTION>
        <ENTITY_MENTION m_id="5" syntactic_type="NAM"><token_anchor t_id="12"/></ENTITY_MENTION>
        <ENTITY_MENTION m_id="6" syntactic_type=""><token_anchor t_id="13"/><token_anchor t_id="14"/></ENTITY_MENTION>
        <ENTITY_MENTION m_id="7"><token_anchor t_id="16"/><token_anchor t_id="17"/></ENTITY_MENTION>
        <ENTITY_MENTION m_id="8" syntactic_type="NAM"><token_anchor t_id="7"/><token_anchor t_id="8"/></ENTITY_MENTION>
        </Markables>
        </Document>
        """;

    private static (string Text, MeantimeNameGold Gold) Read()
    {
        var root = XElement.Parse(Article);
        var (text, offsets) = MeantimeReader.Tokens(root);
        return (text, MeantimeNameScorer.ReadGold(root, text, offsets));
    }

    private static MeantimeFoundName Found(string text, string name, int from = 0)
    {
        var start = text.IndexOf(name, from, StringComparison.Ordinal);
        return new MeantimeFoundName(start, start + name.Length, "untyped");
    }

    [Fact]
    public void Only_the_document_level_region_is_gold()
    {
        var (_, gold) = Read();
        // Sentence 3 holds the last mention with a syntactic_type; sentence 4's mention is cross-document only.
        Assert.Equal(3, gold.LastAnnotatedSentence);
        // "Acme CEO Jane Roe" and the nested "Jane Roe" share the head "Roe": one name, the shorter mention kept.
        Assert.Equal(4, gold.Names.Count(g => g.Syntactic == "NAM"));
        Assert.Contains(gold.Names, g => g.Syntactic == "NAM" && g.End - g.Start == "Jane Roe".Length);
        Assert.Single(gold.Names, g => g.Syntactic == "PRE.NAM");
        Assert.Single(gold.Names, g => g.Syntactic.Length == 0);
    }

    [Fact]
    public void Found_names_score_by_head_one_to_one_and_pre_modifier_names_count_for_nothing()
    {
        var (text, gold) = Read();
        var nam = gold.Names.Where(g => g.Syntactic == "NAM").ToList();
        var careless = gold.Names.Where(g => g.Syntactic is "PRE.NAM" or "").ToList();
        var body = text.IndexOf('\n', text.IndexOf('\n') + 1);
        var found = new List<MeantimeFoundName>
        {
            Found(text, "Acme"),                // title: NAM
            Found(text, "Acme", body),          // PRE.NAM: neither right nor wrong
            Found(text, "Jane Roe"),            // head of "Acme CEO Jane Roe"
            Found(text, "Portville"),           // head of "Portville , Westland"
            Found(text, "Westland"),            // the nested NAM "Westland"
            Found(text, "Terminal 3"),          // empty syntactic type: not counted
            Found(text, "visited"),             // nothing: wrong
            Found(text, "Bob Lee"),             // outside the region: the caller drops it; here it is simply wrong
        };
        var (goldCount, foundCount, correct) = MeantimeNameScorer.Score(found, nam, careless);
        Assert.Equal(4, goldCount);
        Assert.Equal(6, foundCount);
        Assert.Equal(4, correct);
    }

    [Fact]
    public void Two_found_names_on_one_gold_mention_count_once()
    {
        var gold = new MeantimeGoldName(0, 10, 6, 10, "NAM", "ORG");
        var pairs = MeantimeNameScorer.Pair([new MeantimeFoundName(6, 10, "ORG"), new MeantimeFoundName(0, 10, "ORG")], [gold]);
        Assert.Single(pairs);
    }
}
