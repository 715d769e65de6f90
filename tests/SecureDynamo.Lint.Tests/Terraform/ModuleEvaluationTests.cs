using SecureDynamo.Lint.Core.Diagnostics;
using SecureDynamo.Lint.Core.Graph;
using SecureDynamo.Lint.Core.Resolution;
using SecureDynamo.Lint.Core.Values;
using SecureDynamo.Lint.Terraform;

namespace SecureDynamo.Lint.Tests.Terraform;

/// <summary>Variables, locals, module calls, providers, override files and the configuration tree.</summary>
public sealed class ModuleEvaluationTests
{
    private const string VariableModule = """
        variable "env" {
          default = "default"
        }
        resource "test_thing" "t" {
          v = var.env
        }
        """;

    private static string Env(TempModule m, TerraformReadOptions? options = null)
    {
        var read = m.Read(options);
        Assert.Equal(read.Graph.Variables["env"].AsString(), read.Graph.Resources.Single().After.Get("v").AsString());
        return read.Graph.Variables["env"].AsString()!;
    }

    [Fact]
    public void Variable_values_follow_terraform_precedence()
    {
        using var m = new TempModule(("main.tf", VariableModule));
        Assert.Equal("default", Env(m));
        m.Write("terraform.tfvars", "env = \"tfvars\"\n");
        Assert.Equal("tfvars", Env(m));
        m.Write("terraform.tfvars.json", "{\"env\": \"tfvars-json\"}");
        Assert.Equal("tfvars-json", Env(m));
        m.Write("b.auto.tfvars", "env = \"auto-b\"\n");
        m.Write("a.auto.tfvars", "env = \"auto-a\"\n");
        Assert.Equal("auto-b", Env(m));
        m.Write("extra.tfvars", "env = \"var-file\"\n");
        Assert.Equal("var-file", Env(m, new TerraformReadOptions([m.PathOf("extra.tfvars")], [])));
        Assert.Equal("cli", Env(m, new TerraformReadOptions([m.PathOf("extra.tfvars")], ["env=cli"])));
    }

    [Fact]
    public void Complex_var_values_are_parsed_as_hcl_when_the_type_is_not_primitive()
    {
        using var m = new TempModule(("main.tf", """
            variable "tables" {
              type = map(object({ pitr = bool }))
            }
            resource "aws_dynamodb_table" "t" {
              for_each = var.tables
              name     = each.key
              point_in_time_recovery {
                enabled = each.value.pitr
              }
            }
            """));
        var read = m.Read(new TerraformReadOptions([], ["tables={ a = { pitr = true }, b = { pitr = false } }"]));
        Assert.Equal(new[] { "aws_dynamodb_table.t[\"a\"]", "aws_dynamodb_table.t[\"b\"]" }, read.Graph.Resources.Select(r => r.Address.ToString()));
    }

    [Fact]
    public void An_argument_the_called_module_does_not_declare_is_a_warning()
    {
        using var m = new TempModule(
            ("main.tf", "module \"m\" {\n  source = \"./m\"\n  pitr   = true\n  old_pitr_enabled = true\n}\n"),
            ("m/main.tf", "variable \"pitr\" {}\n"));
        var read = m.Read();
        Assert.Equal(new[] { "main.tf:4:3: module m declares no variable \"old_pitr_enabled\" (Terraform rejects this argument); it is ignored" }, read.Warnings);
    }

    [Fact]
    public void Local_modules_are_followed_with_arguments_evaluated_in_the_caller()
    {
        using var m = new TempModule(
            ("main.tf", """
                locals {
                  prefix = "shop"
                }
                resource "aws_kms_key" "k" {}
                module "store" {
                  source = "./store"
                  name   = "${local.prefix}-orders"
                  key    = aws_kms_key.k.arn
                }
                output "table" {
                  value = module.store.table_name
                }
                """),
            ("store/main.tf", """
                variable "name" {}
                variable "key" {}
                resource "aws_dynamodb_table" "this" {
                  name = var.name
                  server_side_encryption {
                    enabled     = true
                    kms_key_arn = var.key
                  }
                }
                output "table_name" {
                  value = var.name
                }
                """));
        var read = m.Read();
        var table = read.Graph.OfType("aws_dynamodb_table").Single();
        Assert.Equal("module.store.aws_dynamodb_table.this", table.Address.ToString());
        Assert.Equal("shop-orders", table.After.Get("name").AsString());
        var key = table.Get(AttributePath.Of("server_side_encryption", 0, "kms_key_arn"));
        Assert.True(key.IsUnknown);
        Assert.Equal(new[] { "var.key" }, key.Expression!.References);
        // The policies' resolution follows var.key to the call's argument in the root: a customer managed key.
        var resolver = new ReferenceResolver(read.Graph);
        var classified = new KeyClassifier(read.Graph, resolver).Classify(resolver.Effective(table, AttributePath.Of("server_side_encryption", 0, "kms_key_arn")));
        Assert.Equal(KeyKind.CustomerManaged, classified.Kind);
        var call = read.Graph.Root!.Calls["store"];
        Assert.Equal("./store", call.Source);
        Assert.Equal(new[] { "aws_kms_key.k.arn", "aws_kms_key.k" }, call.Arguments["key"].References);
        Assert.Equal("\"shop-orders\"", call.Arguments["name"].Constant!.ToDisplayString());
        Assert.Equal(new[] { "var.name" }, read.Graph.Module("module.store")!.Outputs["table_name"].References);
    }

