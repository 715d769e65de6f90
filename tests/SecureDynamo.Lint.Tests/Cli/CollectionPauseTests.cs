using System.Runtime;
using SecureDynamo.Lint.Cli.Scanning;

namespace SecureDynamo.Lint.Tests.Cli;

/// <summary>
/// The no-collection region of a large scan is entered only for a large input, held by one scan at a time, and left
/// at the end however it went (ended early by the runtime or not). The region is process-wide: these tests run alone.
/// </summary>
[Collection(SoloCollection.Name)]
public sealed class CollectionPauseTests
{
    [Fact]
    public void A_small_input_scans_with_collections_as_usual()
    {
        using var pause = CollectionPause.Sized(CollectionPause.MinimumInputBytes - 1);
        Assert.False(pause.Started);
        Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
    }

    [Fact]
    public void A_large_input_holds_the_region_until_the_scan_ends_and_a_second_scan_does_without()
    {
        var outer = CollectionPause.Sized(100L << 20);
        Assert.True(outer.Started);
        Assert.Equal(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
        using (var inner = CollectionPause.Sized(100L << 20))
        {
            Assert.False(inner.Started);
        }
        Assert.Equal(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
        outer.Dispose();
        Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
    }

    [Fact]
    public void A_region_the_runtime_ended_early_is_left_quietly()
    {
        var pause = CollectionPause.Sized(CollectionPause.MinimumInputBytes);
        Assert.True(pause.Started);
        // An induced collection ends the region, as allocating past its budget does.
        GC.Collect();
        Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
        pause.Dispose();
        Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
    }
}

/// <summary>Tests that change process-wide state run alone, not beside the other tests.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SoloCollection
{
    public const string Name = "solo";
}
