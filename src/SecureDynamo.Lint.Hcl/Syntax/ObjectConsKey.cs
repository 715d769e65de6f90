using SecureDynamo.Lint.Core.Diagnostics;
using SecureDynamo.Lint.Hcl.Values;

namespace SecureDynamo.Lint.Hcl.Syntax;

/// <summary>
/// An object key. A bare identifier key (<c>{ name = 1 }</c>) means the string "name", unless the
/// key was parenthesised (<see cref="ForceNonLiteral"/>), in which case it is evaluated.
/// </summary>
public sealed record ObjectConsKey(SourceRange Range, Expression Wrapped, bool ForceNonLiteral) : Expression(Range)
{
    /// <summary>
    /// The literal key name when the key is a bare identifier, else null. The keywords <c>true</c>,
    /// <c>false</c> and <c>null</c> are names here too (HCL reads <c>{ null = 1 }</c> as the key "null").
    /// </summary>
    public string? LiteralName => ForceNonLiteral ? null : Wrapped switch
    {
        ScopeTraversal { Traversal.Count: 1 } t => t.RootName,
        LiteralValue { Value: HclBool b } => b.Value ? "true" : "false",
        LiteralValue { Value: HclNull } => "null",
        _ => null,
    };
}
