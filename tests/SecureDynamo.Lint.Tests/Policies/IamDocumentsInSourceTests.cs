using SecureDynamo.Lint.Core.Evaluation;
using SecureDynamo.Lint.Tests.Support;
using SecureDynamo.Lint.Tests.Terraform;

namespace SecureDynamo.Lint.Tests.Policies;

/// <summary>
/// dynamodb:012 and dynamodb:006 on Terraform source where a policy depends on a table ARN known only after
/// apply: what is known of a <c>jsonencode</c> document is judged, and a resource that is a table's ARN is that table.
/// </summary>
public sealed class IamDocumentsInSourceTests
{
    private const string Table = """
        resource "aws_dynamodb_table" "orders" {
          name         = "orders"
          billing_mode = "PAY_PER_REQUEST"
          hash_key     = "id"
          attribute {
            name = "id"
            type = "S"
          }
        }
        """;

    private static Dictionary<string, EvaluationResult> Judge(string policies, string policy = "dynamodb:012")
    {
        using var m = new TempModule(("main.tf", Table + "\n" + policies + "\n"));
        return BuiltInPolicies.Run(m.Read().Graph, policy).ToDictionary(r => r.ResourceAddress);
    }

    [Fact]
    public void A_jsonencode_document_granting_every_action_fails_though_its_resource_is_known_only_after_apply()
    {
        var results = Judge("""
            resource "aws_iam_role_policy" "all" {
              role = "r"
              policy = jsonencode({
                Version   = "2012-10-17"
                Statement = [{ Effect = "Allow", Action = "dynamodb:*", Resource = aws_dynamodb_table.orders.arn }]
              })
            }
            resource "aws_iam_role_policy" "scoped" {
              role = "r"
              policy = jsonencode({
                Version   = "2012-10-17"
                Statement = [{ Effect = "Allow", Action = ["dynamodb:GetItem"], Resource = "${aws_dynamodb_table.orders.arn}/index/*" }]
              })
            }
            """);
        var all = results["aws_iam_role_policy.all"];
        Assert.True(all.Status == Status.Fail, all.Message);
        Assert.Contains("allows Action \"dynamodb:*\"", all.Message);
        // The skeleton keeps which references a part came from: a table's ARN (and its indexes) is that table.
        var scoped = results["aws_iam_role_policy.scoped"];
        Assert.True(scoped.Status == Status.Pass, scoped.Message);
        Assert.Contains("\"${aws_dynamodb_table.orders.arn}/index/*\" (known after apply)", scoped.Message);
    }

    [Fact]
    public void Text_made_from_a_table_arn_is_not_that_table()
    {
        // dirname(arn)/* and replace(arn, name, "*") are every table; picking or gathering ARNs (try, join, concat) keeps them.
        var results = Judge("""
            resource "aws_iam_role_policy" "dirname" {
              role = "r"
              policy = jsonencode({
                Version   = "2012-10-17"
                Statement = [{ Effect = "Allow", Action = "dynamodb:Scan", Resource = "${dirname(aws_dynamodb_table.orders.arn)}/*" }]
              })
            }
            resource "aws_iam_role_policy" "replace" {
              role = "r"
              policy = jsonencode({
                Version   = "2012-10-17"
                Statement = [{ Effect = "Allow", Action = "dynamodb:Scan", Resource = replace(aws_dynamodb_table.orders.arn, aws_dynamodb_table.orders.name, "*") }]
              })
            }
            data "aws_iam_policy_document" "split" {
              statement {
                actions   = ["dynamodb:Scan"]
                resources = ["arn:aws:dynamodb:${split(":", aws_dynamodb_table.orders.arn)[3]}:${split(":", aws_dynamodb_table.orders.arn)[4]}:table/*"]
              }
            }
            resource "aws_iam_policy" "split" {
              policy = data.aws_iam_policy_document.split.json
            }
            resource "aws_iam_role_policy" "formatted" {
              role = "r"
              policy = jsonencode({
                Version   = "2012-10-17"
                Statement = [{ Effect = "Allow", Action = "dynamodb:Query", Resource = formatlist("%s/index/*", [aws_dynamodb_table.orders.arn]) }]
              })
            }
            resource "aws_iam_role_policy" "picked" {
              role = "r"
              policy = jsonencode({
                Version   = "2012-10-17"
                Statement = [{ Effect = "Allow", Action = "dynamodb:Scan", Resource = concat([try(aws_dynamodb_table.orders.arn, "")], ["${join("", [aws_dynamodb_table.orders.arn])}/index/*"]) }]
              })
            }
            """);
        Assert.Equal(Status.Unknown, results["aws_iam_role_policy.dirname"].Status);
        Assert.Equal(Status.Unknown, results["aws_iam_role_policy.replace"].Status);
        var split = results["aws_iam_policy.split"];
        Assert.True(split.Status == Status.Fail, split.Message);
        Assert.Contains(":table/*\", every table", split.Message);
        var formatted = results["aws_iam_role_policy.formatted"];
        Assert.True(formatted.Status == Status.Pass, formatted.Message);
        var picked = results["aws_iam_role_policy.picked"];
        Assert.True(picked.Status == Status.Pass, picked.Message);
    }

