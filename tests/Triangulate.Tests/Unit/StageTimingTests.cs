namespace Triangulate.Tests.Unit;

/// <summary>A phase's bytes and collections (issue 16: what a run costs the collector, whatever the machine's load).</summary>
public class StageTimingTests
{
    [Fact]
    public void A_phase_counts_the_bytes_allocated_while_it_ran()
    {
        var started = StageTiming.Start();
        var kept = new byte[4_000_000];
        var timing = started.Stop("phase");
        GC.KeepAlive(kept);
        Assert.NotNull(timing.Memory);
        Assert.InRange(timing.Memory.Value.Allocated, 4_000_000, 40_000_000);
    }

    [Fact]
    public void Summed_phases_add_their_memory_and_keep_each_part()
    {
        var first = new StageTiming("provenance", TimeSpan.FromSeconds(1)) { Memory = new StageMemory(100, 3, 1, 0) };
        var second = new StageTiming("provenance", TimeSpan.FromSeconds(2)) { Memory = new StageMemory(250, 4, 2, 1) };
        var once = new StageTiming("reports", TimeSpan.FromSeconds(1));

        var summed = StageTiming.Summed([first, once, second]);

        Assert.Equal(["provenance", "reports"], summed.Select(t => t.Stage));
        Assert.Equal(new StageMemory(350, 7, 3, 1), summed[0].Memory);
        Assert.Equal([first, second], summed[0].Parts);
        Assert.Null(summed[1].Memory);
        Assert.Empty(summed[1].Parts);
    }
}
