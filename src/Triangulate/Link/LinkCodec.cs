using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Triangulate.Link;

/// <summary>Compact binary encodings of the values a <see cref="LinkState"/> keeps (lists of keys, counts).</summary>
internal static class LinkCodec
{
    /// <summary>The key a document is known by in the link state: its id hashed to 63 bits (ids are content hashes).</summary>
    public static long DocumentKey(string id) => (long)(LinkText.Hash(id) & long.MaxValue);

    public static byte[] EncodeLong(long value) => BitConverter.GetBytes(value);

    public static long DecodeLong(byte[] bytes) => BitConverter.ToInt64(bytes);

    public static byte[] EncodeInt(int value) => BitConverter.GetBytes(value);

    public static int DecodeInt(byte[] bytes) => BitConverter.ToInt32(bytes);

    public static byte[] EncodeLongs(List<long> values)
    {
        var bytes = new byte[values.Count * sizeof(long)];
        for (var i = 0; i < values.Count; i++) BitConverter.TryWriteBytes(bytes.AsSpan(i * sizeof(long)), values[i]);
        return bytes;
    }

    public static List<long> DecodeLongs(byte[] bytes)
    {
        var values = new List<long>(bytes.Length / sizeof(long));
        for (var i = 0; i + sizeof(long) <= bytes.Length; i += sizeof(long)) values.Add(BitConverter.ToInt64(bytes, i));
        return values;
    }

    /// <summary>Writes a length-prefixed list.</summary>
    public static void WriteList<T>(BinaryWriter writer, IReadOnlyCollection<T> items, Action<BinaryWriter, T> write)
    {
        writer.Write(items.Count);
        foreach (var item in items) write(writer, item);
    }

    /// <summary>Reads a length-prefixed list.</summary>
    public static List<T> ReadList<T>(BinaryReader reader, Func<BinaryReader, T> read)
    {
        var count = reader.ReadInt32();
        var items = new List<T>(count);
        for (var i = 0; i < count; i++) items.Add(read(reader));
        return items;
    }

    public static void WriteNullable(BinaryWriter writer, string? value)
    {
        writer.Write(value is not null);
        if (value is not null) writer.Write(value);
    }

    public static string? ReadNullable(BinaryReader reader) => reader.ReadBoolean() ? reader.ReadString() : null;

    /// <summary>
    /// Writes a value's JSON as <see cref="BinaryWriter.Write(string)"/> writes the JSON's text (its UTF-8 byte count,
    /// then the bytes): the same bytes, made without a string of them. Read back by <see cref="ReadJson"/> or as a string.
    /// </summary>
    public static void WriteJson<T>(BinaryWriter writer, T value, JsonTypeInfo<T> type)
    {
        var utf8 = JsonSerializer.SerializeToUtf8Bytes(value, type);
        writer.Write7BitEncodedInt(utf8.Length);
        writer.Write(utf8);
    }

    /// <summary>
    /// Reads what <see cref="WriteJson"/> (or <see cref="BinaryWriter.Write(string)"/> of JSON) wrote, parsed from the
    /// encoded bytes in place: no string made, then transcoded back to UTF-8 by the parser (a record read from the store
    /// allocated about nine times its bytes so).
    /// </summary>
    public static T ReadJson<T>(BinaryReader reader, JsonTypeInfo<T> type)
    {
        var length = reader.Read7BitEncodedInt();
        if (reader.BaseStream is MemoryStream memory && memory.TryGetBuffer(out var buffer))
        {
            var at = checked((int)memory.Position);
            memory.Position = at + length;
            return JsonSerializer.Deserialize(buffer.AsSpan(at, length), type)!;
        }
        return JsonSerializer.Deserialize(reader.ReadBytes(length), type)!;
    }

    /// <summary>Encodes with a writer.</summary>
    public static byte[] Encode(Action<BinaryWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true)) write(writer);
        return stream.ToArray();
    }

    /// <summary>Decodes with a reader.</summary>
    public static T Decode<T>(byte[] bytes, Func<BinaryReader, T> read)
    {
        // The buffer visible, so that JSON is parsed from it in place (ReadJson).
        using var reader = new BinaryReader(new MemoryStream(bytes, 0, bytes.Length, writable: false, publiclyVisible: true), System.Text.Encoding.UTF8);
        return read(reader);
    }
}
