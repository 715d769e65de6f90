namespace SecureDynamo.Lint.Plan;

/// <summary>
/// Cancellation and progress for one read: checked at every buffer refill (each 64 KiB), so
/// Ctrl-C stops a read promptly and progress is reported at most ten times a second.
/// </summary>
internal sealed class ReadProgress
{
    private const long ReportEveryMs = 100;
    private readonly CancellationToken _cancellation;
    private readonly IProgress<PlanReadProgress>? _progress;
    private long _lastReport = Environment.TickCount64;
    private int _resources;

    public ReadProgress(PlanReadOptions options)
    {
        _cancellation = options.Cancellation;
        _progress = options.Progress;
    }

    public void ResourceSeen() => _resources++;

    public void Check(long bytesRead)
    {
        _cancellation.ThrowIfCancellationRequested();
        if (_progress is null) return;
        var now = Environment.TickCount64;
        if (now - _lastReport < ReportEveryMs) return;
        _lastReport = now;
        _progress.Report(new PlanReadProgress(bytesRead, _resources));
    }
}
