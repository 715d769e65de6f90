using SecureDynamo.Lint.Core.Diagnostics;
using SecureDynamo.Lint.Core.Evaluation;
using SecureDynamo.Lint.Reporting;

namespace SecureDynamo.Lint.Tests.Reporting;

/// <summary>
/// A fixed report with every kind of result (failures of each severity, an unknown, suppressions
/// from the config and from source, a pass, a not-applicable, a result without a location) and
/// fixed policies, so that report golden files change only when a reporter does.
/// </summary>
public static class SampleReport
{
    public static readonly SourceRoot Root = new("/repo", "/repo");

    public static ScanReport Create(Severity failOn = Severity.Low, bool failOnUnknown = false)
    {
        var policies = new[]
        {
            Policy("dynamodb:001", "table-encrypted-with-customer-key", "Tables are encrypted with a customer managed key", Severity.High),
            Policy("dynamodb:003", "table-has-deletion-protection", "Tables have deletion protection", Severity.Medium),
            Policy("dynamodb:014", "table-has-time-to-live", "Tables expire stale items", Severity.Low),
            Policy("dynamodb:017", "plan-does-not-destroy-table", "The plan does not destroy a table", Severity.Critical),
        };
        const string plan = "/repo/envs/prod/plan.json";
        var results = new[]
        {
            Result(policies[0], Status.Fail, "aws_dynamodb_table.orders", "aws_dynamodb_table.orders: server_side_encryption is disabled; use a customer managed KMS key", 12, plan),
            Result(policies[1], Status.Fail, "aws_dynamodb_table.orders", "aws_dynamodb_table.orders: deletion_protection_enabled is not set; set deletion_protection_enabled = true", 12, plan),
            Result(policies[2], Status.Pass, "aws_dynamodb_table.orders", "aws_dynamodb_table.orders: ttl is enabled on expires_at", 12, plan),
            Result(policies[0], Status.Unknown, "module.store[\"eu\"].aws_dynamodb_table.this[0]", "module.store[\"eu\"].aws_dynamodb_table.this[0]: server_side_encryption.kms_key_arn is var.key_arn, unknown before apply", 40, plan),
            Result(policies[2], Status.Suppressed, "module.store[\"eu\"].aws_dynamodb_table.this[0]", "module.store[\"eu\"].aws_dynamodb_table.this[0]: ttl is not configured", 40, plan)
                with { SuppressionReason = "sessions table keeps items forever by design", SuppressedStatus = Status.Fail, SuppressionKind = SuppressionKind.External },
            Result(policies[1], Status.Suppressed, "module.store[\"eu\"].aws_dynamodb_table.this[0]", "module.store[\"eu\"].aws_dynamodb_table.this[0]: deletion_protection_enabled is false", 40, plan)
                with { SuppressionReason = "scratch table, recreated nightly", SuppressedStatus = Status.Fail, SuppressionKind = SuppressionKind.InSource },
            Result(policies[3], Status.Fail, "aws_dynamodb_table.legacy", "aws_dynamodb_table.legacy: the plan replaces the table because hash_key changed", null, plan),
            Result(policies[2], Status.NotApplicable, "aws_dynamodb_table.legacy", "aws_dynamodb_table.legacy: the table is being destroyed", null, plan),
        };
        var inputs = new[] { new ScanInput(plan, "plan", 3) };
        var warnings = new[] { ".securedynamo.json: the exception for dynamodb:002 on aws_dynamodb_table.old expired on 2024-01-31 and no longer applies (reason was: migration)" };
        return new ScanReport("1.2.3", inputs, results, policies, failOn, failOnUnknown, warnings) { Root = Root };
    }

    private static PolicyMetadata Policy(string id, string slug, string title, Severity severity) =>
        new(id, $"{id.Replace(':', '-')}-{slug}", title, severity,
            $"{title}: the description.", "Why it matters.", "resource \"aws_dynamodb_table\" \"t\" {\n  # fix\n}",
            ["aws_dynamodb_table"], [new PolicyReference("aws-docs", "Docs", "https://docs.aws.amazon.com/")], ["pass", "fail"],
            "## Why\nBecause.\n\n## How to fix\nSet it.\n") { HelpUri = PolicyMetadata.BuiltInHelpUri($"{id.Replace(':', '-')}-{slug}") };

    private static EvaluationResult Result(PolicyMetadata p, Status status, string address, string message, int? line, string input) =>
        new(p.Id, p.Title, p.Severity, status, address, "aws_dynamodb_table", message, null,
            line is { } l ? new SourceRange(input, new SourcePosition(l, 5, 0), new SourcePosition(l, 5, 0)) : null, input);
}
