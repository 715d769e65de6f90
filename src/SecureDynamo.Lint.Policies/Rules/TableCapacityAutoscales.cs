using System.Globalization;
using SecureDynamo.Lint.Core.Graph;
using SecureDynamo.Lint.Core.Values;
using SecureDynamo.Lint.Policies.Engine;
using SecureDynamo.Lint.Policies.Linking;

namespace SecureDynamo.Lint.Policies.Rules;

/// <summary>
/// dynamodb:004 — a provisioned table's read and write capacity, and every global secondary
/// index's, have an autoscaling target with an attached scaling policy.
/// </summary>
public sealed class TableCapacityAutoscales : Policy
{
    private static readonly AttributePath BillingMode = AttributePath.Of("billing_mode");
    private static readonly AttributePath Indexes = AttributePath.Of("global_secondary_index");
    private static readonly AttributePath MinCapacity = AttributePath.Of("min_capacity");
    private static readonly AttributePath MaxCapacity = AttributePath.Of("max_capacity");
    private static readonly AttributePath DisableScaleIn = AttributePath.Of("target_tracking_scaling_policy_configuration", 0, "disable_scale_in");
    private static readonly string[] Capacities = ["ReadCapacityUnits", "WriteCapacityUnits"];

    public override string Id => "dynamodb:004";

    public override IEnumerable<Verdict> Evaluate(PolicyContext context)
    {
        var tables = context.Graph.OfType(TableLinker.TableType).Where(t => t.IsJudged).ToList();
        if (tables.Count == 0) yield break;
        var targets = ScalingTargetIndex.Build(context.Graph, context.Resolver, tables);
        // Each table's targets, in target order: one pass, not every target for every table.
        var byTable = new Dictionary<Resource, List<ScalingTarget>>();
        foreach (var target in targets)
        {
            foreach (var t in target.Table.Tables)
            {
                if (!byTable.TryGetValue(t, out var list)) byTable[t] = list = [];
                if (list.Count == 0 || !ReferenceEquals(list[^1], target)) list.Add(target);
            }
        }
        foreach (var table in tables) yield return Judge(table, byTable.TryGetValue(table, out var own) ? own : Array.Empty<ScalingTarget>(), context);
    }

    private static Verdict Judge(Resource table, IReadOnlyList<ScalingTarget> targets, PolicyContext context)
    {
        var billing = context.Effective(table, BillingMode);
        if (billing.IsUnknown)
        {
            return Verdict.Unknown(table, $"billing_mode {context.Unknown(billing)}; cannot tell whether capacity is provisioned", BillingMode);
        }
        var mode = billing.AsString();
        if (mode == "PAY_PER_REQUEST")
        {
            return Verdict.NotApplicable(table, "billing_mode is PAY_PER_REQUEST (on-demand): capacity follows demand without autoscaling", BillingMode);
        }
        var indexes = context.Effective(table, Indexes);
        if (indexes.IsUnknown) return Verdict.Unknown(table, "global_secondary_index is known only after apply; cannot tell which indexes need autoscaling", Indexes);
        // The scopes: the table (null), then each index by name.
        var scopes = t_scopes ??= [];
        scopes.Clear();
        scopes.Add(null);
        foreach (var gsi in indexes.Items)
        {
            var name = gsi.Get("name");
            if (!name.IsKnown) return Verdict.Unknown(table, "a global_secondary_index name is known only after apply", Indexes);
            if (name.AsString() is { } n) scopes.Add(n);
        }

        // Reused per thread: thousands of tables are judged, and a gap is only text for the message.
        var missing = t_missing ??= [];
        var undecided = t_undecided ??= [];
        missing.Clear();
        undecided.Clear();
        foreach (var scope in scopes)
        {
            foreach (var capacity in Capacities)
            {
                var state = Assess(scope, capacity, targets, context);
                if (state.IsProblem) missing.Add(new Gap(scope, capacity, state));
                else if (!state.IsMet) undecided.Add(new Gap(scope, capacity, state));
            }
        }
        var billingText = mode is null ? "billing_mode is not set (PROVISIONED)" : "billing_mode is PROVISIONED";
        if (missing.Count > 0 && context.IncompleteInput is { } incomplete && missing.All(g => g.State.IsAbsence))
        {
            return Verdict.Unknown(table, Text(billingText, "; the input has no autoscaling for: ", missing, "; but " + incomplete), BillingMode);
        }
        if (missing.Count > 0)
        {
            return Verdict.Fail(table,
                Text(billingText, " but capacity does not scale with demand; missing: ", missing,
                    ". Add an aws_appautoscaling_target (service_namespace \"dynamodb\", resource_id \"table/<name>\") and a target-tracking aws_appautoscaling_policy for each"),
                BillingMode);
        }
        if (undecided.Count > 0)
        {
            return Verdict.Unknown(table, Text(billingText, "; cannot tell whether autoscaling covers it: ", undecided, ""), BillingMode);
        }
        var what = scopes.Count == 1 ? "read and write capacity" : $"read and write capacity of the table and of {scopes.Count - 1} index(es)";
        return Verdict.Pass(table, $"{billingText} and {what} have autoscaling targets with scaling policies", BillingMode);
    }

