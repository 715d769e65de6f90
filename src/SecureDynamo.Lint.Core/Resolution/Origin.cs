using SecureDynamo.Lint.Core.Graph;
using SecureDynamo.Lint.Core.Values;

namespace SecureDynamo.Lint.Core.Resolution;

/// <summary>Where an expression's value comes from, as far as configuration tells before apply.</summary>
public abstract record Origin;

/// <summary>An attribute of a managed resource or data source (<c>aws_kms_key.k.arn</c>).</summary>
/// <param name="ModulePath">The module the resource is declared in.</param>
/// <param name="Address">Its address inside that module (<c>aws_kms_key.k</c>, <c>data.aws_kms_alias.a</c>).</param>
/// <param name="Instances">Its instances in the graph (several for count/for_each).</param>
/// <param name="Reference">The reference as written.</param>
public sealed record ResourceOrigin(string ModulePath, ResourceMode Mode, string Type, string Address, ResourceConfig? Config, IReadOnlyList<Resource> Instances, string Reference) : Origin;

/// <summary>A value known from configuration: a literal, a root variable, a variable default.</summary>
public sealed record ConstantOrigin(Value Value, string Reference) : Origin;

/// <summary>Cannot be known before apply; <see cref="Why"/> names the expression.</summary>
public sealed record UnresolvedOrigin(string Why) : Origin;
