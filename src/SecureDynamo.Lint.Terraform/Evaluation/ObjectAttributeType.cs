using SecureDynamo.Lint.Core.Values;

namespace SecureDynamo.Lint.Terraform.Evaluation;

/// <summary>One attribute of an <c>object({...})</c> type: its type, whether it is <c>optional(...)</c>, and the optional default.</summary>
internal sealed record ObjectAttributeType(TypeConstraint Type, bool Optional, Value? Default);
