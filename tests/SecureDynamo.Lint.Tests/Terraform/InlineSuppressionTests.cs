using Newtonsoft.Json.Linq;
using SecureDynamo.Lint.Core.Evaluation;
using SecureDynamo.Lint.Terraform.Suppression;
using SecureDynamo.Lint.Tests.Support;

namespace SecureDynamo.Lint.Tests.Terraform;

/// <summary><c># securedynamo:ignore</c> comments: where they attach, reasons, expiry, and what they do to results.</summary>
public sealed class InlineSuppressionTests
{
    private const string Table = """
        # securedynamo:ignore dynamodb:013,dynamodb:014 reason="append-only audit log" expires=2027-06-30
        resource "aws_dynamodb_table" "audit" {
          count = 2
          name  = "audit-${count.index}"
        }

        resource "aws_dynamodb_table" "orders" {
          // securedynamo:ignore dynamodb:002
          name = "orders"
          # checkov:skip=CKV_AWS_28: not ours
          # tfsec:ignore:aws-dynamodb-enable-recovery
          # trivy:ignore:AVD-AWS-0024
          # kics-scan ignore-line
        }

        # securedynamo:ignore dynamodb:003 reason="far away"

        resource "aws_dynamodb_table" "loose" {
          name = "loose"
        }
        """;

    private static EvaluationResult Result(string policy, string address, Status status) =>
        new(policy, "t", Severity.Low, status, address, "aws_dynamodb_table", "m", null, null, "in");

    [Theory]
    // A backslash that escapes nothing is text (it stopped the scan with an internal error); \" and \\ stand for themselves.
    [InlineData("reason=\"see C:\\qdocs\"", "see C:\\qdocs")]
    [InlineData("reason=\"say \\\"why\\\"\"", "say \"why\"")]
    // Single quotes are quotes, not part of the reason.
    [InlineData("reason='one team owns it'", "one team owns it")]
    [InlineData("reason=short", "short")]
    public void Reasons_are_read_as_written(string option, string reason)
    {
        using var m = new TempModule(("main.tf", $"# securedynamo:ignore dynamodb:002 {option}\nresource \"aws_dynamodb_table\" \"t\" {{\n  name = \"t\"\n}}\n"));
        Assert.Equal(reason, Assert.Single(m.Read().Suppressions).Reason);
    }

    [Fact]
    public void A_directive_in_a_block_comment_is_warned_not_read()
    {
        using var m = new TempModule(("main.tf", "/* securedynamo:ignore dynamodb:002 reason=\"x\" */\nresource \"aws_dynamodb_table\" \"t\" {\n  name = \"t\"\n}\n"));
        var read = m.Read();
        Assert.Empty(read.Suppressions);
        Assert.Contains(read.Warnings, w => w.StartsWith("main.tf:1:1: securedynamo:ignore in a /* */ comment is not read", StringComparison.Ordinal));
    }

    [Fact]
    public void Suppressions_attach_to_the_block_below_or_around_them_with_reason_and_expiry()
    {
        using var m = new TempModule(("main.tf", Table));
        var read = m.Read();
        Assert.Equal(2, read.Suppressions.Count);
        var audit = read.Suppressions[0];
        Assert.Equal(("", "aws_dynamodb_table.audit"), (audit.ModulePath, audit.ConfigAddress));
        Assert.Equal(new[] { "dynamodb:013", "dynamodb:014" }, audit.PolicyIds);
        Assert.Equal("append-only audit log", audit.Reason);
        Assert.Equal(new DateOnly(2027, 6, 30), audit.Expires);
        Assert.Equal("main.tf:1:1", audit.Location.ToString());
        var orders = read.Suppressions[1];
        Assert.Equal("aws_dynamodb_table.orders", orders.ConfigAddress);
        Assert.Null(orders.Reason);
        Assert.Contains(read.Warnings, w => w.StartsWith("main.tf:8:3: securedynamo:ignore dynamodb:002 on aws_dynamodb_table.orders has no reason", StringComparison.Ordinal));
        // Parted from its resource by a blank line, the third suppresses nothing: the writer is told.
        Assert.Contains("main.tf:16:1: securedynamo:ignore is not on the comment lines directly above a resource or data block, nor inside one; it suppresses nothing", read.Warnings);
    }

    [Theory]
    [InlineData("dynamodb:013, dynamodb:014 reason=\"x\"", new[] { "dynamodb:013", "dynamodb:014" }, "x")]
    [InlineData("dynamodb:013 ,dynamodb:014", new[] { "dynamodb:013", "dynamodb:014" }, null)]
    [InlineData("dynamodb:013 reason=\"a, b\"", new[] { "dynamodb:013" }, "a, b")]
    public void Ids_are_a_comma_separated_list_with_or_without_spaces(string directive, string[] ids, string? reason)
    {
        using var m = new TempModule(("main.tf", $"# securedynamo:ignore {directive}\nresource \"aws_dynamodb_table\" \"t\" {{\n  name = \"t\"\n}}\n"));
        var rule = Assert.Single(m.Read().Suppressions);
        Assert.Equal(ids, rule.PolicyIds);
        Assert.Equal(reason, rule.Reason);
    }

