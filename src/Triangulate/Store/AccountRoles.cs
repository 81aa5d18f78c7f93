namespace Triangulate.Store;

/// <summary>The names of the rights, as stores keep them, the command line takes them and sessions carry them.</summary>
public static class AccountRoles
{
    /// <summary>"read" or "write".</summary>
    public static string Name(AccountRole role) => role == AccountRole.Write ? "write" : "read";

    /// <summary>The right named <paramref name="name"/> ("read" or "write"), or null.</summary>
    public static AccountRole? Parse(string? name) => name switch
    {
        "read" => AccountRole.Read,
        "write" => AccountRole.Write,
        _ => null,
    };
}
