using Triangulate.Tests.Support;

namespace Triangulate.Tests.Unit.Model;

/// <summary>The validator must be able to fail, or a green schema test proves nothing.</summary>
public class DossierValidatorTests
{
    private const string Minimal = """{"schema":"triangulate.dossier/1","documents":[],"relations":[],"stories":[],"entities":[],"claims":[],"quotes":[],"contradictions":[],"timeline":[],"problems":[]}""";

    [Fact]
    public void A_minimal_dossier_is_valid() => Assert.Empty(DossierValidator.Errors(Minimal));

    [Theory]
    [InlineData("\"schema\":\"triangulate.dossier/1\"", "\"schema\":\"other/2\"")]
    [InlineData("\"problems\":[]", "\"problems\":[{\"source\":\"x\"}]")]
    [InlineData("\"relations\":[]", "\"relations\":[{\"from\":\"a\",\"kind\":\"quotes\"}]")]
    [InlineData("\"timeline\":[]", "\"timeline\":[{\"start\":\"2024-1-1\",\"end\":\"2024\",\"text\":\"x\"}]")]
    public void Contract_violations_are_caught(string from, string to) =>
        Assert.NotEmpty(DossierValidator.Errors(Minimal.Replace(from, to)));
}