    [Fact]
    public void Locals_are_expanded_in_configuration_references_so_the_resolver_can_follow_them()
    {
        using var m = new TempModule(("main.tf", """
            resource "aws_kms_key" "k" {}
            locals {
              key   = aws_kms_key.k.arn
              alias = local.key
            }
            resource "aws_dynamodb_table" "t" {
              name = "t"
              server_side_encryption {
                enabled     = true
                kms_key_arn = local.alias
              }
            }
            """));
        var graph = m.Read().Graph;
        var table = graph.OfType("aws_dynamodb_table").Single();
        var expr = table.ExpressionAt(AttributePath.Of("server_side_encryption", 0, "kms_key_arn"))!;
        Assert.Equal(new[] { "aws_kms_key.k.arn", "aws_kms_key.k" }, expr.References);
        Assert.Equal("local.alias", expr.Text);
        Assert.Equal("", expr.Module);
    }

    [Fact]
    public void Provider_aliases_pass_through_providers_maps()
    {
        using var m = new TempModule(
            ("main.tf", """
                provider "aws" {
                  region = "eu-west-1"
                }
                provider "aws" {
                  alias  = "west"
                  region = "us-west-2"
                }
                module "replica" {
                  source    = "./replica"
                  providers = { aws = aws.west }
                }
                resource "aws_dynamodb_table" "main" {
                  name = "main"
                }
                resource "aws_dynamodb_table" "other" {
                  provider = aws.west
                  name     = "other"
                }
                """),
            ("replica/main.tf", """
                resource "aws_dynamodb_table" "r" {
                  name = "r"
                }
                module "nested" {
                  source = "../nested"
                }
                """),
            ("nested/main.tf", """
                resource "aws_dynamodb_table" "n" {
                  name = "n"
                }
                """));
        var graph = m.Read().Graph;
        Assert.Equal(new[] { "aws", "aws.west" }, graph.Providers.Select(p => p.Key));
        Assert.Equal("\"us-west-2\"", graph.Providers[1].Arguments["region"].Constant!.ToDisplayString());
        var keys = graph.Resources.ToDictionary(r => r.Address.ToString(), r => r.ProviderConfigKey);
        Assert.Equal("aws", keys["aws_dynamodb_table.main"]);
        Assert.Equal("aws.west", keys["aws_dynamodb_table.other"]);
        Assert.Equal("aws.west", keys["module.replica.aws_dynamodb_table.r"]);
        // A call without providers = {...} passes the caller's default provider down: here that is aws.west.
        Assert.Equal("aws.west", keys["module.replica.module.nested.aws_dynamodb_table.n"]);
    }

    [Fact]
    public void Registry_modules_need_terraform_init_and_are_read_from_its_manifest()
    {
        using var m = new TempModule(("main.tf", """
            module "tables" {
              source  = "terraform-aws-modules/dynamodb-table/aws"
              version = "4.0.0"
              name    = "orders"
            }
            """));
        var before = m.Read();
        Assert.Empty(before.Graph.Resources);
        Assert.Contains("main.tf:1:1: module tables (terraform-aws-modules/dynamodb-table/aws) not analysed: run terraform init", before.Warnings);

        m.Write(".terraform/modules/tables/main.tf", "variable \"name\" {}\nresource \"aws_dynamodb_table\" \"this\" {\n  name = var.name\n}\n");
        m.Write(".terraform/modules/modules.json", "{\"Modules\":[{\"Key\":\"\",\"Source\":\"\",\"Dir\":\".\"},{\"Key\":\"tables\",\"Source\":\"registry.terraform.io/terraform-aws-modules/dynamodb-table/aws\",\"Version\":\"4.0.0\",\"Dir\":\".terraform/modules/tables\"}]}");
        var after = m.Read();
        Assert.Empty(after.Warnings);
        var table = Assert.Single(after.Graph.Resources);
        Assert.Equal("module.tables.aws_dynamodb_table.this", table.Address.ToString());
        Assert.Equal("orders", table.After.Get("name").AsString());
        Assert.Equal(".terraform/modules/tables/main.tf", table.Location!.File);
    }

