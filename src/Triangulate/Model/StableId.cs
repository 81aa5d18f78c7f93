using System.Security.Cryptography;
using System.Text;

namespace Triangulate.Model;

/// <summary>
/// Ids derived from content, never from processing order, so that a rerun over the same inputs gives the same ids.
/// </summary>
public static class StableId
{
    /// <summary>The id of a document: "d-" and the first 16 hex digits of its SHA-256 (64 bits: collisions are negligible below billions of documents).</summary>
    public static string ForDocument(string sha256)
    {
        ArgumentNullException.ThrowIfNull(sha256);
        return string.Concat("d-", sha256.AsSpan(0, 16));
    }

    /// <summary>An id made of a prefix and a hash of the parts (joined with a separator no part contains in practice).</summary>
    public static string Of(string prefix, params ReadOnlySpan<string?> parts)
    {
        var builder = new StringBuilder();
        foreach (var part in parts) builder.Append(part).Append('\u001f');
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(builder.ToString()), hash);
        return string.Concat(prefix, "-", Convert.ToHexStringLower(hash[..6]));
    }

    /// <summary>Lower-case hex SHA-256 of bytes.</summary>
    public static string Sha256Hex(ReadOnlySpan<byte> bytes)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(bytes, hash);
        return Convert.ToHexStringLower(hash);
    }
}