    [ThreadStatic]
    private static List<string?>? t_scopes;

    [ThreadStatic]
    private static List<Gap>? t_missing;

    [ThreadStatic]
    private static List<Gap>? t_undecided;

    /// <summary>One capacity dimension not covered: "table ReadCapacityUnits target and policy", "index i WriteCapacityUnits: why".</summary>
    private readonly record struct Gap(string? Index, string Capacity, PairState State);

    [ThreadStatic]
    private static System.Text.StringBuilder? t_text;

    /// <summary>
    /// "head" "lead" gap; gap; ... "tail" written once (a table with indexes lists a dozen gaps, each
    /// naming targets, and thousands of tables are judged: no string per gap, no joined list).
    /// </summary>
    private static string Text(string head, string lead, List<Gap> gaps, string tail)
    {
        var text = t_text ??= new System.Text.StringBuilder(1024);
        text.Clear().Append(head).Append(lead);
        for (var i = 0; i < gaps.Count; i++)
        {
            if (i > 0) text.Append("; ");
            var gap = gaps[i];
            if (gap.Index is null) text.Append("table");
            else text.Append("index ").Append(gap.Index);
            text.Append(' ').Append(gap.Capacity);
            gap.State.WriteDetail(text);
        }
        var result = text.Append(tail).ToString();
        if (text.Capacity > 1 << 16) t_text = null;
        return result;
    }

    private static PairState Assess(string? index, string capacity, IReadOnlyList<ScalingTarget> targets, PolicyContext context)
    {
        // targets: those that name this table.
        var undecided = PairState.Met;
        var problem = PairState.Met;
        for (var i = 0; i < targets.Count; i++)
        {
            var target = targets[i];
            var dimensionMatches = target.Capacity is null || target.IsIndex is null
                ? (bool?)null
                : target.Capacity == capacity && target.IsIndex == (index is not null);
            if (dimensionMatches == false) continue;
            bool? indexMatches = index is null || target.IsIndex != true ? true : target.Index is null ? null : target.Index == index;
            if (indexMatches == false) continue;
            if (!target.Table.Decided || dimensionMatches is null || indexMatches is null)
            {
                if (undecided.IsMet) undecided = target.Table.Why is { } why ? PairState.Because(why) : new PairState(Issue.TargetUndecided, target.Resource);
                continue;
            }
            var verdict = AssessTarget(target, context);
            if (verdict.IsMet) return PairState.Met;
            if (!verdict.IsProblem) { if (undecided.IsMet) undecided = verdict; }
            else if (problem.IsMet) problem = verdict;
        }
        if (!undecided.IsMet) return undecided;
        return problem.IsMet ? new PairState(Issue.NoTarget, null) : problem;
    }

