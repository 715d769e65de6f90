using SecureDynamo.Lint.Core.Evaluation;
using SecureDynamo.Lint.Reporting;

namespace SecureDynamo.Lint.Cli.Scanning;

/// <summary>
/// One Terraform root module read and judged: what the report says of the input, its results and
/// the warnings of reading it. Not its graph: a scan of many modules need not keep every graph until the report.
/// </summary>
public sealed record JudgedModule(ScanInput Input, IReadOnlyList<EvaluationResult> Results, IReadOnlyList<string> Warnings);
