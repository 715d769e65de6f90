using System.Diagnostics;

namespace SecureDynamo.Lint.Benchmarks;

/// <summary>Runs an action once to warm up, then <c>runs</c> times, and reports the median.</summary>
public static class Measure
{
    public static TimeSpan Median(int runs, Action action) => Median(runs, action, out _);

    /// <summary>Median wall time, and in <paramref name="cpu"/> the median processor time of all threads (less disturbed by other load).</summary>
    public static TimeSpan Median(int runs, Action action, out TimeSpan cpu)
    {
        action();
        var times = new List<TimeSpan>();
        var cpuTimes = new List<TimeSpan>();
        using var self = Process.GetCurrentProcess();
        for (var i = 0; i < runs; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            self.Refresh();
            var cpuBefore = self.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            action();
            times.Add(clock.Elapsed);
            self.Refresh();
            cpuTimes.Add(self.TotalProcessorTime - cpuBefore);
        }
        cpu = MedianOf(cpuTimes);
        return MedianOf(times);
    }

    public static TimeSpan MedianOf(IEnumerable<TimeSpan> values)
    {
        var sorted = values.OrderBy(t => t).ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    public static long MedianOf(IEnumerable<long> values)
    {
        var sorted = values.OrderBy(t => t).ToList();
        return sorted[sorted.Count / 2];
    }

    public static string Mib(long bytes) => $"{bytes / (1024.0 * 1024):F1} MiB";

    public static string Ms(TimeSpan t) => $"{t.TotalMilliseconds:F0} ms";
}
