using System.Text;
using Newtonsoft.Json.Linq;
using SecureDynamo.Lint.Plan;
using SecureDynamo.Lint.Policies.Engine;
using SecureDynamo.Lint.Tests.Support;

namespace SecureDynamo.Lint.Tests.Policies;

/// <summary>
/// Runs every policy case again with every planned value marked sensitive (as <c>after_sensitive: true</c>
/// does) and checks that no message of any policy prints one of those values.
/// </summary>
public sealed class SensitiveValuesTests
{
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var (policy, file) in PolicyCaseTests.Cases().Select(row => ((string)row[0], (string)row[1])))
        {
            data.Add(Path.Combine(policy, "cases", file));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Messages_never_print_sensitive_values(string relativeCase)
    {
        var plan = JObject.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Policies, relativeCase)));
        var secrets = new HashSet<string>(StringComparer.Ordinal);
        foreach (var change in plan["resource_changes"]?.OfType<JObject>() ?? [])
        {
            var c = (JObject)change["change"]!;
            Collect(c["after"], secrets);
            Collect(c["before"], secrets);
            c["after_sensitive"] = true;
            c["before_sensitive"] = c["before"]?.Type is null or JTokenType.Null ? false : true;
        }
        foreach (var r in plan.SelectTokens("$.prior_state..resources[*]").OfType<JObject>())
        {
            Collect(r["values"], secrets);
            r["sensitive_values"] = true;
        }
        // Values that are also written elsewhere (addresses, configuration constants, variables) are not secrets of the plan.
        var visible = string.Join("\n", plan["resource_changes"]!.Select(r => (string?)r["address"])) + (plan["configuration"]?.ToString() ?? "") + (plan["variables"]?.ToString() ?? "");
        secrets.RemoveWhere(s => visible.Contains(s, StringComparison.Ordinal));

        var catalog = PolicyCatalog.BuiltIn();
        var graph = PlanReader.Read("case.json", new MemoryStream(Encoding.UTF8.GetBytes(plan.ToString())), new PlanReadOptions(catalog.ResourceTypes()));
        var results = new PolicyEngine(catalog, PolicySelection.All).Run(graph);
        foreach (var r in results)
        {
            foreach (var secret in secrets)
            {
                Assert.False(r.Message.Contains(secret, StringComparison.Ordinal), $"{r.PolicyId} on {r.ResourceAddress} prints the sensitive value \"{secret}\": {r.Message}");
            }
        }
    }

    private static void Collect(JToken? token, HashSet<string> into)
    {
        if (token is null) return;
        var leaves = token is JContainer c ? c.DescendantsAndSelf().OfType<JValue>() : token is JValue single ? [single] : [];
        foreach (var v in leaves)
        {
            // Data-like strings (ids, ARNs, names with digits or separators, document fragments); plain words such as
            // PROVISIONED or Gateway also occur in the policies' own message text and prove nothing.
            if (v.Type == JTokenType.String && (string)v! is { Length: >= 6 } s && s.Any(ch => char.IsDigit(ch) || ch is ':' or '/' or '-' or '.' or '"'))
            {
                into.Add(s);
                foreach (var fragment in System.Text.RegularExpressions.Regex.Matches(s, "\"([^\"]{6,})\"").Select(m => m.Groups[1].Value)) into.Add(fragment);
            }
        }
    }
}
