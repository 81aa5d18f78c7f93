using Triangulate.Link.Evaluation;
using Triangulate.Tests.Support;

namespace Triangulate.Tests.Unit.Link;

public sealed class LinkEvaluationTests
{
    [Fact]
    public void BCubedIsPerfectOnlyWhenTheClusteringEqualsTheTruth()
    {
        var perfect = BCubed.Score([("a", "x"), ("a", "x"), ("b", "y")]);
        Assert.Equal(1, perfect.Precision, 9);
        Assert.Equal(1, perfect.Recall, 9);

        // One cluster for everything: recall stays 1, precision is (2·2/3 + 1·1/3) / 3 = 5/9.
        var merged = BCubed.Score([("a", "x"), ("a", "x"), ("b", "x")]);
        Assert.Equal(5 / 9d, merged.Precision, 9);
        Assert.Equal(1, merged.Recall, 9);

        // All singletons: precision 1, recall (1/2 + 1/2 + 1) / 3 = 2/3.
        var split = BCubed.Score([("a", "1"), ("a", "2"), ("b", "3")]);
        Assert.Equal(1, split.Precision, 9);
        Assert.Equal(2 / 3d, split.Recall, 9);
        Assert.Equal(0.8, split.F1, 9);
    }

    private const string Article = """
        <?xml version="1.0" ?><Document doc_id="1" doc_name="a" lang="en">
        <token t_id="1" sentence="0" number="0">Acme</token>
        <token t_id="2" sentence="0" number="1">Corp</token>
        <token t_id="3" sentence="0" number="2">hired</token>
        <token t_id="4" sentence="0" number="3">Jane</token>
        <token t_id="5" sentence="0" number="4">Roe</token>
        <token t_id="6" sentence="1" number="5">She</token>
        <token t_id="7" sentence="1" number="6">left</token>
        <Markables>
        <ENTITY_MENTION m_id="10" syntactic_type="NAM"><token_anchor t_id="1"/><token_anchor t_id="2"/></ENTITY_MENTION>
        <ENTITY_MENTION m_id="11" syntactic_type="NAM"><token_anchor t_id="4"/><token_anchor t_id="5"/></ENTITY_MENTION>
        <ENTITY_MENTION m_id="12" syntactic_type="PRO"><token_anchor t_id="6"/></ENTITY_MENTION>
        <TIMEX3 m_id="20" functionInDocument="CREATION_TIME" type="DATE" value="2008-03-01"/>
        <ENTITY m_id="30" ent_type="ORG" instance_id="ORG1"/>
        <ENTITY m_id="31" ent_type="PER" instance_id="PER1"/>
        </Markables>
        <Relations>
        <REFERS_TO r_id="1"><source m_id="10"/><target m_id="30"/></REFERS_TO>
        <REFERS_TO r_id="2"><source m_id="11"/><source m_id="12"/><target m_id="31"/></REFERS_TO>
        </Relations>
        </Document>
        """;

    [Fact]
    public void AMeantimeArticleBecomesADocumentWithItsCreationDateAndNamedMentionsMappedToCharacters()
    {
        using var folder = new TempFolder();
        folder.Write("corpus_acme/1_a.xml", Article);

        var article = Assert.Single(MeantimeReader.Read(folder.Path));

        Assert.Equal("acme", article.Topic);
        Assert.Equal("Acme Corp hired Jane Roe\nShe left", article.Document.Text);
        Assert.Equal("2008-03-01", article.Document.Published!.Date!.Value.ToString());
        // Names only (the pronoun is not NAM), each with the instance its REFERS_TO link gives.
        Assert.Equal(2, article.Names.Count);
        Assert.Equal("Acme Corp", article.Document.Text[article.Names[0].Start..article.Names[0].End]);
        Assert.Equal("ORG1", article.Names[0].Instance);
        Assert.Equal("Jane Roe", article.Document.Text[article.Names[1].Start..article.Names[1].End]);
        Assert.Equal("PER1", article.Names[1].Instance);
        Assert.Equal(2, article.Document.Blocks.Count);
    }

    [Fact]
    public void TwoReportsOfOneEventScoreAsOneStoryWithEachNameOneEntity()
    {
        using var folder = new TempFolder();
        folder.Write("corpus_acme/1_a.xml", Article);
        folder.Write("corpus_acme/2_b.xml", Article.Replace("hired", "promoted", StringComparison.Ordinal).Replace("doc_id=\"1\"", "doc_id=\"2\"", StringComparison.Ordinal));

        var result = LinkEvaluation.RunMeantime(folder.Path, PipelineBuilder.CreateDefault());

        Assert.Equal(2, result.Documents);
        Assert.Equal(1, result.Topics);
        Assert.Equal(4, result.GoldNames);
        Assert.InRange(result.FoundNames, 1, 4);
        Assert.Equal(result.FoundNames, result.EntityScore.Items);
        // Two reports of one hiring by one company: one story, and each name one entity across both.
        Assert.Equal(1, result.StoryScore.F1, 9);
        Assert.Equal(1, result.CrossDocumentEntityScore.Recall, 9);
    }
}
