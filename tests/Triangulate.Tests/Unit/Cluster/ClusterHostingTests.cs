using System.Net;
using Triangulate.Cluster;

namespace Triangulate.Tests.Unit.Cluster;

/// <summary>
/// A client keeps the provenance candidate index itself when every worker runs on its own machine, and shards it over
/// the workers when any runs elsewhere (<see cref="ClusterHosting.CandidateShardsAsync"/>).
/// </summary>
public sealed class ClusterHostingTests
{
    private static readonly HashSet<IPAddress> Local = [IPAddress.Parse("10.1.2.3"), IPAddress.Parse("fd00::7")];

    [Fact]
    public void WorkersAllOnThisMachineLeaveTheIndexOnTheClient()
    {
        IPAddress[] workers = [IPAddress.Parse("10.1.2.3"), IPAddress.Parse("10.1.2.3"), IPAddress.Loopback, IPAddress.Parse("fd00::7")];
        Assert.Equal(0, ClusterHosting.CandidateShardsFor(workers, Local));
    }

    [Fact]
    public void AnIPv4AddressWrittenAsIPv6CountsAsTheSameMachine()
    {
        IPAddress[] workers = [IPAddress.Parse("10.1.2.3").MapToIPv6()];
        Assert.Equal(0, ClusterHosting.CandidateShardsFor(workers, Local));
    }

    [Fact]
    public void OneWorkerOnAnotherMachineShardsTheIndex()
    {
        IPAddress[] workers = [IPAddress.Parse("10.1.2.3"), IPAddress.Parse("10.1.2.4")];
        Assert.Equal(ClusterExecutor.DefaultCandidateShards, ClusterHosting.CandidateShardsFor(workers, Local));
    }

    [Fact]
    public void NoWorkerKnownYetShardsTheIndexAsBefore()
    {
        Assert.Equal(ClusterExecutor.DefaultCandidateShards, ClusterHosting.CandidateShardsFor([], Local));
    }
}
