namespace SecureDynamo.Lint.Policies.Iam;

/// <summary>
/// A list-valued statement element (<c>Action</c>, <c>NotAction</c>, <c>Resource</c>, <c>NotResource</c>):
/// the values known before apply, and, when some are not, why (<see cref="Unknown"/>).
/// </summary>
public sealed record PolicyElement(IReadOnlyList<string> Values, string? Unknown = null)
{
    public static PolicyElement Of(params string[] values) => new(values);

    /// <summary>
    /// Values known only after apply that name specific tables (<c>aws_dynamodb_table.orders.arn</c>), as
    /// their expressions: not known, but never a wildcard over the account's tables.
    /// </summary>
    public IReadOnlyList<string> TableReferences { get; init; } = Array.Empty<string>();

    /// <summary>Whether some values of the element are known only after apply.</summary>
    public bool HasUnknown => Unknown is not null;

    public override string ToString() =>
        "[" + string.Join(", ", Values.Select(v => "\"" + v + "\"").Concat(TableReferences)) + (HasUnknown ? ", (known after apply)" : "") + "]";
}
