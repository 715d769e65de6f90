using Newtonsoft.Json.Linq;
using SecureDynamo.Lint.Tests.Support;

namespace SecureDynamo.Lint.Tests.Terraform;

/// <summary><c>securedynamo scan DIR</c> and <c>scan a.tf b.tf</c> through the command line.</summary>
public sealed class HclScanCommandTests
{
    private const string Table = """
        variable "pitr" {
          type    = bool
          default = false
        }
        resource "aws_dynamodb_table" "t" {
          name = "t"
          point_in_time_recovery {
            enabled = var.pitr
          }
        }
        """;

    private static string Status(CliRun run, string policy) =>
        (string)((JArray)JObject.Parse(run.Stdout)["results"]!).Single(r => (string)r["policyId"]! == policy)["status"]!;

    [Fact]
    public void A_directory_is_scanned_as_a_module_with_hcl_input_kind()
    {
        using var m = new TempModule(("main.tf", Table));
        var run = CliRun.InProcess("scan", m.Directory, "--format", "json");
        Assert.Equal(1, run.ExitCode);
        var report = JObject.Parse(run.Stdout);
        Assert.Equal("hcl", (string)report["inputs"]![0]!["kind"]!);
        Assert.Equal("fail", Status(run, "dynamodb:002"));
    }

    [Fact]
    public void Var_and_var_file_flags_set_root_variables()
    {
        using var m = new TempModule(("main.tf", Table), ("on.tfvars", "pitr = true\n"));
        Assert.Equal("pass", Status(CliRun.InProcess("scan", m.Directory, "--format", "json", "--var", "pitr=true"), "dynamodb:002"));
        Assert.Equal("pass", Status(CliRun.InProcess("scan", m.Directory, "--format", "json", "--var-file", m.PathOf("on.tfvars")), "dynamodb:002"));
        Assert.Equal("fail", Status(CliRun.InProcess("scan", m.Directory, "--format", "json", "--var-file", m.PathOf("on.tfvars"), "--var", "pitr=false"), "dynamodb:002"));
    }

    [Fact]
    public void Explicit_files_form_one_module()
    {
        using var m = new TempModule(("variables.tf", "variable \"pitr\" {\n  default = true\n}\n"), ("table.tf", Table.Replace("variable \"pitr\" {\n  type    = bool\n  default = false\n}\n", "")), ("other.tf", "this is not read"));
        var run = CliRun.InProcess("scan", m.PathOf("variables.tf"), m.PathOf("table.tf"), "--format", "json");
        Assert.Equal("", run.Stderr);
        Assert.Equal("pass", Status(run, "dynamodb:002"));
        Assert.Single((JArray)JObject.Parse(run.Stdout)["inputs"]!);
    }

