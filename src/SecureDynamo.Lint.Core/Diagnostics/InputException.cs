namespace SecureDynamo.Lint.Core.Diagnostics;

/// <summary>
/// Input that cannot be analysed (unreadable, malformed, the wrong kind of file). The CLI prints
/// <see cref="Exception.Message"/> as one line and exits 2. The message always names the file.
/// </summary>
public sealed class InputException : Exception
{
    public InputException(string file, string problem, int? line = null, int? column = null)
        : base(Format(file, problem, line, column))
    {
        File = file;
        Problem = problem;
        Line = line;
        Column = column;
    }

    public string File { get; }
    public string Problem { get; }
    public int? Line { get; }
    public int? Column { get; }

    private static string Format(string file, string problem, int? line, int? column)
    {
        var where = line is null ? file : column is null ? $"{file}:{line}" : $"{file}:{line}:{column}";
        return $"{where}: {problem}";
    }
}
