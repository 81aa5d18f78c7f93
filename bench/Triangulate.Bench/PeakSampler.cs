using System.Diagnostics;

namespace Triangulate.Bench;

/// <summary>The process's largest working set and GC heap, sampled every 50 ms on its own thread until stopped.</summary>
internal sealed class PeakSampler : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Thread _thread;

    public PeakSampler()
    {
        _thread = new Thread(() =>
        {
            using var process = Process.GetCurrentProcess();
            while (!_stop.IsCancellationRequested)
            {
                process.Refresh();
                PeakWorkingSet = Math.Max(PeakWorkingSet, process.WorkingSet64);
                PeakHeap = Math.Max(PeakHeap, GC.GetTotalMemory(forceFullCollection: false));
                _stop.Token.WaitHandle.WaitOne(50);
            }
        })
        { IsBackground = true, Name = "peak sampler" };
        _thread.Start();
    }

    /// <summary>The largest working set seen, in bytes.</summary>
    public long PeakWorkingSet { get; private set; }

    /// <summary>The largest managed heap seen, in bytes.</summary>
    public long PeakHeap { get; private set; }

    /// <summary>Stops sampling (the peaks stay readable).</summary>
    public void Stop()
    {
        _stop.Cancel();
        _thread.Join();
    }

    public void Dispose()
    {
        if (!_stop.IsCancellationRequested) Stop();
        _stop.Dispose();
    }
}
