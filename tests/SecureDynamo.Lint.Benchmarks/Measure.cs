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

    /// <summary>
    /// Runs <paramref name="baseline"/> and <paramref name="action"/> alternately (once each to warm up, then
    /// <c>runs</c> pairs) and returns the median of each and the median of their ratios, pair by pair: on a
    /// machine whose speed drifts (a shared VM), both sides of a pair run at the same speed, so the ratio is
    /// steadier than the ratio of medians measured minutes apart.
    /// </summary>
    public static (TimeSpan Baseline, TimeSpan Action, double Ratio) Paired(int runs, Action baseline, Action action)
    {
        baseline();
        action();
        var baselines = new List<TimeSpan>();
        var actions = new List<TimeSpan>();
        var ratios = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var b = Once(baseline);
            var a = Once(action);
            baselines.Add(b);
            actions.Add(a);
            ratios.Add(a / b);
        }
        ratios.Sort();
        var ratio = ratios.Count % 2 == 1 ? ratios[ratios.Count / 2] : (ratios[ratios.Count / 2 - 1] + ratios[ratios.Count / 2]) / 2;
        return (MedianOf(baselines), MedianOf(actions), ratio);
    }

    private static TimeSpan Once(Action action)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var clock = Stopwatch.StartNew();
        action();
        return clock.Elapsed;
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
