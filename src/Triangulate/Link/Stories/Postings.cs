namespace Triangulate.Link.Stories;

/// <summary>The stories an index feature points to: at most a cap of them, the oldest replaced first once full.</summary>
internal sealed class Postings
{
    private readonly List<int> _stories = new(2);
    private int _next;

    /// <summary>The stories.</summary>
    public List<int> Stories => _stories;

    /// <summary>Adds a story unless it is the last one added or already present; replaces the oldest when full.</summary>
    public void Add(int story, int cap)
    {
        if (_stories.Count > 0 && _stories[_next == 0 ? _stories.Count - 1 : _next - 1] == story) return;
        if (_stories.Count < cap)
        {
            if (_stories.Contains(story)) return;
            _stories.Add(story);
            return;
        }
        if (_stories.Contains(story)) return;
        _stories[_next] = story;
        _next = (_next + 1) % cap;
    }
}
