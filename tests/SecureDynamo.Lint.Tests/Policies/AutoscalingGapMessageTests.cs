using SecureDynamo.Lint.Core.Evaluation;
using SecureDynamo.Lint.Tests.Support;
using SecureDynamo.Lint.Tests.Terraform;

namespace SecureDynamo.Lint.Tests.Policies;

/// <summary>
/// dynamodb:004 names, for each capacity dimension it cannot call covered, the target or policy that decides it:
/// a range, a policy that never scales in, or an argument known only after apply.
/// </summary>
public sealed class AutoscalingGapMessageTests
{
    [Theory]
    [InlineData("max_capacity = 10", "disable_scale_in = false", Status.Pass,
        "billing_mode is PROVISIONED and read and write capacity have autoscaling targets with scaling policies")]
    [InlineData("max_capacity = 5", "disable_scale_in = false", Status.Fail,
        "missing: table ReadCapacityUnits scaling range (aws_appautoscaling_target.read max_capacity 5 is not above min_capacity 5)")]
    [InlineData("max_capacity = 10", "disable_scale_in = true", Status.Fail,
        "missing: table ReadCapacityUnits policy that scales in (aws_appautoscaling_policy.read sets target_tracking_scaling_policy_configuration.disable_scale_in = true")]
    [InlineData("max_capacity = aws_kms_key.k.id", "disable_scale_in = false", Status.Unknown,
        "cannot tell whether autoscaling covers it: table ReadCapacityUnits: aws_appautoscaling_target.read min_capacity or max_capacity is known only after apply")]
    [InlineData("max_capacity = 10", "disable_scale_in = aws_kms_key.k.bypass_policy_lockout_safety_check", Status.Unknown,
        "cannot tell whether autoscaling covers it: table ReadCapacityUnits: aws_appautoscaling_policy.read target_tracking_scaling_policy_configuration.disable_scale_in is known only after apply")]
    public void A_gap_names_what_decides_it(string readMax, string readScaleIn, Status status, string message)
    {
        using var m = new TempModule(("main.tf", $$"""
            resource "aws_kms_key" "k" {}
            resource "aws_dynamodb_table" "t" {
              name           = "orders"
              billing_mode   = "PROVISIONED"
              read_capacity  = 5
              write_capacity = 5
              hash_key       = "id"
              attribute {
                name = "id"
                type = "S"
              }
            }
            resource "aws_appautoscaling_target" "read" {
              service_namespace  = "dynamodb"
              resource_id        = "table/orders"
              scalable_dimension = "dynamodb:table:ReadCapacityUnits"
              min_capacity       = 5
              {{readMax}}
            }
            resource "aws_appautoscaling_policy" "read" {
              name               = "read"
              policy_type        = "TargetTrackingScaling"
              resource_id        = aws_appautoscaling_target.read.resource_id
              scalable_dimension = aws_appautoscaling_target.read.scalable_dimension
              service_namespace  = aws_appautoscaling_target.read.service_namespace
              target_tracking_scaling_policy_configuration {
                target_value = 70
                {{readScaleIn}}
                predefined_metric_specification {
                  predefined_metric_type = "DynamoDBReadCapacityUtilization"
                }
              }
            }
            resource "aws_appautoscaling_target" "write" {
              service_namespace  = "dynamodb"
              resource_id        = "table/orders"
              scalable_dimension = "dynamodb:table:WriteCapacityUnits"
              min_capacity       = 5
              max_capacity       = 10
            }
            resource "aws_appautoscaling_policy" "write" {
              name               = "write"
              policy_type        = "TargetTrackingScaling"
              resource_id        = aws_appautoscaling_target.write.resource_id
              scalable_dimension = aws_appautoscaling_target.write.scalable_dimension
              service_namespace  = aws_appautoscaling_target.write.service_namespace
              target_tracking_scaling_policy_configuration {
                target_value = 70
                predefined_metric_specification {
                  predefined_metric_type = "DynamoDBWriteCapacityUtilization"
                }
              }
            }
            """));
        var result = Assert.Single(BuiltInPolicies.Run(m.Read().Graph, "dynamodb:004"));
        Assert.Equal(status, result.Status);
        Assert.Contains(message, result.Message, StringComparison.Ordinal);
    }
    [Fact]
    public void Index_targets_whose_table_part_is_known_only_after_apply_name_their_index()
    {
        // resource_id = "table/${aws_dynamodb_table.t.id}/index/by_customer" (as the cloudposse module writes it).
        using var m = new TempModule(("main.tf", """
            resource "aws_dynamodb_table" "t" {
              name           = "orders"
              billing_mode   = "PROVISIONED"
              read_capacity  = 5
              write_capacity = 5
              hash_key       = "id"
              attribute {
                name = "id"
                type = "S"
              }
              attribute {
                name = "customer"
                type = "S"
              }
              global_secondary_index {
                name            = "by_customer"
                hash_key        = "customer"
                projection_type = "ALL"
                read_capacity   = 5
                write_capacity  = 5
              }
            }
            locals {
              targets = {
                read        = { id = "table/${aws_dynamodb_table.t.id}", dimension = "dynamodb:table:ReadCapacityUnits" }
                write       = { id = "table/${aws_dynamodb_table.t.id}", dimension = "dynamodb:table:WriteCapacityUnits" }
                index_read  = { id = "table/${aws_dynamodb_table.t.id}/index/by_customer", dimension = "dynamodb:index:ReadCapacityUnits" }
                index_write = { id = "table/${aws_dynamodb_table.t.id}/index/by_customer", dimension = "dynamodb:index:WriteCapacityUnits" }
              }
            }
            resource "aws_appautoscaling_target" "this" {
              for_each           = local.targets
              service_namespace  = "dynamodb"
              resource_id        = each.value.id
              scalable_dimension = each.value.dimension
              min_capacity       = 5
              max_capacity       = 20
            }
            resource "aws_appautoscaling_policy" "this" {
              for_each           = local.targets
              name               = each.key
              policy_type        = "TargetTrackingScaling"
              resource_id        = aws_appautoscaling_target.this[each.key].resource_id
              scalable_dimension = aws_appautoscaling_target.this[each.key].scalable_dimension
              service_namespace  = aws_appautoscaling_target.this[each.key].service_namespace
              target_tracking_scaling_policy_configuration {
                target_value = 70
                predefined_metric_specification {
                  predefined_metric_type = strcontains(each.key, "read") ? "DynamoDBReadCapacityUtilization" : "DynamoDBWriteCapacityUtilization"
                }
              }
            }
            """));
        var result = Assert.Single(BuiltInPolicies.Run(m.Read().Graph, "dynamodb:004"));
        Assert.True(result.Status == Status.Pass, result.Message);
    }
}
