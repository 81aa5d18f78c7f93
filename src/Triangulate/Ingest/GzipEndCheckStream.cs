namespace Triangulate.Ingest;

/// <summary>
/// A decompressed gzip stream that reports a cut file at its end: where the decompression ends, the output is checked
/// against the file's last trailer (<see cref="GzipTrailer"/>), and a read at the end of a cut file throws an
/// <see cref="InvalidDataException"/> saying so, after every byte that did decompress. Container readers turn that into
/// one problem naming the file, the records before it kept.
/// </summary>
internal sealed class GzipEndCheckStream : Stream
{
    private readonly Stream _inner;
    private readonly GzipTrailer? _trailer;
    // The last bytes of the output, as many as the last member holds when that is at most GzipTrailer.MaxCheckedTail:
    // a file of several members is checked by the CRC-32 of its last.
    private readonly byte[]? _tail;
    private int _tailAt;
    private long _total;
    private bool _ended;
    private string? _problem;

    public GzipEndCheckStream(Stream decompressed, GzipTrailer? trailer)
    {
        _inner = decompressed;
        _trailer = trailer;
        if (trailer is { Size: <= GzipTrailer.MaxCheckedTail } t && t.Size > 0) _tail = new byte[t.Size];
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _total; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (buffer.IsEmpty) return 0;
        var read = _ended ? 0 : _inner.Read(buffer);
        if (read > 0)
        {
            Keep(buffer[..read]);
            _total += read;
            return read;
        }
        if (!_ended)
        {
            _ended = true;
            _problem = _trailer is { } trailer
                ? trailer.Disagreement(_total, _tail is null || _total < _tail.Length ? default : _tail.AsSpan(_tailAt), _tail is null || _total < _tail.Length ? default : _tail.AsSpan(0, _tailAt))
                : GzipTrailer.TooShort;
        }
        return _problem is null ? 0 : throw new InvalidDataException(_problem);
    }

    /// <summary>Writes the output into the ring of its last bytes.</summary>
    private void Keep(ReadOnlySpan<byte> bytes)
    {
        if (_tail is null) return;
        if (bytes.Length >= _tail.Length)
        {
            bytes[^_tail.Length..].CopyTo(_tail);
            _tailAt = 0;
            return;
        }
        var first = Math.Min(bytes.Length, _tail.Length - _tailAt);
        bytes[..first].CopyTo(_tail.AsSpan(_tailAt));
        bytes[first..].CopyTo(_tail);
        _tailAt = (_tailAt + bytes.Length) % _tail.Length;
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) _inner.Dispose();
        base.Dispose(disposing);
    }
}
