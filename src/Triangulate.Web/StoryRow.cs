using Triangulate.Model;

namespace Triangulate.Web;

/// <summary>What the story list shows of one story, kept between requests until the story's fingerprint changes.</summary>
internal sealed record StoryRow(Story Story, int Documents, int Outlets, int IndependentSources, int Claims, PartialDate? First, PartialDate? Last);
