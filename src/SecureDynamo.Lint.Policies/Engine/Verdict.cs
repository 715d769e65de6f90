using SecureDynamo.Lint.Core.Diagnostics;
using SecureDynamo.Lint.Core.Evaluation;
using SecureDynamo.Lint.Core.Graph;
using SecureDynamo.Lint.Core.Values;

namespace SecureDynamo.Lint.Policies.Engine;

/// <summary>
/// What a policy decides for one resource. Its <see cref="Text"/> is said of the resource; the
/// reported message is "address: text". Results of one policy often say the same text of many
/// resources, so the text is kept on its own (and shared by the engine), not behind each address.
/// </summary>
public sealed record Verdict(Resource Resource, Status Status, string Text, AttributePath? Attribute = null, SourceRange? Location = null)
{
    /// <summary>The reported message: "address: text".</summary>
    public string Message => string.Concat(Resource.Address.ToString(), ": ", Text);

    public static Verdict Pass(Resource r, string text, AttributePath? attribute = null) => new(r, Status.Pass, text, attribute);

    public static Verdict Fail(Resource r, string text, AttributePath? attribute = null) => new(r, Status.Fail, text, attribute);

    public static Verdict Unknown(Resource r, string text, AttributePath? attribute = null) => new(r, Status.Unknown, text, attribute);

    public static Verdict NotApplicable(Resource r, string text, AttributePath? attribute = null) => new(r, Status.NotApplicable, text, attribute);

    // Interpolated texts go through VerdictText: a text already said is not made again.
    public static Verdict Pass(Resource r, ref VerdictText text, AttributePath? attribute = null) => new(r, Status.Pass, text.ToStringAndClear(), attribute);

    public static Verdict Fail(Resource r, ref VerdictText text, AttributePath? attribute = null) => new(r, Status.Fail, text.ToStringAndClear(), attribute);

    public static Verdict Unknown(Resource r, ref VerdictText text, AttributePath? attribute = null) => new(r, Status.Unknown, text.ToStringAndClear(), attribute);

    public static Verdict NotApplicable(Resource r, ref VerdictText text, AttributePath? attribute = null) => new(r, Status.NotApplicable, text.ToStringAndClear(), attribute);
}
