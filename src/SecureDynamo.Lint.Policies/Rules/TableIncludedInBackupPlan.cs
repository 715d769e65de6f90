using SecureDynamo.Lint.Core.Graph;
using SecureDynamo.Lint.Core.Resolution;
using SecureDynamo.Lint.Core.Values;
using SecureDynamo.Lint.Policies.Engine;
using SecureDynamo.Lint.Policies.Linking;

namespace SecureDynamo.Lint.Policies.Rules;

/// <summary>
/// dynamodb:005 — an <c>aws_backup_selection</c> selects the table (by reference, ARN pattern, tag or
/// condition) for an <c>aws_backup_plan</c> that has a rule.
/// </summary>
public sealed class TableIncludedInBackupPlan : Policy
{
    private const string SelectionType = "aws_backup_selection";
    private static readonly AttributePath Resources = AttributePath.Of("resources");
    private static readonly AttributePath NotResources = AttributePath.Of("not_resources");
    private static readonly AttributePath PlanId = AttributePath.Of("plan_id");

    public override string Id => "dynamodb:005";

    public override IEnumerable<Verdict> Evaluate(PolicyContext context)
    {
        var tables = context.Graph.OfType("aws_dynamodb_table").Where(t => t.IsJudged).ToList();
        var selections = context.Graph.OfType(SelectionType).Where(s => s.IsJudged).ToList();
        if (selections.Count == 0)
        {
            return tables.Select(t => Verdict.Unknown(t,
                "the input has no aws_backup_selection; backup may be managed at account/organization level (AWS Backup policies), so inclusion in a backup plan cannot be told here")).ToList();
        }
        var regions = new RegionResolver(context.Graph, context.Resolver);
        var linker = new ReferenceLinker(context.Resolver);
        return tables.Select(t => Judge(t, selections, regions, linker, context)).ToList();
    }

    private static Verdict Judge(Resource table, IReadOnlyList<Resource> selections, RegionResolver regions, ReferenceLinker linker, PolicyContext context)
    {
        var arn = ArnOf(table, regions);
        // Pass when one selection certainly selects the table for a plan with a rule; else unknown when one may
        // (its match or its plan's rule undecided); else fail. A plan with no rule backs nothing up, so a selection
        // for one never settles what another selection that may cover the table leaves open.
        string? undecided = null;
        string? planProblem = null;
        string? mayPlanProblem = null;
        string? excluded = null;
        string? elsewhere = null;
        foreach (var selection in selections)
        {
            // A backup plan and its selections are regional: they select resources of their own region only.
            if (arn.Region is { } tableRegion && regions.RegionOf(selection).Name is { } selectionRegion && selectionRegion != tableRegion)
            {
                elsewhere ??= $"{selection.Address} is in {selectionRegion}, and AWS Backup selects resources of its own region only (the table is in {tableRegion})";
                continue;
            }
            var covers = Covers(selection, table, arn, linker, context, out var why);
            if (covers == false)
            {
                if (why.StartsWith("not_resources", StringComparison.Ordinal)) excluded ??= $"{selection.Address} {why}";
                continue;
            }
            var plan = PlanHasRule(selection, linker, context, out var planWhy);
            if (covers == true && plan == true) return Verdict.Pass(table, $"{selection.Address} selects it ({why}) for a backup plan with a rule");
            if (plan == false)
            {
                if (covers == true) planProblem ??= $"{selection.Address} selects it but {planWhy}";
                else mayPlanProblem ??= $"{selection.Address} may select it ({why}) but {planWhy}";
                continue;
            }
            undecided ??= (covers, plan) switch
            {
                (true, _) => $"{selection.Address} selects it but {planWhy}",
                (_, null) => $"{selection.Address}: {why}; {planWhy}",
                _ => $"{selection.Address}: {why}",
            };
        }
        planProblem ??= mayPlanProblem;
        if (undecided is not null)
        {
            return Verdict.Unknown(table, $"cannot tell whether an AWS Backup plan covers it: {undecided}" + (planProblem is null ? "" : $" ({planProblem}, which backs nothing up)"));
        }
        if (context.IncompleteInput is { } incomplete)
        {
            return Verdict.Unknown(table, $"no aws_backup_selection in the analysed code covers it, but {incomplete}");
        }
        if (planProblem is not null) return Verdict.Fail(table, $"{planProblem}; give the backup plan a rule with a schedule and a vault");
        if (excluded is not null) return Verdict.Fail(table, $"{excluded}, and no other aws_backup_selection covers it; remove it from not_resources or select it in another plan");
        if (elsewhere is not null) return Verdict.Fail(table, $"no aws_backup_selection in its region covers it: {elsewhere}; add a backup plan and selection in {arn.Region}");
        return Verdict.Fail(table,
            $"no aws_backup_selection covers it (by resources ARN, selection_tag or condition; {selections.Count} selection(s) in the input); add its ARN to a selection's resources, or tag it to match a selection_tag");
    }