    private static PairState AssessTarget(ScalingTarget target, PolicyContext context)
    {
        var t = target.Resource;
        var min = context.Effective(t, MinCapacity);
        var max = context.Effective(t, MaxCapacity);
        if (min.IsUnknown || max.IsUnknown) return new PairState(Issue.RangeUnknown, t);
        if (min.AsNumber() is { } lo && max.AsNumber() is { } hi && hi <= lo) return new PairState(Issue.Range, t, Lo: lo, Hi: hi);
        if (target.Policies.Count == 0)
        {
            return target.MayHaveMorePolicies is { } more ? PairState.Because(more) : new PairState(Issue.NoPolicy, t);
        }
        var undecided = PairState.Met;
        foreach (var policy in target.Policies)
        {
            var scaleIn = context.Effective(policy, DisableScaleIn);
            if (scaleIn.IsUnknown) { if (undecided.IsMet) undecided = new PairState(Issue.ScaleInUnknown, policy); }
            else if (scaleIn.AsBool() == true) return new PairState(Issue.NoScaleIn, policy);
        }
        return undecided;
    }

    private static string Show(double d) => d.ToString(CultureInfo.InvariantCulture);

    /// <summary>What keeps one capacity dimension from being covered.</summary>
    private enum Issue : byte
    {
        /// <summary>Covered.</summary>
        None,
        // Problems: the dimension is not covered.
        NoTarget,
        Range,
        NoPolicy,
        NoScaleIn,
        // Undecided: whether it is covered is not known before apply.
        Undecided,
        TargetUndecided,
        RangeUnknown,
        ScaleInUnknown,
    }

    /// <summary>
    /// Whether one capacity dimension is covered: met, a problem, or undecided, with the resource the detail names
    /// (a target or a policy); the detail is written only into a message that shows it.
    /// </summary>
    private readonly record struct PairState(Issue Issue, Resource? Subject, string? Why = null, double Lo = 0, double Hi = 0)
    {
        public static readonly PairState Met = new(Issue.None, null);

        public static PairState Because(string why) => new(Issue.Undecided, null, why);

        public bool IsMet => Issue == Issue.None;

        public bool IsProblem => Issue is Issue.NoTarget or Issue.Range or Issue.NoPolicy or Issue.NoScaleIn;

        /// <summary>A missing target or policy (as opposed to a wrong range or a policy that never scales in).</summary>
        public bool IsAbsence => Issue is Issue.NoTarget or Issue.NoPolicy;

        /// <summary>" detail" for a problem, ": why" for an undecided dimension.</summary>
        public void WriteDetail(System.Text.StringBuilder text)
        {
            text.Append(IsProblem ? " " : ": ");
            switch (Issue)
            {
                case Issue.NoTarget:
                    text.Append("target and policy");
                    break;
                case Issue.Range:
                    text.Append("scaling range (").Append(Subject!.Address.ToString()).Append(" max_capacity ").Append(Show(Hi))
                        .Append(" is not above min_capacity ").Append(Show(Lo)).Append(')');
                    break;
                case Issue.NoPolicy:
                    text.Append("policy (").Append(Subject!.Address.ToString()).Append(" has no aws_appautoscaling_policy attached)");
                    break;
                case Issue.NoScaleIn:
                    text.Append("policy that scales in (").Append(Subject!.Address.ToString())
                        .Append(" sets target_tracking_scaling_policy_configuration.disable_scale_in = true, so capacity never scales down and you pay for the peak; set it to false)");
                    break;
                case Issue.Undecided:
                    text.Append(Why);
                    break;
                case Issue.TargetUndecided:
                    text.Append(Subject!.Address.ToString()).Append("'s scalable_dimension or resource_id is known only after apply");
                    break;
                case Issue.RangeUnknown:
                    text.Append(Subject!.Address.ToString()).Append(" min_capacity or max_capacity is known only after apply");
                    break;
                case Issue.ScaleInUnknown:
                    text.Append(Subject!.Address.ToString()).Append(" target_tracking_scaling_policy_configuration.disable_scale_in is known only after apply");
                    break;
            }
        }
    }
}
