namespace SecureDynamo.Lint.Policies.Iam;

/// <summary>
/// A list-valued statement element (<c>Action</c>, <c>NotAction</c>, <c>Resource</c>, <c>NotResource</c>):
/// the values known before apply, and, when some are not, why (<see cref="Unknown"/>).
/// </summary>
public sealed record PolicyElement(IReadOnlyList<string> Values, string? Unknown = null)
{
    public static PolicyElement Of(params string[] values) => new(values);

    /// <summary>Whether some values of the element are known only after apply.</summary>
    public bool HasUnknown => Unknown is not null;

    public override string ToString() => "[" + string.Join(", ", Values.Select(v => "\"" + v + "\"")) + (HasUnknown ? ", (known after apply)" : "") + "]";
}
