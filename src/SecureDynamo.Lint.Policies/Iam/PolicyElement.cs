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

    /// <summary>
    /// The values known only after apply, as the skeleton of each and the references it was made from (empty
    /// when not known): a <c>jsonencode</c> document's resources, which its reader may find to be tables' ARNs.
    /// </summary>
    public IReadOnlyList<ReferencedValue> Referenced { get; init; } = Array.Empty<ReferencedValue>();

    /// <summary>
    /// Values known only in part (<c>arn:aws:dynamodb:${region}:${account}:table/*</c>), written with
    /// <see cref="Core.Values.Expression.UnknownMarker"/> for each unknown part; see <see cref="OnlyPartlyUnknown"/>.
    /// </summary>
    public IReadOnlyList<string> Partial { get; init; } = Array.Empty<string>();

    /// <summary>Every value known only after apply is in <see cref="Partial"/>: the known parts may decide.</summary>
    public bool OnlyPartlyUnknown { get; init; }

    /// <summary>Whether some values of the element are known only after apply.</summary>
    public bool HasUnknown => Unknown is not null;

    public override string ToString()
    {
        var shown = Values.Select(v => "\"" + v + "\"").Concat(TableReferences).ToList();
        // The values known only after apply, by what they are made of where that is known.
        if (HasUnknown && TableReferences.Count == 0) shown.Add(Referenced.Count > 0 && Referenced.All(r => r.References.Count > 0)
            ? string.Join(", ", Referenced.Select(r => r.References[0])) + " (known after apply)"
            : "(known after apply)");
        return "[" + string.Join(", ", shown) + "]";
    }
}

/// <summary>A value of a document known only after apply: its text with the unknown parts marked, and what it was made from.</summary>
public sealed record ReferencedValue(string Skeleton, IReadOnlyList<string> References);
