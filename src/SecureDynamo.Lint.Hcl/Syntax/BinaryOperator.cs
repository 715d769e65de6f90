namespace SecureDynamo.Lint.Hcl.Syntax;

/// <summary>HCL binary operators.</summary>
public enum BinaryOperator
{
    Or,
    And,
    Equal,
    NotEqual,
    LessThan,
    LessThanOrEqual,
    GreaterThan,
    GreaterThanOrEqual,
    Add,
    Subtract,
    Multiply,
    Divide,
    Modulo,
}
