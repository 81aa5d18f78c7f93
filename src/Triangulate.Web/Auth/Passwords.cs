using Microsoft.AspNetCore.Identity;
using Triangulate.Store;

namespace Triangulate.Web.Auth;

/// <summary>
/// Password hashes by ASP.NET Core Identity's <see cref="PasswordHasher{TUser}"/> (PBKDF2 with HMAC-SHA512, a random
/// 128-bit salt per hash, 100,000 iterations in its current format), and the rules a new password must meet.
/// </summary>
public static class Passwords
{
    /// <summary>The fewest characters a password may have.</summary>
    public const int MinimumLength = 8;

    private static readonly PasswordHasher<Account> Hasher = new();

    /// <summary>
    /// A hash of a password no one has: checked when a name is unknown, so an unknown name costs as long as a wrong
    /// password and the time of an answer does not tell which names exist.
    /// </summary>
    private static readonly Lazy<string> Decoy = new(() => Hash(Guid.NewGuid().ToString("N")));

    /// <summary>The hash to store for <paramref name="password"/> (salted afresh each time).</summary>
    public static string Hash(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        return Hasher.HashPassword(null!, password);
    }

    /// <summary>Whether <paramref name="password"/> is the account's; false for no account (after the same work).</summary>
    public static PasswordVerificationResult Verify(Account? account, string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        var result = Hasher.VerifyHashedPassword(null!, account?.PasswordHash ?? Decoy.Value, password);
        return account is null ? PasswordVerificationResult.Failed : result;
    }

    /// <summary>Why <paramref name="password"/> may not be set, or null when it may.</summary>
    public static string? Problem(string? password) =>
        string.IsNullOrEmpty(password) ? "an account needs a password"
        : password.Length < MinimumLength ? $"the password is too short: use at least {MinimumLength} characters"
        : null;

    /// <summary>Why <paramref name="name"/> may not name an account, or null when it may (1 to 64 letters, digits, '.', '_', '-', '@').</summary>
    public static string? NameProblem(string? name) =>
        string.IsNullOrEmpty(name) || name.Length > 64 || !name.All(c => char.IsLetterOrDigit(c) || c is '.' or '_' or '-' or '@')
            ? "an account name is 1 to 64 letters, digits, '.', '_', '-' or '@'"
            : null;
}
