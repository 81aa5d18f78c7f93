using System.Globalization;
using System.Runtime.InteropServices;

namespace Triangulate.Bench;

/// <summary>CPU time of the calling thread, which other processes on a shared machine do not inflate.</summary>
internal static class ThreadCpu
{
    private const int ClockThreadCpuTime = 3; // CLOCK_THREAD_CPUTIME_ID on Linux

    /// <summary>
    /// Time the calling thread has spent on a CPU, from Linux's scheduler statistics (nanoseconds; time waiting for a
    /// CPU behind other processes is not counted); NaN elsewhere.
    /// </summary>
    public static double Nanoseconds()
    {
        const string Path = "/proc/thread-self/schedstat";
        if (!File.Exists(Path)) return double.NaN;
        var fields = File.ReadAllText(Path).Split(' ');
        return double.Parse(fields[0], CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// The same clock read cheaply (a system call, no file), for timing steps of well under a millisecond: thread
    /// CPU nanoseconds from <c>clock_gettime(CLOCK_THREAD_CPUTIME_ID)</c>, or 0 off Linux.
    /// </summary>
    public static long Now()
    {
        if (!OperatingSystem.IsLinux()) return 0;
        _ = NativeMethods.ClockGetTime(ClockThreadCpuTime, out var time);
        return time.Seconds * 1_000_000_000 + time.Nanoseconds;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    private static class NativeMethods
    {
        [DllImport("libc", EntryPoint = "clock_gettime")]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int ClockGetTime(int clock, out TimeSpec time);
    }
}
