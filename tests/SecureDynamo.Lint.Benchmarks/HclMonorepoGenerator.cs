using System.Globalization;
using System.Text;

namespace SecureDynamo.Lint.Benchmarks;

/// <summary>
/// Writes a Terraform monorepo as teams keep them: <c>services/&lt;team&gt;/&lt;service&gt;/</c> root
/// modules (each its own state), sharing a table module under <c>modules/</c>. A root module holds
/// providers and backend, variables, locals with <c>for</c> expressions and <c>merge</c>, KMS keys with
/// <c>jsonencode</c> key policies, DynamoDB tables (attributes, GSIs, SSE, PITR, TTL, replicas through
/// <c>dynamic</c> blocks), <c>for_each</c> module calls, autoscaling targets and policies, IAM policies
/// as heredocs, as <c>jsonencode</c> and as <c>aws_iam_policy_document</c>, AWS Backup plans and outputs.
/// Verdicts vary with the service number (some tables lack a customer key, PITR or protection).
/// </summary>
public static class HclMonorepoGenerator
{
    public const int RootModules = 100;
    public const int FilesPerRoot = 20;
    private const int TableFiles = 8;
    private const int AutoscalingFiles = 2;
    private const int IamFiles = 4;
    private static readonly string[] Teams = ["orders", "payments", "catalog", "identity", "search", "shipping", "billing", "analytics", "support", "platform"];

    /// <summary>Writes the tree under <paramref name="root"/>; returns how many files were written.</summary>
    public static int Write(string root)
    {
        var files = 0;
        foreach (var (name, text) in SharedModule())
        {
            WriteFile(Path.Combine(root, "modules", "dynamodb-table", name), text);
            files++;
        }
        // 2,000 files in all: the shared module's files come out of the last root module's share.
        var total = RootModules * FilesPerRoot;
        for (var s = 0; s < RootModules; s++)
        {
            var team = Teams[s % Teams.Length];
            var dir = Path.Combine(root, "services", team, $"{team}-svc-{s:D3}");
            foreach (var (name, text) in RootModule(s, team))
            {
                if (files == total) break;
                WriteFile(Path.Combine(dir, name), text);
                files++;
            }
        }
        return files;
    }