    [Fact]
    public void A_parse_error_is_exit_2_with_one_line_naming_file_line_and_column()
    {
        using var m = new TempModule(("main.tf", "resource \"aws_dynamodb_table\" \"t\" {\n  name = \"t\n}\n"));
        var run = CliRun.InProcess("scan", m.Directory);
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Stdout);
        var line = Assert.Single(run.Stderr.TrimEnd('\n').Split('\n'));
        Assert.Matches(@"^securedynamo: \S*main\.tf:2:\d+: ", line);
        // Named from the directory as given, so that with several modules it is clear which main.tf it is.
        Assert.StartsWith($"securedynamo: {m.Directory.Replace('\\', '/')}/main.tf:2:", line, StringComparison.Ordinal);
    }

    [Fact]
    public void A_directory_without_terraform_files_is_an_input_error()
    {
        using var m = new TempModule(("README.md", "nothing here"));
        var run = CliRun.InProcess("scan", m.Directory);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("holds no Terraform files", run.Stderr);
    }

    [Fact]
    public void A_tfvars_file_scanned_alone_says_how_to_use_it()
    {
        using var m = new TempModule(("main.tf", "variable \"pitr\" {}\n"), ("prod.tfvars", "pitr = true\n"));
        var run = CliRun.InProcess("scan", m.PathOf("prod.tfvars"));
        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.Stderr.TrimEnd('\n').Split('\n'));
        Assert.Contains("prod.tfvars: is a variable definitions file, not a configuration or a plan", line, StringComparison.Ordinal);
        Assert.Contains("--var-file", line, StringComparison.Ordinal);
    }

    [Fact]
    public void A_repository_scan_skips_json_files_that_only_share_a_plan_name_and_says_so()
    {
        using var m = new TempModule(
            ("infra/main.tf", "resource \"aws_dynamodb_table\" \"t\" {\n  name     = \"t\"\n  hash_key = \"id\"\n}\n"),
            ("docs/planning.json", "{\"milestones\": []}"),
            ("web/node_modules/pkg/plans.json", "[1, 2]"),
            // A plan pretty-printed with sorted keys (jq -S) starts with "applyable", format_version far below: still read.
            ("envs/plan.json", "{\n  \"applyable\": true,\n  \"configuration\": {\"root_module\": {}},\n" + new string(' ', 5000) + "\"format_version\": \"1.2\",\n  \"resource_changes\": []\n}"));
        var run = CliRun.InProcess("scan", m.Directory);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("in 2 inputs", run.Stdout);
        Assert.Contains("planning.json: skipped: it matches the plan file globs but is not `terraform show -json` output", run.Stderr + run.Stdout);
        Assert.DoesNotContain("plans.json", run.Stderr + run.Stdout);
        Assert.Contains("aws_dynamodb_table.t", run.Stdout);
    }

    [Fact]
    public void A_repository_whose_root_is_a_module_still_scans_the_root_modules_and_plans_below_it()
    {
        const string table = "resource \"aws_dynamodb_table\" \"t\" {\n  name     = \"t\"\n  hash_key = \"id\"\n}\n";
        using var m = new TempModule(
            // A root versions.tf made the root one (empty) module, and everything below it went unread.
            ("versions.tf", "terraform {\n  required_version = \">= 1.5\"\n}\nmodule \"shared\" {\n  source = \"./shared\"\n}\n"),
            ("envs/prod/main.tf", table),
            // Called by the root (and it calls ../common in turn): read through those calls, not again on their own.
            ("shared/main.tf", table + "module \"common\" {\n  source = \"../common\"\n}\n"),
            ("common/main.tf", table),
            ("plans/plan.json", "{\"format_version\": \"1.2\", \"resource_changes\": [], \"configuration\": {\"root_module\": {}}}"),
            // The root module's own plan beside its .tf files: named to be judged, not read twice with its source.
            ("plan.json", "{\"format_version\": \"1.2\", \"resource_changes\": [], \"configuration\": {\"root_module\": {}}}"));
        var run = CliRun.InProcess("scan", m.Directory, "--format", "json", "--policy", "dynamodb:003");
        var addresses = ((JArray)JObject.Parse(run.Stdout)["results"]!).Select(r => (string)r["resource"]!["address"]!).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["aws_dynamodb_table.t", "module.shared.aws_dynamodb_table.t", "module.shared.module.common.aws_dynamodb_table.t"], addresses);
        var inputs = ((JArray)JObject.Parse(run.Stdout)["inputs"]!).Select(i => (string)i["path"]!).ToList();
        Assert.Equal(3, inputs.Count);
        Assert.Contains(inputs, i => i.Replace('\\', '/').EndsWith("plans/plan.json", StringComparison.Ordinal));
        Assert.Contains("plan.json: skipped: a plan file beside the .tf files of the module scanned with it; name it to judge the plan", run.Stderr + run.Stdout);
    }

    [Fact]
    public void A_symbolic_link_to_a_module_folder_is_not_followed_and_says_so()
    {
        using var m = new TempModule(("dev/main.tf", "resource \"aws_dynamodb_table\" \"t\" {\n  name     = \"t\"\n  hash_key = \"id\"\n}\n"));
        Directory.CreateSymbolicLink(m.PathOf("prod"), m.PathOf("dev"));
        var run = CliRun.InProcess("scan", m.Directory);
        Assert.Contains("prod: skipped: a symbolic link to a folder is not followed", run.Stderr + run.Stdout);
    }

    [Fact]
    public void A_symbolic_link_to_a_plan_file_is_read_and_one_to_nothing_is_not()
    {
        using var m = new TempModule(("real/data.json", "{\"format_version\": \"1.2\", \"resource_changes\": [], \"configuration\": {\"root_module\": {}}}"));
        Directory.CreateDirectory(m.PathOf("plans"));
        File.CreateSymbolicLink(m.PathOf("plans/plan.json"), "../real/data.json");
        File.CreateSymbolicLink(m.PathOf("plans/tfplan.json"), "../real/gone.json");
        var run = CliRun.InProcess("scan", m.PathOf("plans"), "--format", "json");
        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        var inputs = ((JArray)JObject.Parse(run.Stdout)["inputs"]!).Select(i => Path.GetFileName((string)i["path"]!)).ToList();
        Assert.Equal(["plan.json"], inputs);
        Assert.Contains("tfplan.json: skipped: a symbolic link whose target does not exist", run.Stdout + run.Stderr);
    }

    [Fact]
    public void A_warning_about_a_place_in_a_file_is_annotated_on_that_place()
    {
        using var m = new TempModule(("main.tf", "# securedynamo:ignore dynamodb:002\nresource \"aws_dynamodb_table\" \"t\" {\n  name     = \"t\"\n  hash_key = \"id\"\n}\n"));
        var run = CliRun.InProcess("scan", m.Directory, "--format", "github", "--policy", "dynamodb:002");
        var annotation = run.Stdout.Split('\n').Single(l => l.StartsWith("::warning", StringComparison.Ordinal) && l.Contains("has no reason", StringComparison.Ordinal));
        Assert.StartsWith($"::warning file={m.Directory.Replace('\\', '/')}/main.tf,line=1,col=1,title=securedynamo::", annotation, StringComparison.Ordinal);
    }

    [Fact]
    public void Warnings_are_reported_never_silent()
    {
        using var m = new TempModule(("main.tf", """
            module "remote" {
              source = "git::https://example.com/tables.git"
            }
            resource "aws_dynamodb_table" "t" {
              name                        = "t"
              deletion_protection_enabled = True
            }
            """));
        var run = CliRun.InProcess("scan", m.Directory, "--format", "json");
        var warnings = ((JArray)JObject.Parse(run.Stdout)["warnings"]!).Select(w => (string)w!).ToList();
        // files are named as reached from the working directory: the module's folder, then the file
        Assert.Contains(warnings, w => w.EndsWith("/main.tf:1:1: module remote (git::https://example.com/tables.git) not analysed: run terraform init", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Contains("/main.tf:6:33: undefined reference \"True\"", StringComparison.Ordinal));
        Assert.Equal("unknown", Status(run, "dynamodb:003"));
    }
}
