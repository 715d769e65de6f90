using System.Text.RegularExpressions;

namespace SecureDynamo.Lint.Terraform.Functions;

/// <summary>
/// Regular expressions of <c>regex</c>, <c>regexall</c> and <c>replace("/…/")</c>. Terraform uses RE2, whose
/// matching time grows linearly with the input; so does .NET's non-backtracking engine, which also refuses
/// RE2's unsupported constructs (backreferences, lookaround). A pattern such as <c>^(a+)+$</c> would otherwise
/// backtrack for minutes on a short string of the module's own making. RE2's named groups <c>(?P&lt;name&gt;…)</c>
/// are written the .NET way before compiling.
/// </summary>
internal static class TerraformRegex
{
    /// <summary>A backstop only: the non-backtracking engine has no catastrophic cases.</summary>
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(2);

    public static Regex Create(string pattern)
    {
        var dotnet = pattern.Replace("(?P<", "(?<", StringComparison.Ordinal);
        try
        {
            return new Regex(dotnet, RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, MatchTimeout);
        }
        catch (NotSupportedException e)
        {
            // RE2 has no backreferences or lookaround either: Terraform rejects such a pattern too.
            throw new Evaluation.EvaluationError($"the pattern uses a construct Terraform's regular expressions (RE2) do not have: {e.Message}");
        }
    }
}