    private static ArnPattern.TableArn ArnOf(Resource table, RegionResolver regions)
    {
        var region = regions.RegionOf(table).Name;
        // China and GovCloud regions must be configured explicitly; any other table is in the commercial partition.
        var partition = region is null ? "aws" : region.StartsWith("cn-", StringComparison.Ordinal) ? "aws-cn" : region.StartsWith("us-gov-", StringComparison.Ordinal) ? "aws-us-gov" : "aws";
        return new ArnPattern.TableArn(partition, region, null, TableLinker.NameOf(table));
    }

    /// <summary>Whether <paramref name="selection"/> selects <paramref name="table"/>; <paramref name="why"/> says how, or why undecidable.</summary>
    private static bool? Covers(Resource selection, Resource table, ArnPattern.TableArn arn, ReferenceLinker linker, PolicyContext context, out string why)
    {
        var byResources = ListMatches(selection, Resources, table, arn, linker, context, out var resourcesWhy);
        var byTags = SelectionTags.Match(selection, table, context, out var tagsWhy);
        // Arguments never set in configuration take the provider default (no list), even when the plan marks them computed.
        var resources = context.Effective(selection, Resources);
        var hasResources = resources is { IsKnown: true, Items.Count: 0 } ? false : !resources.IsNull;
        var conditions = SelectionTags.Conditions(selection, table, context, out var conditionsWhy);
        bool? included = Or(byResources, byTags);
        if (!hasResources && byTags == false && SelectionTags.HasConditions(selection)) included = true;
        var result = And(included, conditions);
        if (result != false)
        {
            var excluded = ListMatches(selection, NotResources, table, arn, linker, context, out var notWhy);
            if (excluded == true) { why = $"not_resources excludes it ({notWhy})"; return false; }
            if (excluded == null && result == true) { why = $"not_resources may exclude it ({notWhy})"; return null; }
        }
        why = byResources == true ? resourcesWhy : byTags == true ? tagsWhy : result == null
            ? (byResources == null ? resourcesWhy : byTags == null ? tagsWhy : conditionsWhy)
            : "";
        if (result == true && conditions == true && SelectionTags.HasConditions(selection)) why = $"{why}; {conditionsWhy}".Trim(' ', ';');
        return result;
    }

    /// <summary>
    /// The attribute reference by which <paramref name="expression"/> reads <paramref name="table"/> when it reads some attribute
    /// of it and never its <c>arn</c> (<c>aws_dynamodb_table.t.id</c>, <c>.stream_arn</c>); null otherwise.
    /// </summary>
    private static string? NotItsArn(Expression? expression, Resource table)
    {
        if (expression is null) return null;
        var address = table.Address.ConfigAddress;
        string? other = null;
        foreach (var reference in expression.References)
        {
            if (ReferenceResolver.AttributeAfter(reference, address) is not { Length: > 0 } read) continue;
            var attribute = read[1..];
            if (attribute == "arn" || attribute.StartsWith("arn.", StringComparison.Ordinal) || attribute.StartsWith("arn[", StringComparison.Ordinal)) return null;
            other ??= reference;
        }
        return other;
    }

