namespace SecureDynamo.Lint.Plan.Json;

/// <summary>
/// A value of the input has another JSON type than Terraform writes there (<c>"references": "var.x"</c>):
/// read as absent, it would change verdicts silently. Thrown by readers of captured values, which do
/// not know the position; the streaming reader that captured the value turns it into an input error there.
/// </summary>
internal sealed class JsonShapeException(string problem) : Exception(problem);
