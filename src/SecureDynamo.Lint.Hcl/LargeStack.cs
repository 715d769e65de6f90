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

    /// <summary>Runs <paramref name="work"/> on a large-stack thread and returns its result.</summary>
    public static T Run<T>(Func<T> work)
    {
        T result = default!;
        ExceptionDispatchInfo? failure = null;
        var thread = new Thread(
            () =>
            {
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
