using SecureDynamo.Lint.Core.Evaluation;
using SecureDynamo.Lint.Core.Graph;
using SecureDynamo.Lint.Core.Resolution;
using SecureDynamo.Lint.Core.Values;

namespace SecureDynamo.Lint.Tests.Terraform;

/// <summary>count, for_each, module instances and dynamic blocks expand to Terraform's instance addresses.</summary>
public sealed class InstanceExpansionTests
{
    private static IReadOnlyList<string> Addresses(TempModule module, string type = "aws_dynamodb_table") =>
        module.Read().Graph.Resources.Where(r => r.Type == type).Select(r => r.Address.ToString()).OrderBy(a => a, StringComparer.Ordinal).ToList();

    [Theory]
    [InlineData("count = 3", "name = \"t-${count.index}\"", new[] { "aws_dynamodb_table.t[0]", "aws_dynamodb_table.t[1]", "aws_dynamodb_table.t[2]" })]
    [InlineData("count = 0", "name = \"t\"", new string[0])]
    [InlineData("for_each = toset([\"b\", \"a\"])", "name = each.value", new[] { "aws_dynamodb_table.t[\"a\"]", "aws_dynamodb_table.t[\"b\"]" })]
    [InlineData("for_each = { orders = { pitr = true }, \"odd \\\"key\\\"\" = { pitr = false } }", "name = each.key", new[] { "aws_dynamodb_table.t[\"odd \\\"key\\\"\"]", "aws_dynamodb_table.t[\"orders\"]" })]
    [InlineData("", "name = \"t\"", new[] { "aws_dynamodb_table.t" })]
    public void Count_and_for_each_give_terraform_instance_addresses(string meta, string name, string[] expected)
    {
        using var module = new TempModule(("main.tf", $"resource \"aws_dynamodb_table\" \"t\" {{\n  {meta}\n  {name}\n  hash_key = \"id\"\n}}\n"));
        Assert.Equal(expected, Addresses(module));
    }

    [Fact]
    public void Each_and_count_values_reach_the_attributes()
    {
        using var module = new TempModule(("main.tf", """
            resource "aws_dynamodb_table" "t" {
              for_each = { orders = "o", users = "u" }
              name     = "${each.key}-${each.value}"
            }
            """));
        var names = module.Read().Graph.Resources.ToDictionary(r => r.Address.ToString(), r => r.After.Get("name").AsString());
        Assert.Equal("orders-o", names["aws_dynamodb_table.t[\"orders\"]"]);
        Assert.Equal("users-u", names["aws_dynamodb_table.t[\"users\"]"]);
    }

    [Fact]
    public void Nested_module_instances_are_addressed_like_terraform()
    {
        using var module = new TempModule(
            ("main.tf", """
                module "t" {
                  source   = "./modules/outer"
                  for_each = toset(["orders", "users"])
                  name     = each.key
                }
                """),
            ("modules/outer/main.tf", """
                variable "name" {}
                module "inner" {
                  source = "../inner"
                  count  = 2
                  name   = "${var.name}-${count.index}"
                }
                """),
            ("modules/inner/main.tf", """
                variable "name" {}
                resource "aws_dynamodb_table" "this" {
                  name = var.name
                }
                """));
        var read = module.Read();
        var tables = read.Graph.Resources.ToDictionary(r => r.Address.ToString(), r => r.After.Get("name").AsString());
        Assert.Equal(new[]
        {
            "module.t[\"orders\"].module.inner[0].aws_dynamodb_table.this",
            "module.t[\"orders\"].module.inner[1].aws_dynamodb_table.this",
            "module.t[\"users\"].module.inner[0].aws_dynamodb_table.this",
            "module.t[\"users\"].module.inner[1].aws_dynamodb_table.this",
        }, tables.Keys.OrderBy(k => k, StringComparer.Ordinal));
        Assert.Equal("users-1", tables["module.t[\"users\"].module.inner[1].aws_dynamodb_table.this"]);
        Assert.Equal("modules/inner/main.tf", read.Graph.Resources[0].Location!.File);
        Assert.Equal("module.t.module.inner", read.Graph.Resources[0].Address.ModulePath);
        Assert.NotNull(read.Graph.Module("module.t.module.inner")?.Resources.GetValueOrDefault("aws_dynamodb_table.this"));
    }

