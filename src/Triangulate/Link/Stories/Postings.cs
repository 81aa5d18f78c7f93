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

    /// <summary>Encodes the stories and the ring position.</summary>
    public byte[] Encode() => LinkCodec.Encode(w =>
    {
        w.Write(_next);
        LinkCodec.WriteList(w, _stories, (x, s) => x.Write(s));
    });

    /// <summary>Decodes what <see cref="Encode"/> wrote.</summary>
    public static Postings Decode(byte[] bytes) => LinkCodec.Decode(bytes, r =>
    {
        var postings = new Postings { _next = r.ReadInt32() };
        postings._stories.AddRange(LinkCodec.ReadList(r, x => x.ReadInt32()));
        return postings;
    });
}
