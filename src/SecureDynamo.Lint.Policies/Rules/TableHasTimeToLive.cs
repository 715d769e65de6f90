using SecureDynamo.Lint.Core.Graph;
using SecureDynamo.Lint.Core.Values;
using SecureDynamo.Lint.Core.Views;
using SecureDynamo.Lint.Policies.Engine;

namespace SecureDynamo.Lint.Policies.Rules;

/// <summary>dynamodb:014 — TTL is enabled on a named attribute.</summary>
public sealed class TableHasTimeToLive : ResourcePolicy
{
    private static readonly AttributePath Enabled = DynamoTable.TtlEnabled;
    private static readonly AttributePath AttributeName = DynamoTable.TtlAttribute;

    public override string Id => "dynamodb:014";

    protected override Verdict Judge(Resource resource, PolicyContext context)
    {
        var enabled = context.Effective(resource, Enabled);
        if (enabled.IsUnknown)
        {
            return Verdict.Unknown(resource, $"ttl.enabled {context.Unknown(enabled)}", Enabled);
        }
        if (enabled.AsBool() != true)
        {
            // A ttl block written without enabled is not "not configured": its flag is unset (off by default), as 002 says it.
            var state = !enabled.IsNull ? "ttl is disabled"
                : resource.Get(AttributePath.Of("ttl", 0)) is { Kind: ValueKind.Map } ? "ttl.enabled is not set (off by default)"
                : "ttl is not configured";
            return Verdict.Fail(resource,
                $"{state}; set ttl {{ enabled = true, attribute_name = \"expires_at\" }} so stale items expire", Enabled);
        }
        var name = context.Effective(resource, AttributeName);
        if (name.IsUnknown)
        {
            return Verdict.Unknown(resource, $"ttl.attribute_name {context.Unknown(name)}", AttributeName);
        }
        if (string.IsNullOrEmpty(name.AsString()))
        {
            return Verdict.Fail(resource, "ttl is enabled without an attribute_name; name the attribute that holds the expiry time", AttributeName);
        }
        return Verdict.Pass(resource, $"ttl is enabled on attribute {name.ToDisplayString()}", AttributeName);
    }
}
