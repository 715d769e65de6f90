using System.Globalization;
using SecureDynamo.Lint.Plan;

namespace SecureDynamo.Lint.Cli.Scanning;

/// <summary>
/// The progress of reading one input, on one line of standard error that is rewritten in place
/// (only when standard error is a terminal) and erased when the read is done.
/// </summary>
public sealed class ProgressLine : IProgress<PlanReadProgress>, IDisposable
{
    private readonly TextWriter _error;
    private readonly string _input;
    private int _width;

    public ProgressLine(TextWriter error, string input)
    {
        _error = error;
        _input = Reporting.SafeText.OneLine(input);
    }

    public void Report(PlanReadProgress value)
    {
        var text = string.Create(CultureInfo.InvariantCulture,
            $"securedynamo: reading {_input}: {value.ResourcesRead:N0} resources, {value.BytesRead / 1_000_000.0:F0} MB");
        _error.Write("\r" + text.PadRight(_width));
        _error.Flush();
        _width = Math.Max(_width, text.Length);
    }

    public void Dispose()
    {
        if (_width == 0) return;
        _error.Write("\r" + new string(' ', _width) + "\r");
        _error.Flush();
    }
}
