namespace SecureDynamo.Lint.Plan.Json;

/// <summary>
/// A JSON object of a value writes one name twice. JSON leaves open which value counts, and
/// readers differ (the first, the last, an error), so a plan that does this is refused rather
/// than judged on a guess: Terraform never writes such an object. The reader that knows where
/// the value lies turns this into an input error naming it.
/// </summary>
internal sealed class RepeatedNameException(string name) : Exception($"the name \"{name}\" appears twice in one object")
{
    public string Name { get; } = name;

    /// <summary>The problem as a message part: which name is repeated, and why that is refused.</summary>
    public static string Describe(string name) =>
        $"writes \"{JsonProblems.Shown(name, 60)}\" twice in one object (which value counts is ambiguous; Terraform never repeats a name)";
}
