using SecureDynamo.Lint.Core.Diagnostics;
using SecureDynamo.Lint.Core.Evaluation;
using SecureDynamo.Lint.Core.Graph;
using SecureDynamo.Lint.Core.Values;

namespace SecureDynamo.Lint.Policies.Engine;

/// <summary>What a policy decides for one resource. The message starts with the resource address.</summary>
public sealed record Verdict(Resource Resource, Status Status, string Message, AttributePath? Attribute = null, SourceRange? Location = null)
{
    public static Verdict Pass(Resource r, string message, AttributePath? attribute = null) => new(r, Status.Pass, $"{r.Address}: {message}", attribute);

    public static Verdict Fail(Resource r, string message, AttributePath? attribute = null) => new(r, Status.Fail, $"{r.Address}: {message}", attribute);

    public static Verdict Unknown(Resource r, string message, AttributePath? attribute = null) => new(r, Status.Unknown, $"{r.Address}: {message}", attribute);

    public static Verdict NotApplicable(Resource r, string message, AttributePath? attribute = null) => new(r, Status.NotApplicable, $"{r.Address}: {message}", attribute);
}
