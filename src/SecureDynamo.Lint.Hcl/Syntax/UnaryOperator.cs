namespace SecureDynamo.Lint.Hcl.Syntax;

/// <summary>HCL unary operators.</summary>
public enum UnaryOperator
{
    Not,
    Negate,
}
