using SecureDynamo.Lint.Core.Graph;
using SecureDynamo.Lint.Core.Resolution;
using SecureDynamo.Lint.Core.Values;
using SecureDynamo.Lint.Policies.Engine;
using SecureDynamo.Lint.Policies.Iam;
using SecureDynamo.Lint.Policies.Linking;

namespace SecureDynamo.Lint.Policies.Rules;

/// <summary>
/// dynamodb:006 — a DynamoDB resource policy or DynamoDB VPC endpoint policy admits only specific
/// accounts or principals: no Allow to <c>*</c> unless a condition pins the caller's account,
/// organization or endpoint; with <c>trustedAccounts</c>, only those accounts. An endpoint with no
/// policy allows full access. A policy attached by a separate <c>aws_vpc_endpoint_policy</c> (which
/// replaces the endpoint's own) is the one judged for its endpoint.
/// </summary>
public sealed class DynamoDbAccessIsRestrictedToKnownPrincipals : Policy
{
    private static readonly AttributePath PolicyPath = AttributePath.Of("policy");

    public override string Id => "dynamodb:006";

    public override IReadOnlyList<string> OptionNames => ["trustedAccounts"];

    public override string? OptionProblem(string name, string value) =>
        value.Length == 12 && value.All(char.IsAsciiDigit) ? null : $"\"{value}\" is not an AWS account id (12 digits)";

    public override IEnumerable<Verdict> Evaluate(PolicyContext context)
    {
        var documents = new PolicyDocumentResolver(context.Resolver);
        var trusted = context.Options.Get("trustedAccounts");
        foreach (var resource in context.Graph.OfType("aws_dynamodb_resource_policy"))
        {
            if (resource.IsJudged) yield return Judge(resource, documents.Lookup(resource, PolicyPath), trusted, endpoint: false);
        }
        var attachments = EndpointPolicies.Of(context);
        foreach (var resource in context.Graph.OfType("aws_vpc_endpoint"))
        {
            if (!resource.IsJudged) continue;
            var dynamoDb = EndpointService.IsDynamoDb(resource, context);
            if (dynamoDb == false) continue;
            var verdict = JudgeEndpoint(resource, attachments, documents, trusted);
            // An endpoint that may be DynamoDB's (its service name is known only after apply) is judged as one: a policy that
            // restricts its principals passes whatever the service; one that would fail leaves the question open.
            if (dynamoDb == true || verdict.Status == Core.Evaluation.Status.Pass) yield return verdict;
            else yield return Verdict.Unknown(resource,
                $"service_name {context.Unknown(context.Effective(resource, ServiceName))}, so whether it is a DynamoDB endpoint cannot be told; if it is, {verdict.Text}",
                ServiceName);
        }
    }

    private static readonly AttributePath ServiceName = AttributePath.Of("service_name");

    /// <summary>
    /// An endpoint's policy: the one attached by <c>aws_vpc_endpoint_policy</c> when there is one (it
    /// replaces the endpoint's own), else the endpoint's <c>policy</c>. Without either, an attachment
    /// whose endpoint is known only after apply may be the missing policy.
    /// </summary>
    private static Verdict JudgeEndpoint(Resource endpoint, EndpointPolicies attachments, PolicyDocumentResolver documents, IReadOnlyList<string>? trusted)
    {
        var attached = attachments.For(endpoint);
        if (attached.Count > 0)
        {
            // Several attachments for one endpoint overwrite each other: any of them may be the one in force, so the worst decides.
            var verdicts = attached.Select(p => Judge(endpoint, documents.Lookup(p, PolicyPath), trusted, endpoint: true, attachedBy: p)).ToList();
            return verdicts.FirstOrDefault(v => v.Status == Core.Evaluation.Status.Fail)
                ?? verdicts.FirstOrDefault(v => v.Status == Core.Evaluation.Status.Unknown)
                ?? verdicts[0];
        }
        var own = documents.Lookup(endpoint, PolicyPath);
        if (own.Kind == PolicyLookupKind.Absent && attachments.Undecided.Count > 0)
        {
            var names = string.Join(", ", attachments.Undecided.Take(3).Select(p => p.Address.ToString()));
            return Verdict.Unknown(endpoint,
                $"the endpoint has no policy of its own, and {names} attaches a policy to an endpoint known only after apply, which may be this one", PolicyPath);
        }
        return Judge(endpoint, own, trusted, endpoint: true);
    }

