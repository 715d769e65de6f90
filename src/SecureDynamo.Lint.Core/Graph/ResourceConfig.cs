namespace SecureDynamo.Lint.Core.Graph;

/// <summary>A <c>resource</c> or <c>data</c> block of a module's configuration.</summary>
public sealed record ResourceConfig(
    string Address,
    ResourceMode Mode,
    string Type,
    string Name,
    string? ProviderConfigKey,
    ConfigBody Body,
    Values.Expression? Count,
    Values.Expression? ForEach);
