using System.Text;

namespace Triangulate.CorpusGen;

/// <summary>Counts of what was written, printed at the end of a run.</summary>
public sealed class GenerationSummary
{
    private readonly HashSet<string> _stories = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _derivations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _kinds = new(StringComparer.Ordinal);
    private readonly int[] _languages = new int[4];

    public long Articles { get; private set; }

    public long Undated { get; private set; }

    public int Stories => _stories.Count;

    internal void Count(Article article)
    {
        Articles++;
        if (!article.Dated) Undated++;
        if (_stories.Add(article.Story.Id)) _kinds[article.Story.Event.Kind.Name] = _kinds.GetValueOrDefault(article.Story.Event.Kind.Name) + 1;
        _derivations[article.Derivation ?? "original"] = _derivations.GetValueOrDefault(article.Derivation ?? "original") + 1;
        _languages[(int)article.Body.Lang]++;
    }

    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(System.Globalization.CultureInfo.InvariantCulture, $"{Articles} articles, {Stories} stories, {Undated} undated\n");
        text.Append("articles by role: ").AppendJoin(", ", _derivations.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {p.Value}")).Append('\n');
        text.Append("stories by kind: ").AppendJoin(", ", _kinds.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {p.Value}")).Append('\n');
        text.Append("languages: ").AppendJoin(", ", Enum.GetValues<Lang>().Select(l => $"{l.ToString().ToLowerInvariant()} {_languages[(int)l]}"));
        return text.ToString();
    }
}