    [Fact]
    public void Values_known_only_after_apply_are_named_by_what_they_are_made_of()
    {
        var results = Judge("""
            variable "table_arn" {}
            resource "aws_iam_policy" "not_resource" {
              policy = jsonencode({
                Version   = "2012-10-17"
                Statement = [{ Effect = "Allow", Action = "dynamodb:DeleteItem", NotResource = [aws_dynamodb_table.orders.arn] }]
              })
            }
            resource "aws_iam_policy" "variable" {
              policy = jsonencode({
                Version   = "2012-10-17"
                Statement = [{ Effect = "Allow", Action = "dynamodb:Query", Resource = var.table_arn }]
              })
            }
            """);
        var notResource = results["aws_iam_policy.not_resource"];
        Assert.True(notResource.Status == Status.Fail, notResource.Message);
        Assert.Contains("with NotResource [aws_dynamodb_table.orders.arn (known after apply)], which covers every table it does not list", notResource.Message);
        var variable = results["aws_iam_policy.variable"];
        Assert.True(variable.Status == Status.Unknown, variable.Message);
        Assert.Contains("but Resource has values known only after apply (var.table_arn)", variable.Message);
    }

    [Fact]
    public void A_heredoc_policy_whose_resources_are_table_arns_is_scoped_to_those_tables_as_in_jsonencode()
    {
        var results = Judge("""
            resource "aws_iam_role_policy" "heredoc" {
              role   = "r"
              policy = <<-EOT
                {
                  "Version": "2012-10-17",
                  "Statement": [{
                    "Effect": "Allow",
                    "Action": ["dynamodb:GetItem", "dynamodb:Query"],
                    "Resource": ["${aws_dynamodb_table.orders.arn}", "${aws_dynamodb_table.orders.arn}/index/*"]
                  }]
                }
              EOT
            }
            resource "aws_iam_role_policy" "mixed" {
              role   = "r"
              policy = <<-EOT
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "dynamodb:Query", "Resource": "${aws_dynamodb_table.orders.arn}/${var.suffix}"}]}
              EOT
            }
            variable "suffix" {
              type = string
            }
            """);
        var heredoc = results["aws_iam_role_policy.heredoc"];
        Assert.True(heredoc.Status == Status.Pass, heredoc.Message);
        Assert.Contains("\"${aws_dynamodb_table.orders.arn}/index/*\" (known after apply)", heredoc.Message);
        // A part that is not a table's ARN (an unset variable, which may be "*") leaves the grant undecided.
        var mixed = results["aws_iam_role_policy.mixed"];
        Assert.True(mixed.Status == Status.Unknown, mixed.Message);
    }