    [Fact]
    public void A_directive_above_a_module_call_or_naming_no_policy_is_reported()
    {
        using var m = new TempModule(("main.tf", """
            # securedynamo:ignore dynamodb:002 reason="module"
            module "m" {
              source = "./m"
            }
            # securedynamo:ignore dynamodb:14 reason="typo"
            resource "aws_dynamodb_table" "t" {
              name = "t"
            }
            """), ("m/main.tf", "resource \"aws_dynamodb_table\" \"inner\" {\n  name = \"inner\"\n}\n"));
        var run = CliRun.InProcess("scan", m.Directory);
        Assert.Contains("main.tf:1:1: securedynamo:ignore is not on the comment lines directly above a resource or data block", run.Stderr + run.Stdout);
        Assert.Contains("main.tf:5:1: securedynamo:ignore names \"dynamodb:14\", which is no policy id", run.Stderr + run.Stdout);
    }

    [Fact]
    public void Live_suppressions_turn_fail_and_unknown_into_suppressed_and_keep_the_original_status()
    {
        using var m = new TempModule(("main.tf", Table));
        var rules = m.Read().Suppressions;
        var warnings = new List<string>();
        var results = InlineSuppressions.Apply(new[]
        {
            Result("dynamodb:013", "aws_dynamodb_table.audit[1]", Status.Fail),
            Result("dynamodb:014", "aws_dynamodb_table.audit[0]", Status.Unknown),
            Result("dynamodb:014", "aws_dynamodb_table.audit[1]", Status.Pass),
            Result("dynamodb:001", "aws_dynamodb_table.audit[0]", Status.Fail),
            Result("dynamodb:002", "aws_dynamodb_table.orders", Status.Fail),
            Result("dynamodb:002", "module.x.aws_dynamodb_table.orders", Status.Fail),
            Result("dynamodb:003", "aws_dynamodb_table.loose", Status.Fail),
        }, rules, new DateOnly(2027, 6, 30), warnings);
        Assert.Equal(
            new[] { "suppressed:fail:append-only audit log", "suppressed:unknown:append-only audit log", "pass", "fail", "suppressed:fail:(no reason given)", "fail", "fail" },
            results.Select(r => r.Status == Status.Suppressed ? $"suppressed:{r.SuppressedStatus!.Value.ToText()}:{r.SuppressionReason}" : r.Status.ToText()));
        // Reports say an inline comment suppressed them (SARIF "inSource"), not an external list.
        Assert.All(results.Where(r => r.Status == Status.Suppressed), r => Assert.Equal(SuppressionKind.InSource, r.SuppressionKind));
        Assert.Empty(warnings);
    }

    [Fact]
    public void Expired_suppressions_no_longer_apply_and_say_so()
    {
        using var m = new TempModule(("main.tf", Table));
        var warnings = new List<string>();
        var results = InlineSuppressions.Apply(new[]
        {
            Result("dynamodb:013", "aws_dynamodb_table.audit[0]", Status.Fail),
            Result("dynamodb:013", "aws_dynamodb_table.audit[1]", Status.Fail),
        }, m.Read().Suppressions, new DateOnly(2027, 7, 1), warnings);
        Assert.All(results, r => Assert.Equal(Status.Fail, r.Status));
        Assert.Equal(new[] { "main.tf:1:1: securedynamo:ignore dynamodb:013,dynamodb:014 expired on 2027-06-30; it no longer applies" }, warnings);
    }

    [Fact]
    public void Invalid_expiry_dates_suppress_nothing()
    {
        using var m = new TempModule(("main.tf", "resource \"aws_dynamodb_table\" \"t\" {\n  # securedynamo:ignore dynamodb:002 reason=\"x\" expires=30/06/2027\n  name = \"t\"\n}\n"));
        var read = m.Read();
        Assert.Empty(read.Suppressions);
        Assert.Contains(read.Warnings, w => w.Contains("invalid expires date \"30/06/2027\"", StringComparison.Ordinal));
    }

    [Fact]
    public void Suppressed_results_are_reported_with_status_reason_and_original_status()
    {
        using var m = new TempModule(("main.tf", Table));
        var run = CliRun.InProcess("scan", m.Directory, "--format", "json");
        var results = (JArray)JObject.Parse(run.Stdout)["results"]!;
        var audit = results.Single(r => (string)r["policyId"]! == "dynamodb:014" && (string)r["resource"]!["address"]! == "aws_dynamodb_table.audit[0]");
        Assert.Equal("suppressed", (string)audit["status"]!);
        Assert.Equal("append-only audit log", (string)audit["suppression"]!["reason"]!);
        Assert.Equal("fail", (string)audit["suppression"]!["originalStatus"]!);
        // Other tools' comments suppress nothing.
        var orders = results.Single(r => (string)r["policyId"]! == "dynamodb:002" && (string)r["resource"]!["address"]! == "aws_dynamodb_table.orders");
        Assert.Equal("suppressed", (string)orders["status"]!);
        var ordersTtl = results.Single(r => (string)r["policyId"]! == "dynamodb:014" && (string)r["resource"]!["address"]! == "aws_dynamodb_table.orders");
        Assert.Equal("fail", (string)ordersTtl["status"]!);
        Assert.Equal("fail", (string)results.Single(r => (string)r["policyId"]! == "dynamodb:003" && (string)r["resource"]!["address"]! == "aws_dynamodb_table.loose")["status"]!);
    }
}