    [Fact]
    public void Unknown_for_each_judges_the_block_once_under_its_configuration_address_and_warns()
    {
        using var module = new TempModule(("main.tf", """
            resource "aws_kms_key" "k" {}
            resource "aws_dynamodb_table" "t" {
              for_each = toset([aws_kms_key.k.id])
              name     = each.key
              hash_key = "id"
            }
            """));
        var read = module.Read();
        var table = Assert.Single(read.Graph.OfType("aws_dynamodb_table"));
        Assert.Equal("aws_dynamodb_table.t", table.Address.ToString());
        Assert.True(table.After.Get("name").IsUnknown);
        Assert.Equal("id", table.After.Get("hash_key").AsString());
        Assert.Contains(read.Warnings, w => w.StartsWith("main.tf:3:14: the for_each of aws_dynamodb_table.t is unknown before apply", StringComparison.Ordinal));
    }

    [Fact]
    public void Dynamic_blocks_expand_with_iterator_and_content()
    {
        using var module = new TempModule(("main.tf", """
            locals {
              regions = ["eu-west-1", "us-east-1"]
            }
            resource "aws_dynamodb_table" "t" {
              name = "t"
              dynamic "replica" {
                for_each = local.regions
                iterator = r
                content {
                  region_name            = r.value
                  point_in_time_recovery = r.key == "eu-west-1"
                }
              }
              dynamic "ttl" {
                for_each = []
                content {
                  enabled = true
                }
              }
            }
            """));
        var table = module.Read().Graph.OfType("aws_dynamodb_table").Single();
        Assert.Equal("[{point_in_time_recovery = true, region_name = \"eu-west-1\"}, {point_in_time_recovery = false, region_name = \"us-east-1\"}]",
            table.After.Get("replica").ToDisplayString());
        Assert.Equal("[]", table.After.Get("ttl").ToDisplayString());
    }

    [Fact]
    public void A_dynamic_block_over_null_generates_nothing_and_says_terraform_rejects_it()
    {
        using var module = new TempModule(("main.tf", """
            variable "replicas" {
              default = null
            }
            resource "aws_dynamodb_table" "t" {
              name = "t"
              dynamic "replica" {
                for_each = var.replicas
                content {
                  region_name = replica.value
                }
              }
            }
            """));
        var read = module.Read();
        Assert.Equal("[]", read.Graph.OfType("aws_dynamodb_table").Single().After.Get("replica").ToDisplayString());
        Assert.Contains(read.Warnings, w => w.Contains("dynamic \"replica\" for_each is null, which terraform plan rejects", StringComparison.Ordinal));
    }

