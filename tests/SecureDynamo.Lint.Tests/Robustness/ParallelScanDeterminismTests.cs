using SecureDynamo.Lint.Tests.Support;
using SecureDynamo.Lint.Tests.Terraform;

namespace SecureDynamo.Lint.Tests.Robustness;

/// <summary>
/// Root modules are read and judged on every core, and policies run side by side: the report must
/// not depend on how many cores there are, nor on which module or policy finishes first, and the
/// error reported must be the first in module order.
/// </summary>
public sealed class ParallelScanDeterminismTests
{
    [Fact]
    public void A_monorepo_report_is_the_same_on_one_core_and_on_several()
    {
        using var repo = Monorepo(brokenModule: null);
        string[] args = ["scan", "--format", "json", repo.Directory];
        var one = BinaryRunner.RunWith(null, new Dictionary<string, string> { ["DOTNET_PROCESSOR_COUNT"] = "1" }, args);
        var four = BinaryRunner.RunWith(null, new Dictionary<string, string> { ["DOTNET_PROCESSOR_COUNT"] = "4" }, args);

        Assert.Equal(1, one.ExitCode);
        Assert.Contains("svc-07/main.tf", one.Stdout, StringComparison.Ordinal);
        Assert.Equal(one.Stdout, four.Stdout);
    }

    [Fact]
    public void The_error_reported_is_the_first_broken_module_in_order()
    {
        using var repo = Monorepo(brokenModule: 3);
        repo.Write("services/svc-09/broken_09.tf", "resource \"aws_dynamodb_table\" {\n");
        for (var run = 0; run < 3; run++)
        {
            var result = CliRun.InProcess(["scan", "--format", "json", repo.Directory]);
            Assert.Equal(2, result.ExitCode);
            Assert.Contains("broken_03.tf", result.Stderr, StringComparison.Ordinal);
            Assert.DoesNotContain("broken_09.tf", result.Stderr, StringComparison.Ordinal);
        }
    }

    private static TempModule Monorepo(int? brokenModule)
    {
        var files = new List<(string, string)>();
        for (var i = 0; i < 12; i++)
        {
            var pitr = i % 3 == 0 ? "false" : "true";
            files.Add(($"services/svc-{i:D2}/main.tf", $$"""
                resource "aws_kms_key" "k" {
                  enable_key_rotation = {{(i % 2 == 0 ? "true" : "false")}}
                }

                resource "aws_dynamodb_table" "t" {
                  for_each     = toset(["a", "b"])
                  name         = "svc-{{i}}-${each.key}"
                  hash_key     = "id"
                  billing_mode = "PAY_PER_REQUEST"

                  attribute {
                    name = "id"
                    type = "S"
                  }

                  server_side_encryption {
                    enabled     = true
                    kms_key_arn = aws_kms_key.k.arn
                  }

                  point_in_time_recovery {
                    enabled = {{pitr}}
                  }
                }
                """));
            if (i == brokenModule) files.Add(($"services/svc-{i:D2}/broken_{i:D2}.tf", "resource \"aws_dynamodb_table\" \"x\" {\n  name = \n}\n"));
        }
        return new TempModule([.. files]);
    }
}
