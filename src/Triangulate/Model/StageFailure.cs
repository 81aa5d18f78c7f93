namespace Triangulate.Model;

/// <summary>
/// A corpus-wide stage that threw: its findings are missing from the dossier and the stages after it ran without
/// them. Reports say so at the top, so an analyst never reads an incomplete dossier as a complete one.
/// </summary>
/// <param name="Stage">The stage's name ("entities", "provenance", …).</param>
/// <param name="Error">The exception's type and message, one line.</param>
public sealed record StageFailure(string Stage, string Error)
{
    /// <summary>What the reports say is missing.</summary>
    public string Consequence => $"the {Stage} findings are missing, and the stages after it ran without them";
}
