using Newtonsoft.Json.Linq;
using SecureDynamo.Lint.Tests.Support;

namespace SecureDynamo.Lint.Tests.Terraform;

/// <summary><c>TF_VAR_name</c> sets a root variable, below tfvars files and <c>--var</c>, as in Terraform.</summary>
public sealed class EnvironmentVariableTests
{
    private const string Module = """
        variable "protect" {
          type    = bool
          default = false
        }
        variable "settings" {
          type = object({ pitr = bool })
          default = { pitr = false }
        }
        resource "aws_dynamodb_table" "t" {
          name                        = "orders"
          hash_key                    = "id"
          billing_mode                = "PAY_PER_REQUEST"
          deletion_protection_enabled = var.protect
          point_in_time_recovery {
            enabled = var.settings.pitr
          }
          attribute {
            name = "id"
            type = "S"
          }
        }
        """;

    private static string Status(CliRun run, string policy)
    {
        Assert.True(run.ExitCode is 0 or 1, run.Stderr);
        return (string)JObject.Parse(run.Stdout)["results"]!.Single(r => (string)r["policyId"]! == policy)["status"]!;
    }

    [Fact]
    public void Tf_var_values_set_root_variables_primitive_literally_and_complex_as_hcl()
    {
        using var m = new TempModule(("main.tf", Module));
        Assert.Equal("fail", Status(CliRun.InProcess("scan", m.Directory, "--format", "json"), "dynamodb:003"));
        var env = new Dictionary<string, string> { ["TF_VAR_protect"] = "true", ["TF_VAR_settings"] = "{ pitr = true }", ["TF_VAR_undeclared"] = "x" };
        var run = CliRun.InProcess(env, "scan", m.Directory, "--format", "json");
        Assert.Equal("pass", Status(run, "dynamodb:003"));
        Assert.Equal("pass", Status(run, "dynamodb:002"));
        // Terraform ignores TF_VAR_ values for undeclared variables, silently
        Assert.DoesNotContain("undeclared", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Tfvars_files_and_var_flags_win_over_the_environment()
    {
        using var m = new TempModule(("main.tf", Module), ("terraform.tfvars", "protect = false\n"));
        var env = new Dictionary<string, string> { ["TF_VAR_protect"] = "true" };
        Assert.Equal("fail", Status(CliRun.InProcess(env, "scan", m.Directory, "--format", "json"), "dynamodb:003"));
        Assert.Equal("pass", Status(CliRun.InProcess(env, "scan", m.Directory, "--var", "protect=true", "--format", "json"), "dynamodb:003"));
    }
}
