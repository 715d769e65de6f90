namespace SecureDynamo.Lint.Core.Diagnostics;

/// <summary>A one-based line/column position with its zero-based byte offset.</summary>
public readonly record struct SourcePosition(int Line, int Column, int Byte);

/// <summary>A range in a source file (HCL, or the plan JSON itself).</summary>
public sealed record SourceRange(string File, SourcePosition Start, SourcePosition End)
{
    public override string ToString() => $"{File}:{Start.Line}:{Start.Column}";
}
