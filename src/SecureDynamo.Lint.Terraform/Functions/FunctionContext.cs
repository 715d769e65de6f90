using SecureDynamo.Lint.Core.Diagnostics;
using SecureDynamo.Lint.Terraform.Evaluation;

namespace SecureDynamo.Lint.Terraform.Functions;

/// <summary>Where a function is called: its module (for <c>file</c>, <c>templatefile</c>) and range.</summary>
internal sealed record FunctionContext(IModuleScope Scope, SourceRange Range);
