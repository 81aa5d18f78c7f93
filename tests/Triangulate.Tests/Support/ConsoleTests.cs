namespace Triangulate.Tests.Support;

/// <summary>Tests that swap the process-wide <see cref="Console"/> writers run one at a time, never beside each other.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConsoleTests
{
    /// <summary>The collection's name.</summary>
    public const string Name = "console";
}
