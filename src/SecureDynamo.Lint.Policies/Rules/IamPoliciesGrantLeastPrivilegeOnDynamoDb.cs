using SecureDynamo.Lint.Core.Graph;
using SecureDynamo.Lint.Core.Values;
using SecureDynamo.Lint.Policies.Engine;
using SecureDynamo.Lint.Policies.Iam;

namespace SecureDynamo.Lint.Policies.Rules;

/// <summary>
/// dynamodb:012 — IAM policies grant named DynamoDB actions on named tables: no Allow of
/// <c>dynamodb:*</c>, <c>*</c> or NotAction, and no DynamoDB action on <c>*</c>, account/region-wide
/// table wildcards or NotResource. A policy that grants no DynamoDB action is not_applicable.
/// </summary>
public sealed class IamPoliciesGrantLeastPrivilegeOnDynamoDb : ResourcePolicy
{
    private static readonly AttributePath Policy = AttributePath.Of("policy");
    private static readonly AttributePath InlinePolicy = AttributePath.Of("inline_policy");

    public override string Id => "dynamodb:012";

    protected override Verdict Judge(Resource resource, PolicyContext context)
    {
        var documents = new PolicyDocumentResolver(context.Resolver);
        var lookups = resource.Type == "aws_iam_role"
            ? InlinePolicies(resource).Select(path => documents.Lookup(resource, path)).ToList()
            : new List<PolicyLookup> { documents.Lookup(resource, Policy) };

        var overbroad = new List<string>();
        var unknown = new List<string>();
        var scoped = new List<string>();
        foreach (var lookup in lookups)
        {
            switch (lookup.Kind)
            {
                case PolicyLookupKind.Unknown:
                    unknown.Add(lookup.Reason!);
                    continue;
                case PolicyLookupKind.Absent:
                    continue;
            }
            var judged = lookup.Alternatives.Select(Judge).ToList();
            var first = judged[0];
            if (judged.Any(j => j.Kind != first.Kind))
            {
                unknown.Add($"{lookup.Source} depends on which instance of the data source is used, and they differ");
                continue;
            }
            foreach (var j in judged.Take(1))
            {
                var target = j.Kind switch
                {
                    DynamoDbGrantKind.Overbroad => overbroad,
                    DynamoDbGrantKind.Unknown => unknown,
                    DynamoDbGrantKind.Scoped => scoped,
                    _ => null,
                };
                var summary = j.Kind switch
                {
                    DynamoDbGrantKind.Overbroad => "grants DynamoDB actions too broadly",
                    DynamoDbGrantKind.Unknown => "cannot be judged before apply",
                    _ => "grants scoped DynamoDB access",
                };
                target?.AddRange(lookup.Shown(j.Reasons, summary));
            }
        }

        var attribute = resource.Type == "aws_iam_role" ? InlinePolicy : Policy;
        if (overbroad.Count > 0)
        {
            return Verdict.Fail(resource,
                $"{string.Join("; ", overbroad)}; grant only the DynamoDB actions the principal needs, on the ARNs of its tables and indexes", attribute);
        }
        if (unknown.Count > 0) return Verdict.Unknown(resource, $"cannot tell what the policy grants on DynamoDB: {string.Join("; ", unknown)}", attribute);
        if (scoped.Count > 0) return Verdict.Pass(resource, string.Join("; ", scoped), attribute);
        var what = lookups.Count == 0 ? "has no inline policy" : "grants no DynamoDB action";
        return Verdict.NotApplicable(resource, what, attribute);
    }

    /// <summary>The worst grant of a document, with the reasons of that kind.</summary>
    private static (DynamoDbGrantKind Kind, IReadOnlyList<string> Reasons) Judge(PolicyDocument document)
    {
        var grants = document.Statements.Select(DynamoDbGrant.Of).ToList();
        foreach (var kind in new[] { DynamoDbGrantKind.Overbroad, DynamoDbGrantKind.Unknown, DynamoDbGrantKind.Scoped })
        {
            var reasons = grants.Where(g => g.Kind == kind).Select(g => g.Reason).ToList();
            if (kind == DynamoDbGrantKind.Unknown && document.Incomplete is { } missing) reasons.Add(missing);
            if (reasons.Count > 0) return (kind, reasons);
        }
        return (DynamoDbGrantKind.None, Array.Empty<string>());
    }

    /// <summary>
    /// The <c>inline_policy[i].policy</c> paths of a role: from the planned value, else from the
    /// configured blocks. The provider's placeholder <c>[{name: "", policy: ""}]</c> and a role
    /// whose configuration sets no inline policy have none.
    /// </summary>
    private static IEnumerable<AttributePath> InlinePolicies(Resource resource)
    {
        var blocks = resource.Get(InlinePolicy);
        int count;
        if (blocks.Kind == ValueKind.List) count = blocks.Items.Count;
        // Unknown as a whole: the configured blocks say how many there are (none configured: the role has none).
        else if (blocks.IsUnknown) count = resource.Config?.Body.Blocks.GetValueOrDefault("inline_policy")?.Count ?? 0;
        else count = 0;
        for (var i = 0; i < count; i++)
        {
            var path = InlinePolicy.Append(i).Append("policy");
            var item = blocks.Kind == ValueKind.List ? blocks.Items[i] : Value.Unknown();
            if (item.IsKnown && IsPlaceholder(item)) continue;
            yield return path;
        }
    }

    private static bool IsPlaceholder(Value block) =>
        string.IsNullOrEmpty(block.Get("name").AsString()) && block.Get("policy") is { IsKnown: true } p && string.IsNullOrEmpty(p.AsString());
}
