using System.Diagnostics.Tracing;

namespace Triangulate.Bench;

/// <summary>
/// Where a stage's garbage comes from, in-process (issue 16; docs/benchmarks.md, "(session 33, alloc33)"): listens to
/// the runtime's AllocationTick events (provider "Microsoft-Windows-DotNETRuntime", GC keyword, verbose level), which
/// the runtime raises about every 100 KB allocated with the type of the object that crossed the mark, so the bytes a
/// type's ticks sum to estimate the bytes allocated as that type. Sections (<see cref="Measure"/>) are spans of wall
/// time; the events come in on the runtime's dispatch thread a little later, carrying their own time stamps, and are
/// sorted into sections by those. A sampler of types, not of stacks: the allocation site is read from the type.
/// </summary>
internal sealed class AllocationSampler : EventListener
{
    private const EventKeywords GcKeyword = (EventKeywords)0x1;
    private const int AllocationTickEvent = 10;
    private readonly List<(DateTime Time, string Type, long Bytes)> _ticks = [];
    private readonly List<(string Name, DateTime Start, DateTime End, long Allocated)> _sections = [];

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime") EnableEvents(eventSource, EventLevel.Verbose, GcKeyword);
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (eventData.EventId != AllocationTickEvent || eventData.Payload is null || eventData.PayloadNames is null) return;
        var type = eventData.PayloadNames.IndexOf("TypeName") is var t and >= 0 ? eventData.Payload[t] as string ?? "?" : "?";
        var amount = eventData.PayloadNames.IndexOf("AllocationAmount64") is var a and >= 0 ? Convert.ToInt64(eventData.Payload[a], System.Globalization.CultureInfo.InvariantCulture) : 100_000;
        lock (_ticks) _ticks.Add((eventData.TimeStamp.ToUniversalTime(), type, amount));
    }

    /// <summary>Runs <paramref name="action"/> as a section named <paramref name="name"/> (a name measured again adds to it).</summary>
    public void Measure(string name, Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var start = DateTime.UtcNow;
        action();
        _sections.Add((name, start, DateTime.UtcNow, GC.GetTotalAllocatedBytes(precise: true) - allocated));
    }

    /// <summary>Each section's allocated bytes (exact) and its <paramref name="top"/> types by sampled bytes, after the late events are in.</summary>
    public void Print(int top)
    {
        Thread.Sleep(2000);
        List<(DateTime Time, string Type, long Bytes)> ticks;
        lock (_ticks) ticks = [.. _ticks];
        foreach (var group in _sections.GroupBy(s => s.Name))
        {
            var spans = group.ToList();
            var byType = ticks.Where(k => spans.Any(s => k.Time >= s.Start && k.Time <= s.End)).GroupBy(k => k.Type)
                .Select(g => (Type: g.Key, Bytes: g.Sum(k => k.Bytes), Count: g.Count())).OrderByDescending(g => g.Bytes).ToList();
            var sampled = byType.Sum(g => g.Bytes);
            Console.WriteLine($"alloc {group.Key}: {spans.Sum(s => s.Allocated) / 1e6:F1} MB allocated ({sampled / 1e6:F1} MB in {byType.Sum(g => g.Count)} ticks)");
            foreach (var (type, bytes, count) in byType.Take(top))
                Console.WriteLine($"  {bytes / 1e6,8:F1} MB {100.0 * bytes / Math.Max(1, sampled),5:F1}%  {type}");
        }
    }
}
