using SecureDynamo.Lint.Core.Values;

namespace SecureDynamo.Lint.Core.Graph;

/// <summary>A <c>provider</c> block: its key (<c>aws</c>, <c>aws.west</c>, <c>module.m:aws</c>), module and arguments.</summary>
public sealed record ProviderConfig(string Key, string Name, string? Alias, string Module, IReadOnlyDictionary<string, Expression> Arguments);
