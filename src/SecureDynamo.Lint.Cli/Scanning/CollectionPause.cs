using System.Runtime;

namespace SecureDynamo.Lint.Cli.Scanning;

/// <summary>
/// Asks the runtime not to collect garbage while a large plan is scanned (<see cref="GC.TryStartNoGCRegion(long, long)"/>),
/// for an allocation budget sized from the input and capped. A scan keeps nearly everything it allocates until the report
/// is written (the graph, the results), so a collection mid-scan only costs: on a 110 MB plan the large arrays of the
/// graph's indexes set off a background gen2 collection in every scan (marking a heap of 100 MB on one of the two cores
/// the reading threads need), and a blocking one in some. Past the budget the runtime collects as usual; a tiny input
/// does not ask (start-up is what counts there), nor does a scan while another holds the region (tests run scans in
/// parallel in one process).
/// </summary>
/// <remarks>
/// Measured on the 2-core VM, 108 MB plan, a fresh `scan --format json` process, 8 runs each alternating with the region
/// turned off: 1.37-1.64 s (median 1.47) against 1.39-2.13 s (median 1.7), peak RSS 213-243 MiB (median 226) against
/// 187-229 MiB (median 210). What is allocated under the region stays resident until it ends: the cap keeps a 110 MB
/// plan's scan under 256 MiB. The in-process benchmark (which collects between runs) showed no clear change.
/// </remarks>
internal sealed class CollectionPause : IDisposable
{
    /// <summary>Smaller inputs scan in well under a second and allocate little: no region.</summary>
    internal const long MinimumInputBytes = 16L << 20;

    /// <summary>The most small-object bytes the region allows (a 110 MB plan's JSON-report scan allocates about 140 MB).</summary>
    internal const long MaximumSmallObjectBudget = 160L << 20;

    /// <summary>The large-object (>= 85,000 bytes) part, beside the small-object budget (about 13 MB per 110 MB scan).</summary>
    internal const long MaximumLargeObjectBudget = 32L << 20;

    private bool _started;

    private CollectionPause(bool started) => _started = started;

    /// <summary>Whether this pause holds the region (for tests).</summary>
    internal bool Started => _started;

    /// <summary>A pause sized for scanning <paramref name="paths"/> (their files' sizes; directories and standard input count as nothing).</summary>
    public static CollectionPause For(IEnumerable<string> paths)
    {
        long bytes = 0;
        foreach (var path in paths)
        {
            try
            {
                var file = new FileInfo(path);
                if (file.Exists) bytes += file.Length;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                // Not a readable file: the scan itself reports it.
            }
        }
        return Sized(bytes);
    }

    /// <summary>A pause for <paramref name="inputBytes"/> of input: none below <see cref="MinimumInputBytes"/>.</summary>
    internal static CollectionPause Sized(long inputBytes)
    {
        if (inputBytes < MinimumInputBytes) return new CollectionPause(false);
        // A scan allocates about 1.3 times its input; half as much again as the input leaves room.
        var small = Math.Min(MaximumSmallObjectBudget, inputBytes + inputBytes / 2);
        var large = Math.Min(MaximumLargeObjectBudget, inputBytes / 4);
        // One scan at a time: asking while a region is held ends that region (the runtime's rule), so another scan of
        // this process (tests run scans in parallel) goes without.
        if (Interlocked.CompareExchange(ref s_held, 1, 0) != 0) return new CollectionPause(false);
        var started = false;
        try
        {
            started = GCSettings.LatencyMode != GCLatencyMode.NoGCRegion && GC.TryStartNoGCRegion(small + large, large);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentOutOfRangeException)
        {
            // Held by other code of the process, or more than this runtime's configuration allows: collections as usual.
        }
        if (!started) Volatile.Write(ref s_held, 0);
        return new CollectionPause(started);
    }

    // 1 while a pause of this process holds the region.
    private static int s_held;

    public void Dispose()
    {
        if (!_started) return;
        _started = false;
        try
        {
            // Allocating past the budget (or a collection another thread asked for) has ended it already.
            if (GCSettings.LatencyMode == GCLatencyMode.NoGCRegion) GC.EndNoGCRegion();
        }
        catch (InvalidOperationException)
        {
            // Ended between the check and the call.
        }
        finally
        {
            Volatile.Write(ref s_held, 0);
        }
    }
}
