using SecureDynamo.Lint.Core.Diagnostics;

namespace SecureDynamo.Lint.Hcl;

/// <summary>
/// A comment token exactly as written (<c>#</c>, <c>//</c> or <c>/* */</c>; line comments include
/// their terminating newline, as in HCL). Suppression comments are read from these.
/// </summary>
public sealed record HclComment(string Text, SourceRange Range);
