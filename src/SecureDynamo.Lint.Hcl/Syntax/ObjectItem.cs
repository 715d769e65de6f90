using SecureDynamo.Lint.Core.Diagnostics;
using SecureDynamo.Lint.Hcl.Values;

namespace SecureDynamo.Lint.Hcl.Syntax;

/// <summary>One <c>key = value</c> (or <c>key: value</c>) item of an object constructor.</summary>
public sealed record ObjectItem(ObjectConsKey Key, Expression Value);
