using System.Runtime.ExceptionServices;

namespace SecureDynamo.Lint.Hcl;

/// <summary>
/// Runs deeply recursive work (parsing, tree walks) on a thread with a large stack: HCL accepts
/// 10 000-deep nesting and .NET cannot catch a stack overflow, so the default 1 MB is not enough.
/// </summary>
public static class LargeStack
{
    /// <summary>Stack size of the worker thread (reserved, not committed).</summary>
    public const int StackBytes = 1024 * 1024 * 1024;

    [ThreadStatic]
    private static bool _onLargeStack;

    /// <summary>
    /// Runs <paramref name="work"/> on <paramref name="workers"/> large-stack threads at once and waits
    /// for all of them (parallel work that parses, such as reading several modules: starting a
    /// 1 GB-stack thread for each item is costly). The first failure, in worker order, is rethrown.
    /// </summary>
    public static void RunOnWorkers(int workers, Action work)
    {
        var failures = new ExceptionDispatchInfo?[Math.Max(workers, 1)];
        var threads = new Thread[failures.Length];
        for (var w = 0; w < threads.Length; w++)
        {
            var index = w;
            threads[w] = new Thread(
                () =>
                {
                    _onLargeStack = true;
                    try
                    {
                        work();
                    }
                    catch (Exception ex)
                    {
                        failures[index] = ExceptionDispatchInfo.Capture(ex);
                    }
                },
                StackBytes);
            threads[w].Start();
        }
        foreach (var t in threads) t.Join();
        foreach (var f in failures) f?.Throw();
    }

    /// <summary>
    /// Runs <paramref name="work"/> on a large-stack thread and returns its result. Already on one
    /// (a parse started while a module is read), it runs in place: a thread per file is costly.
    /// </summary>
    public static T Run<T>(Func<T> work)
    {
        if (_onLargeStack) return work();
        T result = default!;
        ExceptionDispatchInfo? failure = null;
        var thread = new Thread(
            () =>
            {
                _onLargeStack = true;
                try
                {
                    result = work();
                }
                catch (Exception ex)
                {
                    failure = ExceptionDispatchInfo.Capture(ex);
                }
            },
            StackBytes);
        thread.Start();
        thread.Join();
        failure?.Throw();
        return result;
    }
}
