using System.Runtime.CompilerServices;
using SecureDynamo.Lint.Core.Diagnostics;
using SecureDynamo.Lint.Core.Evaluation;
using SecureDynamo.Lint.Core.Graph;
using SecureDynamo.Lint.Core.Values;

namespace SecureDynamo.Lint.Policies.Engine;

/// <summary>What a policy decides for one resource. The message starts with the resource address.</summary>
public sealed record Verdict(Resource Resource, Status Status, string Message, AttributePath? Attribute = null, SourceRange? Location = null)
{
    public static Verdict Pass(Resource r, string message, AttributePath? attribute = null) => new(r, Status.Pass, Prefixed(r, message), attribute);

    public static Verdict Fail(Resource r, string message, AttributePath? attribute = null) => new(r, Status.Fail, Prefixed(r, message), attribute);

    public static Verdict Unknown(Resource r, string message, AttributePath? attribute = null) => new(r, Status.Unknown, Prefixed(r, message), attribute);

    public static Verdict NotApplicable(Resource r, string message, AttributePath? attribute = null) => new(r, Status.NotApplicable, Prefixed(r, message), attribute);

    /// <summary>As <see cref="Pass(Resource, string, AttributePath?)"/>, the interpolated message written once, behind the address.</summary>
    public static Verdict Pass(Resource r, [InterpolatedStringHandlerArgument("r")] ref VerdictMessage message, AttributePath? attribute = null) =>
        new(r, Status.Pass, message.ToStringAndClear(), attribute);

    /// <summary>As <see cref="Fail(Resource, string, AttributePath?)"/>, the interpolated message written once, behind the address.</summary>
    public static Verdict Fail(Resource r, [InterpolatedStringHandlerArgument("r")] ref VerdictMessage message, AttributePath? attribute = null) =>
        new(r, Status.Fail, message.ToStringAndClear(), attribute);

    /// <summary>As <see cref="Unknown(Resource, string, AttributePath?)"/>, the interpolated message written once, behind the address.</summary>
    public static Verdict Unknown(Resource r, [InterpolatedStringHandlerArgument("r")] ref VerdictMessage message, AttributePath? attribute = null) =>
        new(r, Status.Unknown, message.ToStringAndClear(), attribute);

    /// <summary>As <see cref="NotApplicable(Resource, string, AttributePath?)"/>, the interpolated message written once, behind the address.</summary>
    public static Verdict NotApplicable(Resource r, [InterpolatedStringHandlerArgument("r")] ref VerdictMessage message, AttributePath? attribute = null) =>
        new(r, Status.NotApplicable, message.ToStringAndClear(), attribute);

    /// <summary>"address: message", concatenated at its exact length (one verdict per policy and resource, so it adds up).</summary>
    private static string Prefixed(Resource r, string message) => string.Concat(r.Address.ToString(), ": ", message);
}
