namespace Triangulate.Tests.Support;

/// <summary>
/// A fact about Unix file permissions, reported skipped where they cannot be tested: on Windows, and for root, who
/// reads and lists whatever the modes say.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class UnprivilegedFactAttribute : FactAttribute
{
    /// <summary>Skips on Windows and in a privileged process.</summary>
    public UnprivilegedFactAttribute()
    {
        if (OperatingSystem.IsWindows()) Skip = "Unix file modes only";
        else if (Environment.IsPrivilegedProcess) Skip = "run as root, which lists any folder whatever its mode";
    }
}