    private static void WriteFile(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text.ReplaceLineEndings("\n"), new UTF8Encoding(false));
    }

    private static IEnumerable<(string Name, string Text)> RootModule(int s, string team)
    {
        var svc = $"{team}-svc-{s:D3}";
        yield return ("providers.tf", Providers(svc));
        yield return ("variables.tf", Variables(s));
        yield return ("locals.tf", Locals(s, team, svc));
        yield return ("kms.tf", Kms(s, svc));
        for (var f = 0; f < TableFiles; f++) yield return ($"tables_{f:D2}.tf", Tables(s, f, svc));
        for (var f = 0; f < AutoscalingFiles; f++) yield return ($"autoscaling_{f:D2}.tf", Autoscaling(f));
        for (var f = 0; f < IamFiles; f++) yield return ($"iam_{f:D2}.tf", Iam(s, f, svc));
        yield return ("backup.tf", Backup(s, svc));
        yield return ("outputs.tf", Outputs());
    }

    private static string Providers(string svc) => $$"""
        terraform {
          required_version = ">= 1.5.0"

          required_providers {
            aws = {
              source  = "hashicorp/aws"
              version = "~> 5.40"
            }
          }

          backend "s3" {
            bucket         = "acme-terraform-state"
            key            = "services/{{svc}}/terraform.tfstate"
            region         = "eu-west-1"
            dynamodb_table = "terraform-locks"
            encrypt        = true
          }
        }

        provider "aws" {
          region = var.region

          default_tags {
            tags = local.common_tags
          }
        }

        provider "aws" {
          alias  = "replica"
          region = var.replica_regions[0]
        }

        data "aws_caller_identity" "current" {}

        data "aws_region" "current" {}

        """;

    private static string Variables(int s) => $$"""
        variable "region" {
          type        = string
          description = "Primary region of the service's tables."
          default     = "eu-west-1"
        }

        variable "environment" {
          type        = string
          description = "Deployment stage."
          default     = "{{(s % 3 == 0 ? "prod" : s % 3 == 1 ? "staging" : "dev")}}"

          validation {
            condition     = contains(["prod", "staging", "dev"], var.environment)
            error_message = "The environment must be prod, staging or dev."
          }
        }

        variable "replica_regions" {
          type    = list(string)
          default = ["eu-central-1", "us-east-1"]
        }

        variable "read_capacity" {
          type = object({
            min = number
            max = number
          })
          default = {
            min = {{5 + s % 7}}
            max = {{100 + 10 * (s % 9)}}
          }
        }

        variable "extra_tags" {
          type    = map(string)
          default = {}
        }

        variable "enable_streams" {
          type    = bool
          default = {{(s % 2 == 0 ? "true" : "false")}}
        }

        """;

    private static string Locals(int s, string team, string svc)
    {
        var b = new StringBuilder();
        b.Append(CultureInfo.InvariantCulture, $$"""
            locals {
              service = "{{svc}}"
              team    = "{{team}}"
              prefix  = "${var.environment}-${local.service}"

              common_tags = merge(var.extra_tags, {
                Team        = local.team
                Service     = local.service
                Environment = var.environment
                ManagedBy   = "terraform"
                CostCenter  = "cc-{{1000 + s}}"
              })

              is_prod = var.environment == "prod"

              # Tables made through the shared module, one per entity.
              entities = {

            """);
        for (var e = 0; e < 6; e++)
        {
            b.Append(CultureInfo.InvariantCulture, $$"""
                    entity{{e}} = {
                      hash_key  = "pk"
                      range_key = {{(e % 2 == 0 ? "\"sk\"" : "null")}}
                      ttl       = {{(e % 3 == 0 ? "true" : "false")}}
                      pitr      = {{((s + e) % 5 == 0 ? "false" : "true")}}
                      indexes   = [{{string.Join(", ", Enumerable.Range(0, e % 3).Select(i => $"\"gsi{i}\""))}}]
                    }

                """);
        }
        b.Append("""
              }

              entity_names   = sort(keys(local.entities))
              ttl_entities   = [for name, e in local.entities : name if e.ttl]
              table_arns     = { for name, m in module.entity_table : name => m.table_arn }
              scaled_tables  = { for k, v in local.entities : k => "table/${local.prefix}-${k}" if !v.ttl }
              replica_set    = local.is_prod ? toset(var.replica_regions) : toset([])
              alarm_suffixes = formatlist("%s-throttles", local.entity_names)
            }

            """);
        return b.ToString();
    }

    private static string Kms(int s, string svc) => $$"""
        resource "aws_kms_key" "tables" {
          description             = "DynamoDB tables of {{svc}}"
          deletion_window_in_days = 30
          enable_key_rotation     = {{(s % 11 == 0 ? "false" : "true")}}
          multi_region            = local.is_prod

          policy = jsonencode({
            Version = "2012-10-17"
            Statement = [
              {
                Sid       = "AccountAdmin"
                Effect    = "Allow"
                Principal = { AWS = "arn:aws:iam::${data.aws_caller_identity.current.account_id}:root" }
                Action    = "kms:*"
                Resource  = "*"
              },
              {
                Sid       = "DynamoDBUse"
                Effect    = "Allow"
                Principal = { AWS = "*" }
                Action    = ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"]
                Resource  = "*"
                Condition = {
                  StringEquals = {
                    "kms:CallerAccount" = data.aws_caller_identity.current.account_id
                    "kms:ViaService"    = "dynamodb.${var.region}.amazonaws.com"
                  }
                }
              }
            ]
          })

          tags = local.common_tags
        }

        resource "aws_kms_alias" "tables" {
          name          = "alias/${local.prefix}-tables"
          target_key_id = aws_kms_key.tables.key_id
        }

        resource "aws_kms_replica_key" "tables" {
          for_each = local.replica_set

          description             = "Replica of the ${local.prefix} table key"
          primary_key_arn         = aws_kms_key.tables.arn
          deletion_window_in_days = 30
        }

        """;

    private static string Tables(int s, int f, string svc)
    {
        var b = new StringBuilder();
        for (var t = 0; t < 2; t++)
        {
            var n = $"t{f}_{t}";
            var weak = (s + f + t) % 7 == 0;
            var sse = weak
                ? "  server_side_encryption {\n    enabled = false\n  }\n"
                : "  server_side_encryption {\n    enabled     = true\n    kms_key_arn = aws_kms_key.tables.arn\n  }\n";
            b.Append(CultureInfo.InvariantCulture, $$"""
                # {{svc}}: table {{n}} ({{(weak ? "legacy, scheduled for migration" : "current layout")}})
                resource "aws_dynamodb_table" "{{n}}" {
                  name                        = "${local.prefix}-{{n}}"
                  billing_mode                = "{{(t == 0 ? "PROVISIONED" : "PAY_PER_REQUEST")}}"
                {{(t == 0 ? "  read_capacity               = var.read_capacity.min\n  write_capacity              = 5\n" : "")}}  hash_key                    = "pk"
                  range_key                   = "sk"
                  deletion_protection_enabled = {{(weak ? "false" : "local.is_prod")}}
                  stream_enabled              = var.enable_streams
                  stream_view_type            = var.enable_streams ? "NEW_AND_OLD_IMAGES" : null
                  table_class                 = "STANDARD"

                  attribute {
                    name = "pk"
                    type = "S"
                  }

                  attribute {
                    name = "sk"
                    type = "S"
                  }

                  attribute {
                    name = "gsi1pk"
                    type = "S"
                  }

                  global_secondary_index {
                    name            = "gsi1"
                    hash_key        = "gsi1pk"
                    range_key       = "sk"
                    projection_type = "INCLUDE"
                    non_key_attributes = ["status", "updated_at"]
                {{(t == 0 ? "    read_capacity      = 5\n    write_capacity     = 5\n" : "")}}  }

                {{sse}}
                  point_in_time_recovery {
                    enabled = {{((s + t) % 4 == 0 ? "false" : "true")}}
                  }

                  ttl {
                    attribute_name = "expires_at"
                    enabled        = {{(t == 1 ? "true" : "false")}}
                  }

                  dynamic "replica" {
                    for_each = local.replica_set
                    content {
                      region_name            = replica.value
                      kms_key_arn            = aws_kms_replica_key.tables[replica.value].arn
                      point_in_time_recovery = true
                      propagate_tags         = true
                    }
                  }

                  lifecycle {
                    prevent_destroy = false
                    ignore_changes  = [read_capacity, write_capacity]
                  }

                  tags = merge(local.common_tags, {
                    Name  = "${local.prefix}-{{n}}"
                    Table = "{{n}}"
                  })
                }


                """);
        }
        if (f == 0)
        {
            b.Append("""
                module "entity_table" {
                  source   = "../../../modules/dynamodb-table"
                  for_each = local.entities

                  name          = "${local.prefix}-${each.key}"
                  hash_key      = each.value.hash_key
                  range_key     = each.value.range_key
                  kms_key_arn   = aws_kms_key.tables.arn
                  ttl_enabled   = each.value.ttl
                  pitr          = each.value.pitr
                  index_names   = each.value.indexes
                  tags          = local.common_tags
                }

                """);
        }
        return b.ToString();
    }

    private static string Autoscaling(int f) => $$"""
        resource "aws_appautoscaling_target" "read_{{f}}" {
          for_each = local.scaled_tables

          service_namespace  = "dynamodb"
          resource_id        = each.value
          scalable_dimension = "dynamodb:table:ReadCapacityUnits"
          min_capacity       = var.read_capacity.min
          max_capacity       = var.read_capacity.max
        }

        resource "aws_appautoscaling_policy" "read_{{f}}" {
          for_each = aws_appautoscaling_target.read_{{f}}

          name               = "DynamoDBReadCapacityUtilization:${each.value.resource_id}"
          policy_type        = "TargetTrackingScaling"
          service_namespace  = each.value.service_namespace
          resource_id        = each.value.resource_id
          scalable_dimension = each.value.scalable_dimension

          target_tracking_scaling_policy_configuration {
            predefined_metric_specification {
              predefined_metric_type = "DynamoDBReadCapacityUtilization"
            }
            target_value       = {{60 + 5 * f}}
            scale_in_cooldown  = 60
            scale_out_cooldown = 60
          }
        }

        resource "aws_appautoscaling_target" "write_{{f}}" {
          service_namespace  = "dynamodb"
          resource_id        = "table/${aws_dynamodb_table.t{{f}}_0.name}"
          scalable_dimension = "dynamodb:table:WriteCapacityUnits"
          min_capacity       = 5
          max_capacity       = 200
        }

        """;

    private static string Iam(int s, int f, string svc)
    {
        var wildcard = (s + f) % 9 == 0;
        return f switch
        {
            0 => $$"""
                resource "aws_iam_policy" "table_access" {
                  name        = "${local.prefix}-table-access"
                  description = "Read and write the tables of {{svc}}"

                  policy = <<-EOT
                    {
                      "Version": "2012-10-17",
                      "Statement": [
                        {
                          "Sid": "TableAccess",
                          "Effect": "Allow",
                          "Action": [
                            "dynamodb:GetItem",
                            "dynamodb:PutItem",
                            "dynamodb:UpdateItem",
                            "dynamodb:Query"
                          ],
                          "Resource": [
                            "${aws_dynamodb_table.t0_0.arn}",
                            "${aws_dynamodb_table.t0_0.arn}/index/*"
                          ]
                        },
                        {
                          "Sid": "Decrypt",
                          "Effect": "Allow",
                          "Action": ["kms:Decrypt", "kms:GenerateDataKey"],
                          "Resource": "${aws_kms_key.tables.arn}"
                        }
                      ]
                    }
                  EOT
                }

                """,
            1 => $$"""
                resource "aws_iam_role" "service" {
                  name = "${local.prefix}-service"

                  assume_role_policy = jsonencode({
                    Version = "2012-10-17"
                    Statement = [{
                      Effect    = "Allow"
                      Principal = { Service = "ecs-tasks.amazonaws.com" }
                      Action    = "sts:AssumeRole"
                    }]
                  })

                  tags = local.common_tags
                }

                resource "aws_iam_role_policy" "service_tables" {
                  name = "tables"
                  role = aws_iam_role.service.id

                  policy = jsonencode({
                    Version = "2012-10-17"
                    Statement = [
                      {
                        Effect   = "Allow"
                        Action   = {{(wildcard ? "\"dynamodb:*\"" : "[\"dynamodb:BatchGetItem\", \"dynamodb:Query\", \"dynamodb:Scan\"]")}}
                        Resource = {{(wildcard ? "\"*\"" : "[for name in local.entity_names : \"arn:aws:dynamodb:${var.region}:${data.aws_caller_identity.current.account_id}:table/${local.prefix}-${name}\"]")}}
                      }
                    ]
                  })
                }

                """,
            2 => $$"""
                data "aws_iam_policy_document" "stream_reader" {
                  statement {
                    sid    = "ReadStreams"
                    effect = "Allow"
                    actions = [
                      "dynamodb:DescribeStream",
                      "dynamodb:GetRecords",
                      "dynamodb:GetShardIterator",
                      "dynamodb:ListStreams",
                    ]
                    resources = ["${aws_dynamodb_table.t1_0.arn}/stream/*"]
                  }

                  statement {
                    sid       = "DenyInsecureTransport"
                    effect    = "Deny"
                    actions   = ["dynamodb:*"]
                    resources = ["*"]

                    condition {
                      test     = "Bool"
                      variable = "aws:SecureTransport"
                      values   = ["false"]
                    }
                  }
                }

                resource "aws_iam_policy" "stream_reader" {
                  name   = "${local.prefix}-stream-reader"
                  policy = data.aws_iam_policy_document.stream_reader.json
                }

                """,
            _ => $$"""
                resource "aws_dynamodb_resource_policy" "t2_0" {
                  resource_arn = aws_dynamodb_table.t2_0.arn

                  policy = jsonencode({
                    Version = "2012-10-17"
                    Statement = [
                      {
                        Sid       = "CrossAccountRead"
                        Effect    = "Allow"
                        Principal = { AWS = {{(wildcard ? "\"*\"" : "\"arn:aws:iam::${data.aws_caller_identity.current.account_id}:role/reader\"")}} }
                        Action    = ["dynamodb:GetItem", "dynamodb:Query"]
                        Resource  = aws_dynamodb_table.t2_0.arn
                      }
                    ]
                  })
                }

                """,
        };
    }

    private static string Backup(int s, string svc) => $$"""
        resource "aws_backup_vault" "tables" {
          name        = "${local.prefix}-tables"
          kms_key_arn = aws_kms_key.tables.arn
        }

        resource "aws_backup_plan" "tables" {
          name = "${local.prefix}-tables"

          rule {
            rule_name         = "daily"
            target_vault_name = aws_backup_vault.tables.name
            schedule          = "cron(0 {{s % 24}} * * ? *)"

            lifecycle {
              delete_after = 35
            }
          }
        }

        resource "aws_backup_selection" "tables" {
          name         = "{{svc}}-tables"
          plan_id      = aws_backup_plan.tables.id
          iam_role_arn = aws_iam_role.service.arn

          resources = concat(
            [aws_dynamodb_table.t0_0.arn, aws_dynamodb_table.t1_0.arn],
            values(local.table_arns),
          )
        }

        """;

    private static string Outputs() => """
        output "table_arns" {
          description = "Every table of the service, by name."
          value = merge(
            { for k, m in module.entity_table : k => m.table_arn },
            {
              t0_0 = aws_dynamodb_table.t0_0.arn
              t1_0 = aws_dynamodb_table.t1_0.arn
            },
          )
        }

        output "kms_key_arn" {
          value     = aws_kms_key.tables.arn
          sensitive = false
        }

        """;

    private static IEnumerable<(string Name, string Text)> SharedModule()
    {
        yield return ("variables.tf", """
            variable "name" {
              type = string
            }

            variable "hash_key" {
              type = string
            }

            variable "range_key" {
              type    = string
              default = null
            }

            variable "kms_key_arn" {
              type    = string
              default = null
            }

            variable "ttl_enabled" {
              type    = bool
              default = false
            }

            variable "pitr" {
              type    = bool
              default = true
            }

            variable "index_names" {
              type    = list(string)
              default = []
            }

            variable "tags" {
              type    = map(string)
              default = {}
            }

            """);
        yield return ("main.tf", """
            locals {
              key_attributes = compact([var.hash_key, var.range_key])
              index_keys     = [for i in var.index_names : "${i}pk"]
            }

            resource "aws_dynamodb_table" "this" {
              name                        = var.name
              billing_mode                = "PAY_PER_REQUEST"
              hash_key                    = var.hash_key
              range_key                   = var.range_key
              deletion_protection_enabled = true

              dynamic "attribute" {
                for_each = concat(local.key_attributes, local.index_keys)
                content {
                  name = attribute.value
                  type = "S"
                }
              }

              dynamic "global_secondary_index" {
                for_each = var.index_names
                content {
                  name            = global_secondary_index.value
                  hash_key        = "${global_secondary_index.value}pk"
                  projection_type = "KEYS_ONLY"
                }
              }

              server_side_encryption {
                enabled     = var.kms_key_arn != null
                kms_key_arn = var.kms_key_arn
              }

              point_in_time_recovery {
                enabled = var.pitr
              }

              dynamic "ttl" {
                for_each = var.ttl_enabled ? [1] : []
                content {
                  enabled        = true
                  attribute_name = "expires_at"
                }
              }

              tags = var.tags
            }

            """);
        yield return ("alarms.tf", """
            resource "aws_cloudwatch_metric_alarm" "throttles" {
              alarm_name          = "${var.name}-throttles"
              namespace           = "AWS/DynamoDB"
              metric_name         = "ThrottledRequests"
              statistic           = "Sum"
              period              = 300
              evaluation_periods  = 2
              threshold           = 10
              comparison_operator = "GreaterThanThreshold"

              dimensions = {
                TableName = aws_dynamodb_table.this.name
              }
            }

            """);
        yield return ("outputs.tf", """
            output "table_arn" {
              value = aws_dynamodb_table.this.arn
            }

            output "table_name" {
              value = aws_dynamodb_table.this.name
            }

            """);
        yield return ("versions.tf", """
            terraform {
              required_providers {
                aws = {
                  source  = "hashicorp/aws"
                  version = ">= 5.0"
                }
              }
            }

            """);
    }
}
