using SecureDynamo.Lint.Core.Diagnostics;
using SecureDynamo.Lint.Core.Values;

namespace SecureDynamo.Lint.Core.Graph;

/// <summary>One resource instance of the graph, with its planned action and values.</summary>
public sealed class Resource
{
    public Resource(
        ResourceAddress address,
        PlannedAction action,
        Value after,
        Value before,
        ResourceConfig? config,
        string? providerName = null,
        string? providerConfigKey = null,
        string? actionReason = null,
        IReadOnlyList<AttributePath>? replacePaths = null,
        SourceRange? location = null)
    {
        Address = address;
        Action = action;
        After = after;
        Before = before;
        Config = config;
        ProviderName = providerName;
        ProviderConfigKey = providerConfigKey ?? config?.ProviderConfigKey;
        ActionReason = actionReason;
        ReplacePaths = replacePaths ?? Array.Empty<AttributePath>();
        Location = location;
        Type = address.Type;
        IsJudged = address.Mode == ResourceMode.Managed && action.KeepsResource();
    }

    public ResourceAddress Address { get; }
    // Kept here, not read through the address: every policy asks them of every resource of its types, and the address is
    // an object of its own (one more cache miss per resource and policy: a sixth of a simple policy's time on a large plan).
    public string Type { get; }
    public ResourceMode Mode => Address.Mode;
    public PlannedAction Action { get; }

    /// <summary>The values the resource will have (plan <c>after</c>, state values, evaluated HCL).</summary>
    public Value After { get; }

    /// <summary>The values before the plan; <see cref="Value.Null"/> when the resource is new or there is no plan.</summary>
    public Value Before { get; }

    /// <summary>The resource's configuration block, when the input has configuration.</summary>
    public ResourceConfig? Config { get; }

    public string? ProviderName { get; }
    public string? ProviderConfigKey { get; }

    /// <summary>The plan's <c>action_reason</c> (e.g. <c>replace_because_cannot_update</c>).</summary>
    public string? ActionReason { get; }

    /// <summary>The attributes that force replacement (<c>replace_paths</c>).</summary>
    public IReadOnlyList<AttributePath> ReplacePaths { get; }

    /// <summary>
    /// Deposed objects at this address that the plan destroys, by their deposed key: real objects (a
    /// table with its items) left behind when a create_before_destroy replacement did not finish.
    /// </summary>
    public IReadOnlyList<string> DestroyedDeposedObjects { get; init; } = [];

    /// <summary>This resource stands for a deposed object of its address (the plan has no current object there).</summary>
    public bool IsDeposedObject { get; init; }

    /// <summary>Where the resource is written: the <c>.tf</c> block, or its entry in the plan file.</summary>
    public SourceRange? Location { get; }

    /// <summary>Whether the policies that judge a resource's state judge this one.</summary>
    public bool IsJudged { get; }

    /// <summary>The value at <paramref name="path"/> of <see cref="After"/>.</summary>
    public Value Get(AttributePath path) => After.Navigate(path);

    /// <summary>The configuration expression at <paramref name="path"/>, or null when never set (or no configuration).</summary>
    public Expression? ExpressionAt(AttributePath path) => Config?.Body.ExpressionAt(path);

    public override string ToString() => Address.ToString();

    // Resources are equal only to themselves (Equals is not overridden). The runtime's identity hash
    // takes a slow path the first time each object is hashed, and every scan makes new resources, so
    // the policies that index resources by identity paid it for every table, key and target.
    // A number drawn once per resource, on first use, keeps the same equality for a field read.
    private static int s_nextHash;
    private int _hash;

    /// <summary>An identity hash (consistent with reference equality), drawn on first use and kept.</summary>
    public override int GetHashCode()
    {
        var hash = _hash;
        if (hash != 0) return hash;
        var drawn = Interlocked.Increment(ref s_nextHash);
        if (drawn == 0) drawn = 1;
        // Two threads may hash a resource for the first time at once: the first number stored wins for both.
        var prior = Interlocked.CompareExchange(ref _hash, drawn, 0);
        return prior == 0 ? drawn : prior;
    }

    /// <summary>Reference equality, as for any object; declared with <see cref="GetHashCode"/>.</summary>
    public override bool Equals(object? obj) => ReferenceEquals(this, obj);
}