    [Theory]
    // The call now names another source than the one terraform init installed: Terraform refuses to plan until init runs again.
    [InlineData("git::https://github.com/acme/tf-dynamodb.git?ref=v2.0.0", false)]
    [InlineData("terraform-aws-modules/dynamodb-table/aws", true)]
    [InlineData("registry.terraform.io/terraform-aws-modules/dynamodb-table/aws", true)]
    public void An_installed_module_from_another_source_is_not_analysed(string source, bool analysed)
    {
        using var m = new TempModule(("main.tf", $$"""
            module "tables" {
              source = "{{source}}"
              name   = "orders"
            }
            """));
        m.Write(".terraform/modules/tables/main.tf", "variable \"name\" {}\nresource \"aws_dynamodb_table\" \"this\" {\n  name = var.name\n}\n");
        m.Write(".terraform/modules/modules.json", "{\"Modules\":[{\"Key\":\"tables\",\"Source\":\"registry.terraform.io/terraform-aws-modules/dynamodb-table/aws\",\"Version\":\"4.0.0\",\"Dir\":\".terraform/modules/tables\"}]}");
        var read = m.Read();
        Assert.Equal(analysed ? 1 : 0, read.Graph.Resources.Count);
        if (!analysed)
        {
            Assert.Contains($"main.tf:1:1: module tables ({source}) not analysed: .terraform/modules holds it from registry.terraform.io/terraform-aws-modules/dynamodb-table/aws; run terraform init", read.Warnings);
            Assert.Equal(["module.tables"], read.Graph.UnanalysedModules);
        }
    }

    [Fact]
    public void Override_files_replace_arguments_and_nested_blocks()
    {
        using var m = new TempModule(
            ("main.tf", """
                resource "aws_dynamodb_table" "t" {
                  name     = "t"
                  hash_key = "id"
                  ttl {
                    enabled = false
                  }
                }
                """),
            ("main_override.tf", """
                resource "aws_dynamodb_table" "t" {
                  name = "renamed"
                  ttl {
                    enabled        = true
                    attribute_name = "exp"
                  }
                }
                """));
        var table = m.Read().Graph.Resources.Single();
        Assert.Equal("renamed", table.After.Get("name").AsString());
        Assert.Equal("id", table.After.Get("hash_key").AsString());
        Assert.Equal("[{attribute_name = \"exp\", enabled = true}]", table.After.Get("ttl").ToDisplayString());
    }

    [Fact]
    public void Json_configuration_files_are_read()
    {
        using var m = new TempModule(("main.tf.json", """
            {
              "variable": { "env": { "default": "prod" } },
              "resource": {
                "aws_dynamodb_table": {
                  "t": {
                    "count": 2,
                    "name": "${var.env}-${count.index}",
                    "tags": { "team": "data" },
                    "point_in_time_recovery": { "enabled": true }
                  }
                }
              }
            }
            """));
        var tables = m.Read().Graph.Resources;
        Assert.Equal(new[] { "aws_dynamodb_table.t[0]", "aws_dynamodb_table.t[1]" }, tables.Select(t => t.Address.ToString()));
        Assert.Equal("prod-1", tables[1].After.Get("name").AsString());
        Assert.Equal("{team = \"data\"}", tables[0].After.Get("tags").ToDisplayString());
        Assert.Equal(true, tables[0].Get(AttributePath.Of("point_in_time_recovery", 0, "enabled")).AsBool());
        Assert.Equal("main.tf.json", tables[0].Location!.File);
    }

