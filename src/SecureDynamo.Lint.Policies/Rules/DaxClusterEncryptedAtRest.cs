using SecureDynamo.Lint.Core.Graph;
using SecureDynamo.Lint.Core.Values;
using SecureDynamo.Lint.Policies.Engine;

namespace SecureDynamo.Lint.Policies.Rules;

/// <summary>dynamodb:007 — a DAX cluster encrypts its data at rest (<c>server_side_encryption { enabled = true }</c>).</summary>
public sealed class DaxClusterEncryptedAtRest : ResourcePolicy
{
    private static readonly AttributePath Block = AttributePath.Of("server_side_encryption");
    private static readonly AttributePath Enabled = AttributePath.Of("server_side_encryption", 0, "enabled");
    private const string Fix = "set server_side_encryption { enabled = true } (this replaces the cluster; DAX encrypts with an AWS owned key, a customer managed key cannot be chosen)";

    public override string Id => "dynamodb:007";

    protected override Verdict Judge(Resource resource, PolicyContext context)
    {
        var enabled = context.Effective(resource, Enabled);
        if (enabled.IsUnknown)
        {
            var source = enabled.Expression?.Describe() ?? "computed by the provider";
            var hint = source is "True" or "False"
                ? $"; `{source}` is a reference to an undeclared name, not a boolean: write enabled = {source.ToLowerInvariant()}"
                : "";
            return Verdict.Unknown(resource, $"server_side_encryption.enabled is known only after apply ({source}){hint}", Enabled);
        }
        if (enabled.AsBool() == true)
        {
            return Verdict.Pass(resource, "server_side_encryption is enabled: the cluster's cache, configuration and logs are encrypted at rest with an AWS owned key", Enabled);
        }
        // Configuration says what was written; without it (state input) the values do.
        var blockWritten = resource.Config is not null
            ? resource.Config.Body.Sets("server_side_encryption")
            : context.Effective(resource, Block) is { Kind: ValueKind.List, Items.Count: > 0 };
        var enabledWritten = resource.Config is not null ? resource.ExpressionAt(Enabled) is not null : !enabled.IsNull;
        var what = !blockWritten ? "is not configured (off by default)" : !enabledWritten ? "does not set enabled (false by default)" : "is disabled";
        return Verdict.Fail(resource, $"server_side_encryption {what}, so the cluster's data is not encrypted at rest; {Fix}", Enabled);
    }
}
