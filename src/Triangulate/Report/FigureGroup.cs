using Triangulate.Model;

namespace Triangulate.Report;

/// <summary>Quantity claims about one measure of one subject, in time order: one line of a chart.</summary>
public sealed record FigureGroup(string Measure, string Subject, IReadOnlyList<Claim> Claims)
{
    /// <summary>"area of X", or the measure alone.</summary>
    public string Label => Subject.Length == 0 ? Measure : Measure.Length == 0 ? Subject : $"{Measure} of {Subject}";
}