    [Fact]
    public void A_heredoc_policy_naming_a_table_instance_by_a_string_key_is_judged()
    {
        // The reference written after the marker holds quotes (this["orders"]): it must not break the document.
        var results = Judge("""
            resource "aws_dynamodb_table" "this" {
              for_each     = toset(["orders"])
              name         = each.key
              billing_mode = "PAY_PER_REQUEST"
              hash_key     = "id"
              attribute {
                name = "id"
                type = "S"
              }
            }
            resource "aws_iam_policy" "all" {
              for_each = aws_dynamodb_table.this
              policy   = <<-EOT
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "dynamodb:*", "Resource": "${aws_dynamodb_table.this[each.key].arn}"}]}
              EOT
            }
            resource "aws_iam_policy" "scoped" {
              for_each = aws_dynamodb_table.this
              policy   = <<-EOT
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "dynamodb:Query", "Resource": "${each.value.arn}"}]}
              EOT
            }
            """);
        var all = results["aws_iam_policy.all[\"orders\"]"];
        Assert.True(all.Status == Status.Fail, all.Message);
        Assert.Contains("\"dynamodb:*\"", all.Message);
        var scoped = results["aws_iam_policy.scoped[\"orders\"]"];
        Assert.True(scoped.Status == Status.Pass, scoped.Message);
    }

