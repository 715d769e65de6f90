using SecureDynamo.Lint.Core.Evaluation;
using SecureDynamo.Lint.Plan;
using SecureDynamo.Lint.Policies.Engine;
using SecureDynamo.Lint.Tests.Support;

namespace SecureDynamo.Lint.Tests.Policies;

/// <summary>dynamodb:006 with the <c>trustedAccounts</c> option: every principal account must be trusted.</summary>
public sealed class TrustedAccountsOptionTests
{
    private static readonly string Case = Path.Combine(RepositoryPaths.Policies, "dynamodb-006-access-restricted-to-known-principals", "cases", "pass_restricted_principals.json");

    private static Dictionary<string, Status> Run(params string[] trusted)
    {
        var catalog = PolicyCatalog.BuiltIn();
        var graph = PlanReader.ReadFile(Case, new PlanReadOptions(catalog.ResourceTypes()));
        var options = new Dictionary<string, PolicyOptions>
        {
            ["dynamodb:006"] = new(new Dictionary<string, IReadOnlyList<string>> { ["trustedAccounts"] = trusted }),
        };
        var engine = new PolicyEngine(catalog, new PolicySelection(new HashSet<string> { "dynamodb:006" }, new HashSet<string>(), options));
        return engine.Run(graph).ToDictionary(r => r.ResourceAddress, r => r.Status);
    }

    [Fact]
    public void Principals_of_a_trusted_account_pass()
    {
        var results = Run("111122223333");
        Assert.Equal(Status.Pass, results["aws_dynamodb_resource_policy.pass_named_account"]);
        Assert.Equal(Status.Pass, results["aws_vpc_endpoint.pass_account_pinned_lowercase_key"]);
        Assert.Equal(Status.Pass, results["aws_vpc_endpoint.pass_fips_endpoint"]);
        // pinned by organization, not by account: no account to compare
        Assert.Equal(Status.Pass, results["aws_dynamodb_resource_policy.pass_org_pinned"]);
    }

    [Fact]
    public void Principals_of_other_accounts_fail()
    {
        var results = Run("999988887777");
        Assert.Equal(Status.Fail, results["aws_dynamodb_resource_policy.pass_named_account"]);
        Assert.Equal(Status.Fail, results["aws_vpc_endpoint.pass_account_pinned_lowercase_key"]);
        Assert.Equal(Status.Fail, results["aws_vpc_endpoint.pass_fips_endpoint"]);
        Assert.Equal(Status.Pass, results["aws_dynamodb_resource_policy.pass_org_pinned"]);
    }
}

/// <summary>The option reaches the policy from <c>.securedynamo.json</c>, through the real command line.</summary>
public sealed class TrustedAccountsConfigTests
{
    [Fact]
    public void Trusted_accounts_from_the_config_file_apply()
    {
        using var dir = new TemporaryDirectory();
        var plan = Path.Combine(dir.Path, "plan.json");
        File.Copy(Path.Combine(RepositoryPaths.Policies, "dynamodb-006-access-restricted-to-known-principals", "cases", "pass_restricted_principals.json"), plan);
        var config = Path.Combine(dir.Path, "securedynamo.json");
        File.WriteAllText(config, """{ "policies": { "dynamodb:006": { "trustedAccounts": ["999988887777"] } } }""");
        var run = CliRun.InProcess("scan", plan, "--config", config, "--policy", "dynamodb:006", "--format", "json");
        Assert.True(run.ExitCode == 1, run.Stderr);
        var results = Newtonsoft.Json.Linq.JObject.Parse(run.Stdout)["results"]!;
        Assert.Contains(results, r => (string)r["resource"]!["address"]! == "aws_dynamodb_resource_policy.pass_named_account" && (string)r["status"]! == "fail");
    }
}
