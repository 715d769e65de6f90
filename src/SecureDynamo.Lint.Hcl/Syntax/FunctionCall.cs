using SecureDynamo.Lint.Core.Diagnostics;
using SecureDynamo.Lint.Hcl.Values;

namespace SecureDynamo.Lint.Hcl.Syntax;

/// <summary>A function call; <see cref="Name"/> may be a provider function (<c>provider::aws::arn_parse</c>).</summary>
public sealed record FunctionCall(
    SourceRange Range,
    string Name,
    SourceRange NameRange,
    IReadOnlyList<Expression> Args,
    bool ExpandFinal,
    SourceRange OpenParenRange,
    SourceRange CloseParenRange) : Expression(Range);
