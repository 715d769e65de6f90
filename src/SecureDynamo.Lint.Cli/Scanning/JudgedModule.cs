using SecureDynamo.Lint.Core.Evaluation;
using SecureDynamo.Lint.Core.Graph;

namespace SecureDynamo.Lint.Cli.Scanning;

/// <summary>One Terraform root module read and judged: its graph, its results and the warnings of reading it.</summary>
public sealed record JudgedModule(ResourceGraph Graph, IReadOnlyList<EvaluationResult> Results, IReadOnlyList<string> Warnings);
