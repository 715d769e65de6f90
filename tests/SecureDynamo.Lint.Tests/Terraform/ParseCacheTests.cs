using SecureDynamo.Lint.Terraform;
using SecureDynamo.Lint.Terraform.Loading;

namespace SecureDynamo.Lint.Tests.Terraform;

/// <summary>Root modules of one scan share the parses of a module they both call; a changed file is parsed again.</summary>
public sealed class ParseCacheTests
{
    private const string Caller = """
        module "t" {
          source = "../../modules/table"
          name   = "NAME"
        }
        """;

    private const string Shared = """
        variable "name" {}
        resource "aws_dynamodb_table" "this" {
          name         = var.name
          billing_mode = "PAY_PER_REQUEST"
        }
        """;

    [Fact]
    public void Shared_module_reads_the_same_with_and_without_the_cache_and_sees_changes()
    {
        using var m = new TempModule(
            ("services/a/main.tf", Caller.Replace("NAME", "a", StringComparison.Ordinal)),
            ("services/b/main.tf", Caller.Replace("NAME", "b", StringComparison.Ordinal)),
            ("modules/table/main.tf", Shared));
        var cached = TerraformReadOptions.None with { ParseCache = new ParseCache() };
        foreach (var root in new[] { "services/a", "services/b" })
        {
            var plain = TerraformReader.ReadDirectory(m.PathOf(root), TerraformReadOptions.None);
            var shared = TerraformReader.ReadDirectory(m.PathOf(root), cached);
            Assert.Equal(Describe(plain), Describe(shared));
            Assert.Equal("../../modules/table/main.tf", shared.Graph.Resources.Single().Location!.File);
        }

        // A changed file (other length) is parsed again, not taken from the cache.
        m.Write("modules/table/main.tf", Shared.Replace("PAY_PER_REQUEST", "PROVISIONED", StringComparison.Ordinal));
        var after = TerraformReader.ReadDirectory(m.PathOf("services/a"), cached);
        Assert.Equal("PROVISIONED", after.Graph.Resources.Single().After.Get("billing_mode").AsString());
    }

    private static string Describe(TerraformReadResult read) =>
        string.Join("\n", read.Graph.Resources.Select(r => $"{r.Address} {r.Location} {TempModule.Render(r.After)}")) + "\n" + string.Join("\n", read.Warnings);
}