    private static bool? ListMatches(Resource selection, AttributePath path, Resource table, ArnPattern.TableArn arn, ReferenceLinker linker, PolicyContext context, out string why)
    {
        var link = linker.Link(selection, path, TableLinker.TableType);
        string? picked = null;
        if (link.Instances.Contains(table) && NotItsArn(selection.ExpressionAt(path), table) is { } other)
        {
            // resources = [aws_dynamodb_table.t.id]: the table's name (or stream), which AWS Backup does not read as the table.
            why = $"{path} has {other}, not the table's ARN, so it selects nothing";
            return false;
        }
        if (link.Instances.Contains(table))
        {
            // A splat or values() over every instance includes this one as much as a direct reference does; an
            // index or filter computed from something else (aws_dynamodb_table.t[var.i]) may pick other instances, and
            // so may a read of a module output (module.t.arns["orders"] lists as module.t.arns in a plan).
            if (link.Exact || link.Instances.Count == 1 || selection.ExpressionAt(path) is not { } expression || !PicksWithOtherValues(expression))
            {
                why = $"{path} refers to {table.Address}";
                return true;
            }
            picked = $"{path} refers to some instances of {table.Address.ConfigAddress}, picked by {expression.Describe()}";
        }
        var list = context.Effective(selection, path);
        if (list.IsUnknown && picked is not null)
        {
            why = picked;
            return null;
        }
        if (list.IsUnknown)
        {
            why = $"{path} is known only after apply ({link.Unresolved ?? selection.ExpressionAt(path)?.Describe() ?? "computed"})";
            // A list made only of references to other tables does not hold this one.
            return link.Instances.Count > 0 && link.Exact && link.Unresolved is null ? false : null;
        }
        bool? result = false;
        why = "";
        var unknownItems = 0;
        foreach (var item in list.Items)
        {
            if (item.IsUnknown)
            {
                // "arn:aws:dynamodb:eu-west-1:${account}:table/orders" names its table whatever the unknown part is.
                if (!ArnPattern.MayNameTable(item.Expression?.Skeleton, TableLinker.NameOf(table))) continue;
                unknownItems++;
                continue;
            }
            if (item.AsString() is not { } pattern) continue;
            var known = table.Get(AttributePath.Of("arn"));
            var undecided = "";
            var m = known.IsKnown && known.AsString() is { } full ? ArnPattern.Matches(pattern, full) : ArnPattern.Matches(pattern, arn, out undecided);
            if (m == true) { why = $"{path} has \"{pattern}\""; return true; }
            if (m == null) { result = null; why = $"{path} has \"{pattern}\", and the table's {undecided} {(undecided.Contains(" and ", StringComparison.Ordinal) ? "are" : "is")} known only after apply"; }
        }
        if (picked is not null && unknownItems > 0)
        {
            why = picked;
            return null;
        }
        // Unknown items that are references to other tables (link.Instances) are not this table.
        if (unknownItems > 0 && (link.Instances.Count < unknownItems || link.Unresolved is not null))
        {
            result = result == false ? null : result;
            if (why.Length == 0) why = $"{path} has values known only after apply ({link.Unresolved ?? selection.ExpressionAt(path)?.Describe() ?? "computed"})";
        }
        return result;
    }

    /// <summary>Whether the expression refers to anything but tables (an index, a condition, a filter, a module output an index may pick from).</summary>
    private static bool PicksWithOtherValues(Expression expression) =>
        expression.References.Any(r => !r.StartsWith(TableLinker.TableType + ".", StringComparison.Ordinal));

    private static bool? PlanHasRule(Resource selection, ReferenceLinker linker, PolicyContext context, out string why)
    {
        var link = linker.Link(selection, PlanId, "aws_backup_plan");
        IReadOnlyList<Resource> plans = link.Instances;
        if (plans.Count == 0)
        {
            var id = selection.Get(PlanId);
            if (!id.IsKnown) { why = $"plan_id is known only after apply ({link.Unresolved ?? selection.ExpressionAt(PlanId)?.Describe() ?? "computed"})"; return null; }
            plans = context.Graph.OfType("aws_backup_plan").Where(p => p.Get(AttributePath.Of("id")).AsString() == id.AsString()).ToList();
            if (plans.Count == 0) { why = $"plan_id {id.ToDisplayString()} names a backup plan outside this input"; return null; }
        }
        var withoutRule = plans.FirstOrDefault(p => p.Get(AttributePath.Of("rule")) is { IsKnown: true, Items.Count: 0 } or { IsNull: true });
        if (withoutRule is not null && (link.Exact || plans.All(p => p == withoutRule)))
        {
            why = $"its plan {withoutRule.Address} has no rule";
            return false;
        }
        if (plans.Any(p => p.Get(AttributePath.Of("rule")).IsUnknown)) { why = "its plan's rules are known only after apply"; return null; }
        why = "";
        return withoutRule is null ? true : null;
    }

    private static bool? Or(bool? a, bool? b) => a == true || b == true ? true : a == null || b == null ? null : false;

    private static bool? And(bool? a, bool? b) => a == false || b == false ? false : a == null || b == null ? null : true;
}