    [Fact]
    public void A_dynamic_block_over_an_unknown_collection_is_unknown_not_absent()
    {
        using var module = new TempModule(("main.tf", """
            resource "aws_kms_key" "k" {}
            resource "aws_dynamodb_table" "t" {
              name = "t"
              dynamic "server_side_encryption" {
                for_each = aws_kms_key.k.arn != "" ? [1] : []
                content {
                  enabled = true
                }
              }
            }
            """));
        var graph = module.Read().Graph;
        var table = graph.OfType("aws_dynamodb_table").Single();
        Assert.True(table.After.Get("server_side_encryption").IsUnknown);
        var effective = new ReferenceResolver(graph).Effective(table, AttributePath.Of("server_side_encryption", 0, "enabled"));
        Assert.True(effective.IsUnknown);
    }
    [Fact]
    public void For_each_over_a_resource_takes_its_instance_keys_and_each_value_is_that_instance()
    {
        using var module = new TempModule(("main.tf", """
            locals {
              tables = { orders = 5, carts = 10 }
            }
            resource "aws_dynamodb_table" "t" {
              for_each       = local.tables
              name           = each.key
              hash_key       = "id"
              read_capacity  = each.value
              write_capacity = each.value
              attribute {
                name = "id"
                type = "S"
              }
            }
            resource "aws_appautoscaling_target" "read" {
              for_each           = local.tables
              max_capacity       = 100
              min_capacity       = each.value
              resource_id        = "table/${aws_dynamodb_table.t[each.key].name}"
              scalable_dimension = "dynamodb:table:ReadCapacityUnits"
              service_namespace  = "dynamodb"
            }
            resource "aws_appautoscaling_policy" "read" {
              for_each           = aws_appautoscaling_target.read
              name               = "${each.key}-read"
              policy_type        = "TargetTrackingScaling"
              resource_id        = each.value.resource_id
              scalable_dimension = each.value.scalable_dimension
              service_namespace  = each.value.service_namespace
              target_tracking_scaling_policy_configuration {
                target_value = 70
              }
            }
            """));
        var read = module.Read();
        Assert.Equal(["aws_appautoscaling_policy.read[\"carts\"]", "aws_appautoscaling_policy.read[\"orders\"]"], Addresses(module, "aws_appautoscaling_policy"));
        Assert.DoesNotContain(read.Warnings, w => w.Contains("for_each", StringComparison.Ordinal));
        var policy = read.Graph.Resources.Single(r => r.Address.ToString() == "aws_appautoscaling_policy.read[\"carts\"]");
        Assert.Equal("carts-read", policy.After.Get("name").AsString());
        // each.value.resource_id is the instance's attribute: the carts target's configured resource_id, as Terraform plans it.
        Assert.Equal("table/carts", policy.After.Get("resource_id").AsString());
        var results = Support.BuiltInPolicies.Run(read.Graph, "dynamodb:004");
        // Write capacity has no target: the read pairs are found (a policy per target), the write ones are missing.
        Assert.All(results, r => Assert.DoesNotContain("ReadCapacityUnits", r.Message, StringComparison.Ordinal));
        Assert.All(results, r => Assert.Contains("WriteCapacityUnits target and policy", r.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void A_configured_argument_of_another_resource_is_known_as_terraform_plans_it()
    {
        using var module = new TempModule(("main.tf", """
            locals {
              tables  = { orders = 5, carts = 10 }
              scaling = { for name, min in local.tables : "${name}-read" => { table = name, min = min } }
            }
            resource "aws_dynamodb_table" "t" {
              for_each       = local.tables
              name           = "app-${each.key}"
              hash_key       = "id"
              read_capacity  = each.value
              write_capacity = each.value
              attribute {
                name = "id"
                type = "S"
              }
              global_secondary_index {
                name            = "by_user"
                hash_key        = "id"
                projection_type = "ALL"
                read_capacity   = 5
                write_capacity  = 5
              }
            }
            resource "aws_appautoscaling_target" "read" {
              for_each           = local.scaling
              max_capacity       = 100
              min_capacity       = each.value.min
              resource_id        = "table/${aws_dynamodb_table.t[each.value.table].name}"
              scalable_dimension = "dynamodb:table:ReadCapacityUnits"
              service_namespace  = "dynamodb"
              tags               = { table = aws_dynamodb_table.t[each.value.table].arn }
            }
            resource "aws_appautoscaling_target" "write" {
              count              = 1
              max_capacity       = 100
              min_capacity       = 5
              resource_id        = aws_appautoscaling_target.read["orders-read"].resource_id
              scalable_dimension = "dynamodb:table:WriteCapacityUnits"
              service_namespace  = "dynamodb"
            }
            resource "aws_appautoscaling_target" "index" {
              max_capacity       = 100
              min_capacity       = 5
              resource_id        = "table/${aws_dynamodb_table.t["orders"].name}/index/by_user"
              scalable_dimension = "dynamodb:index:ReadCapacityUnits"
              service_namespace  = "dynamodb"
            }
            """));
        var graph = module.Read().Graph;
        Resource Of(string address) => graph.Resources.Single(r => r.Address.ToString() == address);
        // A table name read through an index computed from a local map, another target's resource_id, a GSI target's resource_id.
        Assert.Equal("table/app-orders", Of("aws_appautoscaling_target.read[\"orders-read\"]").After.Get("resource_id").AsString());
        Assert.Equal("table/app-orders", Of("aws_appautoscaling_target.write[0]").After.Get("resource_id").AsString());
        Assert.Equal("table/app-orders/index/by_user", Of("aws_appautoscaling_target.index").After.Get("resource_id").AsString());
        // What the provider computes stays unknown, naming the instance read.
        Assert.Equal("aws_dynamodb_table.t[\"carts\"].arn", Of("aws_appautoscaling_target.read[\"carts-read\"]").After.Get("tags").Get("table").Expression!.References[0]);
        var results = Support.BuiltInPolicies.Run(graph, "dynamodb:004").ToDictionary(r => r.ResourceAddress);
        // No policies anywhere: each target is linked to its table, so what is missing is said, not unknown.
        var orders = results["aws_dynamodb_table.t[\"orders\"]"];
        Assert.Equal(Status.Fail, orders.Status);
        Assert.Contains("table ReadCapacityUnits policy (aws_appautoscaling_target.read[\"orders-read\"] has no", orders.Message, StringComparison.Ordinal);
        Assert.Contains("table WriteCapacityUnits policy (aws_appautoscaling_target.write[0] has no", orders.Message, StringComparison.Ordinal);
        Assert.Contains("index by_user ReadCapacityUnits policy (aws_appautoscaling_target.index has no", orders.Message, StringComparison.Ordinal);
        var carts = results["aws_dynamodb_table.t[\"carts\"]"];
        Assert.Equal(Status.Fail, carts.Status);
        Assert.Contains("table ReadCapacityUnits policy (aws_appautoscaling_target.read[\"carts-read\"] has no", carts.Message, StringComparison.Ordinal);
        Assert.Contains("table WriteCapacityUnits target and policy", carts.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("orders", carts.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void For_each_over_a_filtered_resource_takes_the_kept_instance_keys()
    {
        using var module = new TempModule(("main.tf", """
            resource "aws_appautoscaling_target" "t" {
              for_each           = toset(["a", "b", "c"])
              max_capacity       = 100
              min_capacity       = 5
              resource_id        = "table/${each.key}"
              scalable_dimension = "dynamodb:table:ReadCapacityUnits"
              service_namespace  = "dynamodb"
            }
            resource "aws_appautoscaling_policy" "p" {
              for_each    = { for k, v in aws_appautoscaling_target.t : k => v if k != "b" }
              name        = each.key
              policy_type = "TargetTrackingScaling"
              resource_id = each.value.resource_id
            }
            resource "aws_appautoscaling_policy" "counted" {
              count       = length([for t in aws_appautoscaling_target.t : t.resource_id])
              name        = "counted-${count.index}"
              policy_type = "TargetTrackingScaling"
            }
            """));
        var read = module.Read();
        Assert.DoesNotContain(read.Warnings, w => w.Contains("unknown before apply", StringComparison.Ordinal));
        Assert.Equal(["aws_appautoscaling_policy.p[\"a\"]", "aws_appautoscaling_policy.p[\"c\"]"], Addresses(module, "aws_appautoscaling_policy").Where(a => a.Contains(".p[", StringComparison.Ordinal)).ToList());
        Assert.Equal("table/c", read.Graph.Resources.Single(r => r.Address.ToString() == "aws_appautoscaling_policy.p[\"c\"]").After.Get("resource_id").AsString());
        Assert.Equal(3, read.Graph.Resources.Count(r => r.Address.ToString().StartsWith("aws_appautoscaling_policy.counted[", StringComparison.Ordinal)));
    }
}
