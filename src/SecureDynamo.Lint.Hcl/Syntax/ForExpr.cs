using SecureDynamo.Lint.Core.Diagnostics;
using SecureDynamo.Lint.Hcl.Values;

namespace SecureDynamo.Lint.Hcl.Syntax;

/// <summary>
/// <c>[for k, v in coll : val if cond]</c> or <c>{for k, v in coll : key => val... if cond}</c>.
/// <see cref="KeyExpr"/> is non-null exactly for object results.
/// </summary>
public sealed record ForExpr(
    SourceRange Range,
    string? KeyVar,
    string ValVar,
    Expression Collection,
    Expression? KeyExpr,
    Expression ValExpr,
    Expression? Condition,
    bool Group) : Expression(Range);
