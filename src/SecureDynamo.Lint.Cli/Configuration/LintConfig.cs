using SecureDynamo.Lint.Core.Evaluation;
using SecureDynamo.Lint.Policies.Engine;
using SecureDynamo.Lint.Policies.Suppression;

namespace SecureDynamo.Lint.Cli.Configuration;

/// <summary>
/// A <c>.securedynamo.json</c> file, validated. Null settings were not given (the command line
/// or the built-in default decides).
/// </summary>
/// <param name="File">The file it was read from.</param>
/// <param name="Directory">The folder holding it: <c>include</c>/<c>exclude</c> globs are relative to it.</param>
public sealed record LintConfig(
    string File,
    string Directory,
    Severity? FailOn,
    bool? FailOnUnknown,
    IReadOnlySet<string> DisabledPolicies,
    IReadOnlyDictionary<string, PolicyOptions> Options,
    IReadOnlyList<string> Include,
    IReadOnlyList<string> Exclude,
    IReadOnlyList<ConfigException> Exceptions)
{
    public const string FileName = ".securedynamo.json";
}