    [Fact]
    public void A_policy_document_from_a_module_is_named_from_the_root()
    {
        using var m = new TempModule(
            ("main.tf", Table + """

                module "doc" {
                  source = "./doc"
                }
                resource "aws_iam_policy" "from_module" {
                  policy = module.doc.json
                }
                """),
            ("doc/main.tf", """
                data "aws_iam_policy_document" "this" {
                  statement {
                    actions   = ["dynamodb:*"]
                    resources = ["*"]
                  }
                }
                output "json" {
                  value = data.aws_iam_policy_document.this.json
                }
                """));
        var result = BuiltInPolicies.Run(m.Read().Graph, "dynamodb:012").Single(r => r.ResourceAddress == "aws_iam_policy.from_module");
        Assert.True(result.Status == Status.Fail, result.Message);
        Assert.Contains("policy (module.doc.data.aws_iam_policy_document.this)", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_resource_made_with_format_is_judged_by_its_known_text()
    {
        var results = Judge("""
            data "aws_caller_identity" "current" {}
            resource "aws_iam_role_policy" "indexes" {
              role   = "r"
              policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "dynamodb:Query", Resource = format("%s/index/*", aws_dynamodb_table.orders.arn) }] })
            }
            resource "aws_iam_role_policy" "every_table" {
              role   = "r"
              policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "dynamodb:Query", Resource = format("arn:aws:dynamodb:eu-west-1:%s:table/*", data.aws_caller_identity.current.account_id) }] })
            }
            """);
        var indexes = results["aws_iam_role_policy.indexes"];
        Assert.True(indexes.Status == Status.Pass, indexes.Message);
        Assert.Contains("\"${aws_dynamodb_table.orders.arn}/index/*\"", indexes.Message);
        // The account is known only after apply, but table/* is every table of it: a wildcard grant.
        var everyTable = results["aws_iam_role_policy.every_table"];
        Assert.True(everyTable.Status == Status.Fail, everyTable.Message);
        Assert.Contains("table/*", everyTable.Message);
    }

    [Fact]
    public void A_policy_document_whose_resources_are_table_arns_is_scoped_to_those_tables()
    {
        var results = Judge("""
            data "aws_iam_policy_document" "tables" {
              statement {
                actions   = ["dynamodb:GetItem", "dynamodb:Query"]
                resources = [aws_dynamodb_table.orders.arn, "${aws_dynamodb_table.orders.arn}/index/*"]
              }
            }
            data "aws_iam_policy_document" "mixed" {
              statement {
                actions   = ["dynamodb:GetItem"]
                resources = [aws_dynamodb_table.orders.arn, "arn:aws:dynamodb:*:*:table/*"]
              }
            }
            variable "arn" {}
            data "aws_iam_policy_document" "variable" {
              statement {
                actions   = ["dynamodb:GetItem"]
                resources = ["${var.arn}*", aws_dynamodb_table.orders.arn]
              }
            }
            resource "aws_iam_policy" "tables" {
              policy = data.aws_iam_policy_document.tables.json
            }
            resource "aws_iam_policy" "mixed" {
              policy = data.aws_iam_policy_document.mixed.json
            }
            resource "aws_iam_policy" "variable" {
              policy = data.aws_iam_policy_document.variable.json
            }
            """);
        var tables = results["aws_iam_policy.tables"];
        Assert.True(tables.Status == Status.Pass, tables.Message);
        Assert.Contains("on aws_dynamodb_table.orders.arn (known after apply), \"${aws_dynamodb_table.orders.arn}/index/*\" (known after apply)", tables.Message);
        Assert.Equal(Status.Fail, results["aws_iam_policy.mixed"].Status);
        // A variable without a value could be "*": undecided.
        Assert.Equal(Status.Unknown, results["aws_iam_policy.variable"].Status);
    }

    [Fact]
    public void A_jsonencode_resource_policy_is_judged_on_its_known_principals()
    {
        var results = Judge("""
            data "aws_caller_identity" "current" {}
            resource "aws_dynamodb_resource_policy" "everyone" {
              resource_arn = aws_dynamodb_table.orders.arn
              policy = jsonencode({
                Version   = "2012-10-17"
                Statement = [{ Effect = "Allow", Principal = { AWS = "*" }, Action = "dynamodb:GetItem", Resource = aws_dynamodb_table.orders.arn }]
              })
            }
            resource "aws_dynamodb_resource_policy" "reader" {
              resource_arn = aws_dynamodb_table.orders.arn
              policy = jsonencode({
                Version = "2012-10-17"
                Statement = [{
                  Effect    = "Allow"
                  Principal = { AWS = "arn:aws:iam::${data.aws_caller_identity.current.account_id}:role/reader" }
                  Action    = "dynamodb:GetItem"
                  Resource  = aws_dynamodb_table.orders.arn
                }]
              })
            }
            """, "dynamodb:006");
        Assert.Equal(Status.Fail, results["aws_dynamodb_resource_policy.everyone"].Status);
        var reader = results["aws_dynamodb_resource_policy.reader"];
        Assert.True(reader.Status == Status.Pass, reader.Message);
        Assert.Contains("arn:aws:iam::(known after apply):role/reader", reader.Message);
    }
    [Fact]
    public void A_wildcard_principal_pinned_by_StringEquals_to_an_endpoint_known_only_after_apply_is_restricted()
    {
        var results = Judge("""
            resource "aws_vpc_endpoint" "dynamodb" {
              vpc_id       = "vpc-1"
              service_name = "com.amazonaws.eu-west-1.dynamodb"
            }
            data "aws_iam_policy_document" "vpce_only" {
              statement {
                actions   = ["dynamodb:GetItem"]
                resources = [aws_dynamodb_table.orders.arn]
                principals {
                  type        = "*"
                  identifiers = ["*"]
                }
                condition {
                  test     = "StringEquals"
                  variable = "aws:SourceVpce"
                  values   = [aws_vpc_endpoint.dynamodb.id]
                }
              }
            }
            resource "aws_dynamodb_resource_policy" "block" {
              resource_arn = aws_dynamodb_table.orders.arn
              policy       = data.aws_iam_policy_document.vpce_only.json
            }
            resource "aws_dynamodb_resource_policy" "encoded" {
              resource_arn = aws_dynamodb_table.orders.arn
              policy = jsonencode({
                Statement = [{
                  Effect = "Allow", Principal = "*", Action = "dynamodb:GetItem", Resource = aws_dynamodb_table.orders.arn
                  Condition = { StringEquals = { "aws:SourceVpce" = aws_vpc_endpoint.dynamodb.id } }
                }]
              })
            }
            resource "aws_dynamodb_resource_policy" "pattern" {
              resource_arn = aws_dynamodb_table.orders.arn
              policy = jsonencode({
                Statement = [{
                  Effect = "Allow", Principal = "*", Action = "dynamodb:GetItem", Resource = aws_dynamodb_table.orders.arn
                  Condition = { StringLike = { "aws:SourceVpce" = aws_vpc_endpoint.dynamodb.id } }
                }]
              })
            }
            """, "dynamodb:006");
        Assert.True(results["aws_dynamodb_resource_policy.block"].Status == Status.Pass, results["aws_dynamodb_resource_policy.block"].Message);
        Assert.True(results["aws_dynamodb_resource_policy.encoded"].Status == Status.Pass, results["aws_dynamodb_resource_policy.encoded"].Message);
        // A pattern whose text is known only after apply could be "*".
        Assert.Equal(Status.Unknown, results["aws_dynamodb_resource_policy.pattern"].Status);
    }
    [Fact]
    public void A_jsonencode_resource_known_only_after_apply_is_scoped_only_when_every_such_value_is_a_tables_arn()
    {
        var results = Judge("""
            variable "arn" {}
            resource "aws_iam_role_policy" "variable" {
              role = "r"
              policy = jsonencode({
                Statement = [{ Effect = "Allow", Action = ["dynamodb:GetItem"], Resource = var.arn }]
              })
            }
            resource "aws_iam_role_policy" "mixed" {
              role = "r"
              policy = jsonencode({
                Statement = [{ Effect = "Allow", Action = ["dynamodb:GetItem"], Resource = [aws_dynamodb_table.orders.arn, var.arn] }]
              })
            }
            resource "aws_iam_role_policy" "tables" {
              role = "r"
              policy = jsonencode({
                Statement = [{ Effect = "Allow", Action = ["dynamodb:GetItem"], Resource = [aws_dynamodb_table.orders.arn, "arn:aws:dynamodb:eu-west-1:111122223333:table/x"] }]
              })
            }
            """);
        Assert.Equal(Status.Unknown, results["aws_iam_role_policy.variable"].Status);
        Assert.Equal(Status.Unknown, results["aws_iam_role_policy.mixed"].Status);
        Assert.True(results["aws_iam_role_policy.tables"].Status == Status.Pass, results["aws_iam_role_policy.tables"].Message);
    }

    [Theory]
    [InlineData("arn:aws:dynamodb:us-east-1:${data.aws_caller_identity.current.account_id}:table/*", Status.Fail)]
    [InlineData("arn:aws:dynamodb:${data.aws_region.current.name}:${data.aws_caller_identity.current.account_id}:table/orders", Status.Pass)]
    [InlineData("arn:aws:dynamodb:us-east-1:111122223333:table/${var.table}", Status.Unknown)]
    public void An_arn_template_is_judged_by_its_known_text_in_jsonencode_and_in_policy_documents(string arn, Status expected)
    {
        var results = Judge($$"""
            variable "table" {}
            data "aws_caller_identity" "current" {}
            data "aws_region" "current" {}
            resource "aws_iam_policy" "encoded" {
              name   = "encoded"
              policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = ["dynamodb:Query"], Resource = "{{arn}}" }] })
            }
            data "aws_iam_policy_document" "d" {
              statement {
                actions   = ["dynamodb:Query"]
                resources = ["{{arn}}"]
              }
            }
            resource "aws_iam_role_policy" "document" {
              role   = "r"
              policy = data.aws_iam_policy_document.d.json
            }
            """);
        Assert.True(results["aws_iam_policy.encoded"].Status == expected, results["aws_iam_policy.encoded"].Message);
        Assert.True(results["aws_iam_role_policy.document"].Status == expected, results["aws_iam_role_policy.document"].Message);
    }

    [Fact]
    public void Source_and_override_documents_merge_by_sid_as_the_provider_renders_them()
    {
        // A broad baseline narrowed by Sid (own statement, override document) renders narrow; a source document that is
        // another aws_iam_policy_document is built from it (it was "known only after apply").
        var results = Judge("""
            data "aws_iam_policy_document" "baseline" {
              statement {
                sid       = "DynamoAccess"
                actions   = ["dynamodb:*"]
                resources = ["*"]
              }
            }
            data "aws_iam_policy_document" "narrowed_by_own" {
              source_policy_documents = [data.aws_iam_policy_document.baseline.json]
              statement {
                sid       = "DynamoAccess"
                actions   = ["dynamodb:Query"]
                resources = [aws_dynamodb_table.orders.arn]
              }
            }
            data "aws_iam_policy_document" "narrow" {
              statement {
                sid       = "DynamoAccess"
                actions   = ["dynamodb:GetItem"]
                resources = [aws_dynamodb_table.orders.arn]
              }
            }
            data "aws_iam_policy_document" "narrowed_by_override" {
              source_policy_documents   = [data.aws_iam_policy_document.baseline.json]
              override_policy_documents = [data.aws_iam_policy_document.narrow.json]
            }
            data "aws_iam_policy_document" "widened_by_source" {
              source_policy_documents = [data.aws_iam_policy_document.baseline.json]
              statement {
                sid       = "Other"
                actions   = ["dynamodb:GetItem"]
                resources = [aws_dynamodb_table.orders.arn]
              }
            }
            resource "aws_iam_policy" "own" {
              policy = data.aws_iam_policy_document.narrowed_by_own.json
            }
            resource "aws_iam_policy" "override" {
              policy = data.aws_iam_policy_document.narrowed_by_override.json
            }
            resource "aws_iam_policy" "source" {
              policy = data.aws_iam_policy_document.widened_by_source.json
            }
            """);
        Assert.True(results["aws_iam_policy.own"].Status == Status.Pass, results["aws_iam_policy.own"].Message);
        Assert.True(results["aws_iam_policy.override"].Status == Status.Pass, results["aws_iam_policy.override"].Message);
        var source = results["aws_iam_policy.source"];
        Assert.True(source.Status == Status.Fail, source.Message);
        Assert.Contains("statement \"DynamoAccess\" allows Action \"dynamodb:*\"", source.Message);
    }

    [Fact]
    public void A_policy_built_with_jsonencode_from_a_sensitive_value_is_never_shown()
    {
        // Terraform marks jsonencode's result sensitive when a value inside it is: the account ID stays hidden.
        var results = Judge("""
            variable "account" {
              type      = string
              sensitive = true
              default   = "999988887777"
            }
            resource "aws_iam_policy" "p" {
              policy = jsonencode({
                Version   = "2012-10-17"
                Statement = [{ Effect = "Allow", Action = "dynamodb:Scan", Resource = "arn:aws:dynamodb:us-east-1:${var.account}:table/*" }]
              })
            }
            """);
        var result = results["aws_iam_policy.p"];
        Assert.Equal(Status.Fail, result.Status);
        Assert.DoesNotContain("999988887777", result.Message);
        Assert.Contains("a sensitive value", result.Message);
    }

    [Fact]
    public void A_templatefile_policy_is_judged_on_what_is_known_of_it()
    {
        // The template grants dynamodb:* whatever the table ARN passed in turns out to be (it was unknown as a whole).
        using var m = new TempModule(
            ("main.tf", Table + """

                resource "aws_iam_policy" "t" {
                  policy = templatefile("${path.module}/policy.json.tpl", { table_arn = aws_dynamodb_table.orders.arn })
                }
                """),
            ("policy.json.tpl", """
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "dynamodb:*", "Resource": "${table_arn}"}]}
                """));
        var result = Assert.Single(BuiltInPolicies.Run(m.Read().Graph, "dynamodb:012"));
        Assert.True(result.Status == Status.Fail, result.Message);
        Assert.Contains("allows Action \"dynamodb:*\"", result.Message);
    }
}