    private static Verdict Judge(Resource resource, PolicyLookup lookup, IReadOnlyList<string>? trusted, bool endpoint, Resource? attachedBy = null)
    {
        if (attachedBy is not null) lookup = lookup with { Source = $"{attachedBy.Address}.{lookup.Source}" };
        switch (lookup.Kind)
        {
            case PolicyLookupKind.Unknown:
                return Verdict.Unknown(resource, $"cannot tell who the policy admits: {lookup.Reason}", PolicyPath);
            case PolicyLookupKind.Absent when endpoint:
                return Verdict.Fail(resource,
                    (attachedBy is null ? "the endpoint has no policy" : $"{attachedBy.Address} attaches no policy document") + ", so it allows full access to DynamoDB for every principal that can reach it; attach a policy that names the accounts or pins aws:PrincipalAccount / aws:PrincipalOrgID",
                    PolicyPath);
            case PolicyLookupKind.Absent:
                return Verdict.Pass(resource, "the resource policy is empty and grants no access", PolicyPath);
        }

        var judged = lookup.Alternatives.Select(d => JudgeDocument(d, trusted)).ToList();
        if (judged.Any(j => j.Kind != judged[0].Kind))
        {
            return Verdict.Unknown(resource, $"{lookup.Source} depends on which instance of the data source is used, and they differ", PolicyPath);
        }
        var (kind, reasons) = judged[0];
        var summary = kind switch
        {
            PrincipalGrantKind.Open or PrincipalGrantKind.Untrusted => "admits principals beyond the allowed accounts",
            PrincipalGrantKind.Unknown => "cannot be judged before apply",
            _ => "admits only specific principals",
        };
        var text = string.Join("; ", lookup.Shown(reasons, summary));
        return kind switch
        {
            PrincipalGrantKind.Open or PrincipalGrantKind.Untrusted => Verdict.Fail(resource,
                $"{text}; name the trusted accounts or principals, or pin aws:PrincipalAccount / aws:PrincipalOrgID / aws:SourceVpce in a condition", PolicyPath),
            PrincipalGrantKind.Unknown => Verdict.Unknown(resource, $"cannot tell who the policy admits: {text}", PolicyPath),
            PrincipalGrantKind.Restricted => Verdict.Pass(resource, text, PolicyPath),
            _ => Verdict.Pass(resource, $"{lookup.Source} allows no principal", PolicyPath),
        };
    }

    private static (PrincipalGrantKind Kind, IReadOnlyList<string> Reasons) JudgeDocument(PolicyDocument document, IReadOnlyList<string>? trusted)
    {
        var grants = document.Statements.Select(s => PrincipalGrant.Of(s, trusted)).ToList();
        var failing = grants.Where(g => g.Kind is PrincipalGrantKind.Open or PrincipalGrantKind.Untrusted).ToList();
        if (failing.Count > 0) return (failing.Any(g => g.Kind == PrincipalGrantKind.Open) ? PrincipalGrantKind.Open : PrincipalGrantKind.Untrusted, failing.Select(g => g.Reason).ToList());
        var unknown = grants.Where(g => g.Kind == PrincipalGrantKind.Unknown).Select(g => g.Reason).ToList();
        if (document.Incomplete is { } missing) unknown.Add(missing);
        if (unknown.Count > 0) return (PrincipalGrantKind.Unknown, unknown);
        var restricted = grants.Where(g => g.Kind == PrincipalGrantKind.Restricted).Select(g => g.Reason).ToList();
        return restricted.Count > 0 ? (PrincipalGrantKind.Restricted, restricted) : (PrincipalGrantKind.None, Array.Empty<string>());
    }
}
