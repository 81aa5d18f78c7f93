namespace Triangulate.Store;

/// <summary>
/// One account of a served corpus: its name, its password's hash (never the password), its right, and a stamp that
/// changes whenever the password or the right does, so sessions signed in before the change end.
/// </summary>
public sealed record Account(string Name, string PasswordHash, AccountRole Role, string Stamp)
{
    /// <summary>A fresh stamp: random, so no two changes share one.</summary>
    public static string NewStamp() => Guid.NewGuid().ToString("N");
}
