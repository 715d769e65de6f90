namespace SecureDynamo.Lint.Core.Values;

/// <summary>
/// The configuration expression that produced a value: the module it lives in (configuration path
/// without instance keys, "" for the root, e.g. "module.store.module.table") and the references it
/// makes, in Terraform's traversal syntax (<c>aws_kms_key.k.arn</c>, <c>var.key</c>).
/// </summary>
public sealed record Expression(string Module, IReadOnlyList<string> References, Value? Constant = null, string? Text = null)
{
    /// <summary>Stands in a <see cref="Skeleton"/> for each part known only after apply (a private-use character).</summary>
    public const string UnknownMarker = "\uE000";

    /// <summary>
    /// In a <c>jsonencode</c> skeleton, an unknown string is followed by the references it was made from,
    /// between two of these and separated by <see cref="ReferenceSeparator"/> (private-use characters),
    /// so that a policy document can tell a table's ARN from anything else known only after apply.
    /// </summary>
    public const string ReferencesMark = "\uE001";

    public const string ReferenceSeparator = "\uE002";

    /// <summary>
    /// For a string template with parts known only after apply: the text with each such part replaced
    /// by <see cref="UnknownMarker"/>, so that what is known (a policy document's actions) can still be judged.
    /// </summary>
    public string? Skeleton { get; init; }

    /// <summary>
    /// For a template's <see cref="Skeleton"/>: the references each <see cref="UnknownMarker"/> in it was made from, one
    /// list per marker in order (empty where a part names none), so that a document written as a template
    /// (a heredoc policy) can tell a table's ARN (<c>"${aws_dynamodb_table.orders.arn}"</c>) from anything else.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<string>>? SkeletonReferences { get; init; }

    /// <summary>
    /// Computed from its references by a function that makes new text of them (<c>dirname(aws_dynamodb_table.t.arn)</c>,
    /// <c>replace(...)</c>), or a template with such a part: the value is none of the values it references, so it cannot be
    /// read as one of them (a table's ARN). Functions that pick or gather values (<c>try</c>, <c>coalesce</c>, <c>concat</c>) do not make one.
    /// </summary>
    public bool Derived { get; init; }

    /// <summary>
    /// The <see cref="Skeleton"/> (a JSON document written as a template) with the references of each marker written
    /// after it between two <see cref="ReferencesMark"/>s, as a <c>jsonencode</c> skeleton carries them; null without a
    /// skeleton. The markers stand inside the document's strings, so the references are escaped as JSON string text
    /// (<c>aws_dynamodb_table.t["orders"].arn</c> holds quotes).
    /// </summary>
    public string? SkeletonWithReferences()
    {
        if (Skeleton is null || SkeletonReferences is not { Count: > 0 } references) return Skeleton;
        var sb = new System.Text.StringBuilder(Skeleton.Length);
        var marker = 0;
        foreach (var c in Skeleton)
        {
            sb.Append(c);
            if (c != UnknownMarker[0] || marker >= references.Count) continue;
            if (references[marker++] is not { Count: > 0 } named) continue;
            sb.Append(ReferencesMark);
            for (var i = 0; i < named.Count; i++)
            {
                if (i > 0) sb.Append(ReferenceSeparator);
                foreach (var r in named[i])
                {
                    if (r is '"' or '\\') sb.Append('\\');
                    sb.Append(r);
                }
            }
            sb.Append(ReferencesMark);
        }
        return sb.ToString();
    }

    /// <summary>
    /// For a variable or module output read in Terraform source (<c>var.key</c>, <c>module.m.out</c>) whose value is
    /// unknown: what was evaluated where the name was given its value (the module call's argument in the calling
    /// module, the output's value in the called one). It names what a conditional there chose, which the argument's
    /// or output's configuration expression (every branch) cannot.
    /// </summary>
    public Expression? Passed { get; init; }

    /// <summary>
    /// The module instance (with its keys: <c>module.t["orders"]</c>) a value from Terraform source was computed in, when
    /// it stands for one resource instance's attribute: the references alone (named in the module) cannot tell instances apart.
    /// </summary>
    public string? ModuleInstance { get; init; }

    /// <summary>The value of a variable Terraform refuses (not of its declared type): an input that gives no value, whatever the default.</summary>
    public bool Refused { get; init; }

    /// <summary>A short human rendering for messages.</summary>
    public string Describe()
    {
        if (Text is not null) return Text;
        if (References.Count > 0) return References[0];
        if (Constant is not null) return Constant.ToDisplayString();
        return "an expression";
    }
}
