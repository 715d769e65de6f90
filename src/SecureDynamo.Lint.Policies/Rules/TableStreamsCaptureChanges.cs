using SecureDynamo.Lint.Core.Graph;
using SecureDynamo.Lint.Core.Values;
using SecureDynamo.Lint.Core.Views;
using SecureDynamo.Lint.Policies.Engine;

namespace SecureDynamo.Lint.Policies.Rules;

/// <summary>dynamodb:013 — streams are enabled with an allowed view type (default NEW_AND_OLD_IMAGES).</summary>
public sealed class TableStreamsCaptureChanges : ResourcePolicy
{
    private static readonly AttributePath StreamEnabled = DynamoTable.StreamEnabled;
    private static readonly AttributePath ViewType = DynamoTable.StreamViewType;
    private static readonly string[] DefaultAllowed = ["NEW_AND_OLD_IMAGES"];

    public override string Id => "dynamodb:013";

    public override IReadOnlyList<string> OptionNames => ["allowedViewTypes"];

    private static readonly string[] ViewTypes = ["KEYS_ONLY", "NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES"];

    public override string? OptionProblem(string name, string value) =>
        ViewTypes.Contains(value, StringComparer.Ordinal) ? null : $"\"{value}\" is not a stream view type; DynamoDB has {string.Join(", ", ViewTypes)}";

    protected override Verdict Judge(Resource resource, PolicyContext context)
    {
        var allowed = context.Options.Get("allowedViewTypes") ?? DefaultAllowed;
        var allowedText = string.Join(" or ", allowed);
        var enabled = context.Effective(resource, StreamEnabled);
        if (enabled.IsUnknown)
        {
            return Verdict.Unknown(resource, $"stream_enabled {context.Unknown(enabled)}", StreamEnabled);
        }
        if (enabled.AsBool() != true)
        {
            return Verdict.Fail(resource,
                $"stream_enabled is {(enabled.IsNull ? "not set (off)" : enabled.AsBool() == false ? "false" : $"{enabled.ToDisplayString()}, not a boolean")}; set stream_enabled = true and stream_view_type = \"{allowed[0]}\"", StreamEnabled);
        }
        var view = context.Effective(resource, ViewType);
        if (view.IsUnknown)
        {
            return Verdict.Unknown(resource, $"stream_view_type {context.Unknown(view)}; it should be {allowedText}", ViewType);
        }
        var text = view.AsString();
        if (text is null || !allowed.Contains(text, StringComparer.Ordinal))
        {
            return Verdict.Fail(resource,
                $"stream_view_type is {(text is null ? "not set" : view.ToDisplayString())}; set stream_view_type = \"{allowed[0]}\" so changes carry {allowedText}", ViewType);
        }
        return Verdict.Pass(resource, $"streams are enabled with stream_view_type {view.ToDisplayString()}", ViewType);
    }
}
