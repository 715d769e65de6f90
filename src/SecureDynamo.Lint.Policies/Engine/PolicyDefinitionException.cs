namespace SecureDynamo.Lint.Policies.Engine;

/// <summary>A policy definition file that cannot be used; the message names the file and the problem.</summary>
public sealed class PolicyDefinitionException(string file, string problem) : Exception($"{file}: {problem}")
{
    public string File { get; } = file;
}
