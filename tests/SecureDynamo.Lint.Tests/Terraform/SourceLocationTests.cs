using Newtonsoft.Json.Linq;
using SecureDynamo.Lint.Tests.Support;

namespace SecureDynamo.Lint.Tests.Terraform;

/// <summary>
/// Findings point at the attribute that decides them (or the innermost written block, or the
/// resource block), with exact line and column: SARIF and editors depend on it.
/// </summary>
public sealed class SourceLocationTests
{
    private static readonly Dictionary<string, string> Expected = new(StringComparer.Ordinal)
    {
        ["dynamodb:001 aws_dynamodb_table.audit[0]"] = "main.tf:40:3",
        ["dynamodb:002 aws_dynamodb_table.audit[0]"] = "main.tf:29:1",
        ["dynamodb:003 aws_dynamodb_table.audit[0]"] = "main.tf:44:33",
        ["dynamodb:013 aws_dynamodb_table.audit[0]"] = "main.tf:29:1",
        ["dynamodb:014 aws_dynamodb_table.audit[1]"] = "main.tf:29:1",
        ["dynamodb:001 module.t[\"orders\"].aws_dynamodb_table.this"] = "modules/table/main.tf:34:19",
        ["dynamodb:002 module.t[\"sessions\"].aws_dynamodb_table.this"] = "modules/table/main.tf:38:15",
        ["dynamodb:003 module.t[\"orders\"].aws_dynamodb_table.this"] = "modules/table/main.tf:23:33",
        ["dynamodb:013 module.t[\"orders\"].aws_dynamodb_table.this"] = "modules/table/main.tf:25:33",
        ["dynamodb:014 module.t[\"orders\"].aws_dynamodb_table.this"] = "modules/table/main.tf:45:24",
        ["dynamodb:014 module.t[\"sessions\"].aws_dynamodb_table.this"] = "modules/table/main.tf:41:3",
    };

    /// <summary>Reports name files relative to the repository; the fixture module's own folder is this prefix.</summary>
    internal static readonly string Prefix = Path.GetRelativePath(RepositoryPaths.Root, FixturePaths.Orders).Replace('\\', '/') + "/";

    internal static Dictionary<string, string> Locations(string json) =>
        ((JArray)JObject.Parse(json)["results"]!).ToDictionary(
            r => $"{r["policyId"]} {r["resource"]!["address"]}",
            r => r["location"] is JObject l ? $"{Strip((string)l["file"]!)}:{l["line"]}:{l["column"]}" : "(none)",
            StringComparer.Ordinal);

    private static string Strip(string file) => file.StartsWith(Prefix, StringComparison.Ordinal) ? file[Prefix.Length..] : file;

    [Fact]
    public void Hcl_findings_carry_the_exact_line_and_column_of_the_deciding_attribute()
    {
        var run = CliRun.InProcess("scan", FixturePaths.Orders, "--format", "json");
        Assert.Equal(1, run.ExitCode);
        var locations = Locations(run.Stdout);
        foreach (var (key, where) in Expected) Assert.Equal((key, where), (key, locations[key]));
    }

    [Fact]
    public void A_written_argument_that_evaluates_to_null_is_where_the_finding_points()
    {
        using var m = new TempModule(("main.tf", """
            variable "protect" {
              default = null
            }
            resource "aws_dynamodb_table" "t" {
              name                        = "t"
              hash_key                    = "id"
              deletion_protection_enabled = var.protect
            }
            """));
        var run = CliRun.InProcess("scan", m.Directory, "--format", "json", "--policy", "dynamodb:003");
        var location = (JObject)((JArray)JObject.Parse(run.Stdout)["results"]!)[0]!["location"]!;
        Assert.Equal((7, 33), ((int)location["line"]!, (int)location["column"]!));
    }

    [Fact]
    public void Text_report_shows_file_line_and_column()
    {
        var run = CliRun.InProcess("scan", FixturePaths.Orders);
        Assert.Contains($"aws_dynamodb_table.audit[0] ({Prefix}main.tf)\n", run.Stdout);
        Assert.Contains($"dynamodb:001 [high] server_side_encryption.kms_key_arn is not set, so DynamoDB uses the AWS managed key alias/aws/dynamodb; use a customer managed KMS key ({Prefix}main.tf:40:3)", run.Stdout);
        Assert.Contains($"dynamodb:002 [high] point_in_time_recovery is disabled; set point_in_time_recovery {{ enabled = true }} ({Prefix}modules/table/main.tf:38:15)", run.Stdout);
    }
}
