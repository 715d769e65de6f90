using Newtonsoft.Json.Linq;
using SecureDynamo.Lint.Tests.Support;

namespace SecureDynamo.Lint.Tests.Terraform;

/// <summary>
/// A module that was not analysed (not installed before <c>terraform init</c>) may hold the
/// resource a cross-resource policy looks for: its absence is then unknown, never a failure.
/// </summary>
public sealed class IncompleteInputTests
{
    private const string Table = """
        provider "aws" {
          region = "eu-west-1"
        }
        resource "aws_dynamodb_table" "t" {
          name           = "orders"
          hash_key       = "id"
          read_capacity  = 5
          write_capacity = 5
          attribute {
            name = "id"
            type = "S"
          }
        }
        resource "aws_vpc_endpoint" "other_region" {
          vpc_id            = "vpc-1"
          service_name      = "com.amazonaws.us-east-1.dynamodb"
          route_table_ids   = ["rtb-1"]
        }
        """;

    private const string RemoteAutoscaler = """
        module "autoscaler" {
          source  = "cloudposse/dynamodb-autoscaler/aws"
          version = "0.16.0"
        }
        """;

    private static Dictionary<string, string> Statuses(string dir)
    {
        var run = CliRun.InProcess("scan", dir, "--format", "json");
        Assert.True(run.ExitCode is 0 or 1, run.Stderr);
        return ((JArray)JObject.Parse(run.Stdout)["results"]!).ToDictionary(r => (string)r["policyId"]!, r => (string)r["status"]! + ": " + (string)r["message"]!);
    }

    [Fact]
    public void Without_unanalysed_modules_missing_autoscaling_and_endpoints_fail()
    {
        using var m = new TempModule(("main.tf", Table));
        var statuses = Statuses(m.Directory);
        Assert.StartsWith("fail", statuses["dynamodb:004"]);
        Assert.StartsWith("fail", statuses["dynamodb:015"]);
    }

    [Fact]
    public void An_uninstalled_module_makes_their_absence_unknown()
    {
        using var m = new TempModule(("main.tf", Table + "\n" + RemoteAutoscaler + "\n"));
        var statuses = Statuses(m.Directory);
        Assert.StartsWith("unknown", statuses["dynamodb:004"]);
        Assert.Contains("module.autoscaler not analysed (run terraform init)", statuses["dynamodb:004"]);
        Assert.StartsWith("unknown", statuses["dynamodb:015"]);
        // what is wrong on the table itself is still a failure
        Assert.StartsWith("fail", statuses["dynamodb:002"]);
    }

    [Fact]
    public void Under_fail_on_unknown_a_run_with_modules_not_analysed_fails()
    {
        // Every table in an uninstalled registry module: nothing was read, so the strictest setting must not pass.
        using var m = new TempModule(("main.tf", RemoteAutoscaler));
        Assert.Equal(0, CliRun.InProcess("scan", m.Directory).ExitCode);
        var strict = CliRun.InProcess("scan", m.Directory, "--fail-on-unknown");
        Assert.Equal(1, strict.ExitCode);
        Assert.Contains("not analysed", strict.Stderr + strict.Stdout);
        // The summary says why the run failed with nothing failed or unknown.
        Assert.Contains("0 failed, 0 unknown, 0 passed, 1 module call not analysed", strict.Stdout);
    }
}
