namespace SecureDynamo.Lint.Policies.Engine;

/// <summary>Options of one policy (e.g. <c>trustedAccounts</c> of dynamodb:006), each a list of strings.</summary>
public sealed class PolicyOptions
{
    public static readonly PolicyOptions None = new(new Dictionary<string, IReadOnlyList<string>>());

    public PolicyOptions(IReadOnlyDictionary<string, IReadOnlyList<string>> values) => Values = values;

    public IReadOnlyDictionary<string, IReadOnlyList<string>> Values { get; }

    /// <summary>The option's values, or null when not configured.</summary>
    public IReadOnlyList<string>? Get(string name) => Values.TryGetValue(name, out var v) ? v : null;
}
