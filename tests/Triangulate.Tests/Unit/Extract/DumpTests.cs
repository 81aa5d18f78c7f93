using System.Text.Json;
using Triangulate.Model;
namespace Triangulate.Tests.Unit.Extract;
public sealed class DumpTests
{
    [Fact]
    public void Dump()
    {
        foreach (var p in new[] { "000", "001", "002", "003", "004" })
        {
            var a = SeedExtractionTests.Analyse(p);
            File.WriteAllText($"/tmp/ee_{p}.json", JsonSerializer.Serialize(a, ModelJsonContext.Default.DocumentAnalysis));
        }
    }
}
