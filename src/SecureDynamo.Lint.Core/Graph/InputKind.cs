namespace SecureDynamo.Lint.Core.Graph;

/// <summary>What kind of input a graph was read from.</summary>
public enum InputKind
{
    Plan,
    State,
    Hcl,
}
