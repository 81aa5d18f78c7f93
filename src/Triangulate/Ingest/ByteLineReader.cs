namespace Triangulate.Ingest;

/// <summary>Reads a byte stream line by line and in counted blocks, with its own buffer, so container readers stream without loading a file.</summary>
internal sealed class ByteLineReader(Stream stream)
{
    private const int BufferSize = 64 * 1024;
    private byte[] _buffer = new byte[BufferSize];
    private int _position, _length;

    /// <summary>Bytes consumed so far.</summary>
    public long Offset { get; private set; }

    private bool Fill()
    {
        if (_position < _length) return true;
        // After an unread, the buffer may be larger than usual; back to the standard one once it is used up.
        if (_buffer.Length != BufferSize) _buffer = new byte[BufferSize];
        _position = 0;
        _length = stream.Read(_buffer, 0, _buffer.Length);
        return _length > 0;
    }

    /// <summary>The next line without its line break; null at the end. A line over <paramref name="cap"/> bytes is consumed and returned as null with <paramref name="tooLong"/> set.</summary>
    public byte[]? ReadLine(long cap, out bool tooLong)
    {
        tooLong = false;
        if (!Fill()) return null;
        var line = new MemoryStream();
        while (Fill())
        {
            var span = _buffer.AsSpan(_position, _length - _position);
            var newline = span.IndexOf((byte)'\n');
            var take = newline < 0 ? span.Length : newline;
            if (!tooLong && line.Length + take > cap)
            {
                tooLong = true;
                line = null!;
            }
            if (!tooLong) line.Write(span[..take]);
            var consumed = newline < 0 ? take : take + 1;
            _position += consumed;
            Offset += consumed;
            if (newline >= 0) break;
        }
        if (tooLong) return null;
        var bytes = line.ToArray();
        return bytes.Length > 0 && bytes[^1] == '\r' ? bytes[..^1] : bytes;
    }

    /// <summary>Reads up to <paramref name="count"/> bytes into <paramref name="destination"/>; fewer only at the end of the stream.</summary>
    public int Read(byte[] destination, int count)
    {
        var total = 0;
        while (total < count && Fill())
        {
            var take = Math.Min(count - total, _length - _position);
            Buffer.BlockCopy(_buffer, _position, destination, total, take);
            _position += take;
            Offset += take;
            total += take;
        }
        return total;
    }

    /// <summary>Skips up to <paramref name="count"/> bytes; returns how many were skipped.</summary>
    public long Skip(long count)
    {
        long total = 0;
        while (total < count && Fill())
        {
            var take = (int)Math.Min(count - total, _length - _position);
            _position += take;
            Offset += take;
            total += take;
        }
        return total;
    }

    /// <summary>Puts <paramref name="bytes"/> back in front of what is still to be read (a record that ran into the next one).</summary>
    public void Unread(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty) return;
        var rest = _length - _position;
        var merged = new byte[bytes.Length + rest];
        bytes.CopyTo(merged);
        _buffer.AsSpan(_position, rest).CopyTo(merged.AsSpan(bytes.Length));
        _buffer = merged;
        _position = 0;
        _length = merged.Length;
        Offset -= bytes.Length;
    }
}
