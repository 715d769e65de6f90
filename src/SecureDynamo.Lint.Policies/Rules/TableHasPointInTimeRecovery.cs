using System.Globalization;
using SecureDynamo.Lint.Core.Graph;
using SecureDynamo.Lint.Core.Values;
using SecureDynamo.Lint.Core.Views;
using SecureDynamo.Lint.Policies.Engine;

namespace SecureDynamo.Lint.Policies.Rules;

/// <summary>dynamodb:002 — point-in-time recovery is enabled on the table.</summary>
public sealed class TableHasPointInTimeRecovery : ResourcePolicy
{
    private static readonly AttributePath Enabled = DynamoTable.PitrEnabled;
    private static readonly AttributePath Period = DynamoTable.PitrPeriod;
    private static readonly AttributePath Block = AttributePath.Of("point_in_time_recovery");

    public override string Id => "dynamodb:002";

    protected override Verdict Judge(Resource resource, PolicyContext context)
    {
        var enabled = context.Effective(resource, Enabled);
        if (enabled.IsUnknown)
        {
            return Verdict.Unknown(resource,
                $"point_in_time_recovery.enabled {context.Unknown(enabled)}; set point_in_time_recovery {{ enabled = true }}", Enabled);
        }
        if (enabled.AsBool() != true)
        {
            // A block written without a value for enabled (or enabled = null) is as off as no block at all, but says something else to the reader.
            var what = !enabled.IsNull ? "point_in_time_recovery is disabled"
                : context.Effective(resource, Block).Items.Count > 0 ? "point_in_time_recovery.enabled is not set (off by default)"
                : "point_in_time_recovery is not configured (off by default)";
            return Verdict.Fail(resource, $"{what}; set point_in_time_recovery {{ enabled = true }}", Enabled);
        }
        var period = context.Effective(resource, Period);
        if (period.AsNumber() is { } days && days < 35)
        {
            return Verdict.Pass(resource,
                $"point_in_time_recovery is enabled, but recovery_period_in_days is {days.ToString(CultureInfo.InvariantCulture)} (below the 35-day maximum): restores can reach back only {days.ToString(CultureInfo.InvariantCulture)} days",
                Period);
        }
        return Verdict.Pass(resource, "point_in_time_recovery is enabled", Enabled);
    }
}