    [Fact]
    public void A_lone_interpolation_in_json_is_its_value_and_for_each_may_be_an_object()
    {
        // "${toset(var.names)}" is a set (for_each), "${local.tags}" a map, as in Terraform: not text. A literal object
        // for for_each is its map, not a nested block.
        using var m = new TempModule(("main.tf.json", """
            {
              "variable": { "names": { "default": ["a", "b"] } },
              "locals": { "tags": { "team": "data" } },
              "resource": {
                "aws_dynamodb_table": {
                  "s": { "for_each": "${toset(var.names)}", "name": "${each.key}", "tags": "${local.tags}" },
                  "m": { "for_each": { "x": { "pitr": true } }, "name": "${each.key}", "point_in_time_recovery": { "enabled": "${each.value.pitr}" } }
                }
              }
            }
            """));
        var tables = m.Read().Graph.Resources.ToDictionary(t => t.Address.ToString());
        Assert.Equal(["aws_dynamodb_table.m[\"x\"]", "aws_dynamodb_table.s[\"a\"]", "aws_dynamodb_table.s[\"b\"]"], tables.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("{team = \"data\"}", tables["aws_dynamodb_table.s[\"a\"]"].After.Get("tags").ToDisplayString());
        Assert.Equal(true, tables["aws_dynamodb_table.m[\"x\"]"].Get(AttributePath.Of("point_in_time_recovery", 0, "enabled")).AsBool());
    }

    [Fact]
    public void Data_sources_are_read_resources_with_their_configured_values()
    {
        using var m = new TempModule(("main.tf", """
            data "aws_kms_alias" "dynamo" {
              name = "alias/aws/dynamodb"
            }
            resource "aws_dynamodb_table" "t" {
              name = "t"
              server_side_encryption {
                enabled     = true
                kms_key_arn = data.aws_kms_alias.dynamo.target_key_arn
              }
            }
            """));
        var graph = m.Read().Graph;
        var data = Assert.Single(graph.OfType("data.aws_kms_alias"));
        Assert.Equal(ResourceMode.Data, data.Mode);
        Assert.Equal(PlannedAction.Read, data.Action);
        Assert.Equal("alias/aws/dynamodb", data.After.Get("name").AsString());
        var table = graph.OfType("aws_dynamodb_table").Single();
        var resolver = new ReferenceResolver(graph);
        var key = new KeyClassifier(graph, resolver).Classify(resolver.Effective(table, AttributePath.Of("server_side_encryption", 0, "kms_key_arn")));
        Assert.Equal(KeyKind.AwsManaged, key.Kind);
    }

    [Fact]
    public void Computed_id_and_arn_are_unknown_before_apply_like_in_a_plan()
    {
        using var m = new TempModule(("main.tf", "resource \"aws_kms_key\" \"k\" {\n  count = 1\n}\nresource \"aws_dynamodb_table\" \"t\" {\n  id = \"given\"\n}\n"));
        var graph = m.Read().Graph;
        var key = graph.OfType("aws_kms_key").Single();
        Assert.True(key.After.Get("arn").IsUnknown);
        Assert.Equal(new[] { "aws_kms_key.k[0].arn", "aws_kms_key.k" }, key.After.Get("arn").Expression!.References);
        Assert.Equal("given", graph.OfType("aws_dynamodb_table").Single().After.Get("id").AsString());
    }

    [Fact]
    public void Cycles_are_input_errors_naming_the_cycle()
    {
        using var m = new TempModule(("main.tf", """
            locals {
              a = local.b
              b = "${local.a}-x"
            }
            resource "test_thing" "t" {
              v = local.a
            }
            """));
        var e = Assert.Throws<InputException>(() => m.Read());
        Assert.Contains("cycle: local.a → local.b → local.a", e.Message);
        // Named where the value it came back to is written: local.a, line 2.
        Assert.EndsWith("main.tf", e.File);
        Assert.Equal(2, e.Line);
    }

    [Fact]
    public void Parse_errors_name_the_file_line_and_column_of_the_first_error()
    {
        using var m = new TempModule(("ok.tf", "locals {\n  a = 1\n}\n"), ("broken.tf", "resource \"aws_dynamodb_table\" \"t\" {\n  name = \n}\n"));
        var e = Assert.Throws<InputException>(() => m.Read());
        Assert.StartsWith("broken.tf:2:", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void A_module_that_calls_itself_is_not_followed_forever()
    {
        // Found by fuzzing: each of these expanded without end, gigabytes deep.
        using var m = new TempModule(
            ("main.tf", "module \"self\" {\n  source = \"./\"\n}\nmodule \"a\" {\n  source = \"./a\"\n}\nresource \"aws_dynamodb_table\" \"t\" {\n  name = \"t\"\n}\n"),
            ("a/main.tf", "module \"b\" {\n  source = \"../b\"\n}\nresource \"aws_dynamodb_table\" \"a\" {\n  name = \"a\"\n}\n"),
            ("b/main.tf", "module \"a\" {\n  source = \"../a\"\n}\n"));
        var read = m.Read();
        Assert.Equal(new[] { "aws_dynamodb_table.t", "module.a.aws_dynamodb_table.a" }, read.Graph.Resources.Select(r => r.Address.ToString()).Order(StringComparer.Ordinal));
        Assert.Contains("main.tf:1:1: module self (./) calls a module it is itself part of (a module that calls itself never ends); it is not analysed", read.Warnings);
        Assert.Contains("b/main.tf:1:1: module a (../a) calls a module it is itself part of (a module that calls itself never ends); it is not analysed", read.Warnings);
    }

    [Fact]
    public void Files_that_never_end_are_not_read_whole()
    {
        if (!File.Exists("/dev/zero")) return;
        using var m = new TempModule(
            ("main.tf", "resource \"aws_dynamodb_table\" \"t\" {\n  name = file(\"/dev/zero\")\n  tags = { t = local.t }\n}\n"),
            ("t.tpl", "${templatefile(\"t.tpl\", {})}"),
            ("tpl.tf", "locals {\n  t = templatefile(\"t.tpl\", {})\n}\n"));
        var read = m.Read();
        Assert.True(Assert.Single(read.Graph.Resources).After.Get("name").IsUnknown);
        Assert.Contains(read.Warnings, w => w.StartsWith("main.tf:2:10: file: \"/dev/zero\" is larger than 16 MiB (or never ends); not read", StringComparison.Ordinal));
        // As Terraform: a template cannot call templatefile (this one included itself without end).
        Assert.Contains(read.Warnings, w => w.Contains("cannot recursively call templatefile from inside a templatefile call", StringComparison.Ordinal));

        File.CreateSymbolicLink(m.PathOf("zero.tf"), "/dev/zero");
        var e = Assert.Throws<InputException>(() => m.Read());
        Assert.Equal("zero.tf: is larger than 64 MiB (or never ends); not read", e.Message);
    }

    [Fact]
    public void Module_sources_and_manifests_no_path_can_hold_leave_the_call_unanalysed()
    {
        using var m = new TempModule(
            ("main.tf", "module \"nul\" {\n  source = \"./a\\u0000b\"\n}\nmodule \"reg\" {\n  source = \"terraform-aws-modules/dynamodb-table/aws\"\n}\n"),
            (".terraform/modules/modules.json", "{\"Modules\": [1, null, [], {\"Key\": {\"a\": 1}, \"Dir\": \"m\"}, {\"Key\": \"reg\", \"Dir\": [\"m\"]}, {\"Key\": \"reg\", \"Dir\": \"m\\u0000x\"}]}"));
        var read = m.Read();
        Assert.Contains("main.tf:1:1: module nul not analysed: its source holds a NUL character, which no path can", read.Warnings);
        Assert.Contains("main.tf:4:1: module reg (terraform-aws-modules/dynamodb-table/aws) not analysed: run terraform init", read.Warnings);
    }
    [Fact]
    public void Provider_default_tags_reach_tags_all_under_the_resources_own_tags_in_child_modules_too()
    {
        using var m = new TempModule(
            ("main.tf", """
                provider "aws" {
                  region = "eu-west-1"
                  default_tags {
                    tags = { backup = "daily", team = "core" }
                  }
                }
                provider "aws" {
                  alias  = "plain"
                  region = "us-east-1"
                }
                resource "aws_dynamodb_table" "own" {
                  name = "own"
                  tags = { backup = "weekly" }
                }
                resource "aws_dynamodb_table" "plain" {
                  provider = aws.plain
                  name     = "plain"
                }
                module "child" {
                  source = "./child"
                }
                """),
            ("child/main.tf", "resource \"aws_dynamodb_table\" \"t\" {\n  name = \"t\"\n}\n"));
        var resources = m.Read().Graph.Resources.ToDictionary(r => r.Address.ToString());
        var own = resources["aws_dynamodb_table.own"].After.Get("tags_all");
        Assert.Equal("weekly", own.Get("backup").AsString());
        Assert.Equal("core", own.Get("team").AsString());
        Assert.Equal("daily", resources["module.child.aws_dynamodb_table.t"].After.Get("tags_all").Get("backup").AsString());
        Assert.True(resources["aws_dynamodb_table.plain"].After.Get("tags_all").IsNull);
    }
}
