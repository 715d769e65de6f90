using SecureDynamo.Lint.Core.Graph;
using SecureDynamo.Lint.Policies.Engine;

namespace SecureDynamo.Lint.Policies.Rules;

/// <summary>
/// dynamodb:017 — the plan neither deletes nor replaces a table (a replacement is a delete: the new
/// table starts empty). Judged on every table of a plan, deleted ones included; state and HCL
/// input have no plan, so no verdicts.
/// </summary>
public sealed class PlanDoesNotDestroyTable : Policy
{
    public override string Id => "dynamodb:017";

    public override IEnumerable<Verdict> Evaluate(PolicyContext context)
    {
        if (context.Graph.Kind != InputKind.Plan) yield break;
        foreach (var table in context.Graph.OfType("aws_dynamodb_table"))
        {
            if (table.Mode != ResourceMode.Managed) continue;
            if (table.DestroyedDeposedObjects.Count > 0 && (table.IsDeposedObject || table.Action is not (PlannedAction.Delete or PlannedAction.Replace)))
            {
                var keys = string.Join(", ", table.DestroyedDeposedObjects);
                var current = table.IsDeposedObject ? "the plan has no current object at this address" : $"the current table is {Kept(table.Action)}";
                yield return Verdict.Fail(table,
                    $"the plan destroys deposed object {keys} of the table (a table left behind when a create_before_destroy replacement did not finish; {current}): its items are lost; back them up before applying");
                continue;
            }
            yield return table.Action switch
            {
                PlannedAction.Delete => Verdict.Fail(table,
                    $"the plan deletes the table{Because(table)}: its items and backups managed with it are lost; if this is not intended, {Restore(table.ActionReason)}, and {Protect(table)}"),
                PlannedAction.Replace => Verdict.Fail(table,
                    $"the plan replaces the table (the old table is destroyed and a new one created, in either order){Because(table)}: the new table starts empty and every item of the old one is lost; change the plan so the table is updated in place, or migrate the data first"),
                PlannedAction.Forget => Verdict.Pass(table, "the plan removes the table from state without destroying it"),
                PlannedAction.Create => Verdict.Pass(table, "the plan creates the table"),
                PlannedAction.Update => Verdict.Pass(table, "the plan updates the table in place"),
                _ => Verdict.Pass(table, "the plan leaves the table in place"),
            };
        }
    }

    /// <summary>What keeps the table, for the reason Terraform deletes it.</summary>
    private static string Restore(string? reason) => reason switch
    {
        "delete_because_no_module" => "restore the module call (or add a moved block to its new address)",
        "delete_because_wrong_repetition" => "add a moved block from the old address to the new one",
        "delete_because_count_index" => "restore the count that includes this index (or add a moved block)",
        "delete_because_each_key" => "restore its key in the for_each map (or add a moved block to its new key)",
        "delete_because_no_move_target" => "fix the moved block's target",
        _ => "restore the resource block (or add a moved block to its new address, or a removed block with lifecycle { destroy = false } to stop managing it without destroying it)",
    };

    /// <summary>How to protect the table: deletion protection already on today makes AWS refuse this delete.</summary>
    private static string Protect(Resource table) =>
        table.Before.Get("deletion_protection_enabled").AsBool() == true
            ? "note that deletion_protection_enabled is on today, so AWS refuses the delete and the apply fails until it is turned off; add lifecycle { prevent_destroy = true } so Terraform refuses the plan itself"
            : "protect the table with lifecycle { prevent_destroy = true } and deletion_protection_enabled = true";

    private static string Kept(PlannedAction action) => action switch
    {
        PlannedAction.Create => "created",
        PlannedAction.Update => "updated in place",
        PlannedAction.Forget => "removed from state",
        _ => "left in place",
    };

    /// <summary>Why Terraform chose the action, from <c>action_reason</c> and <c>replace_paths</c>.</summary>
    private static string Because(Resource table)
    {
        var paths = table.ReplacePaths.Count == 0 ? null : string.Join(", ", table.ReplacePaths.Select(p => $"`{p}`"));
        return table.ActionReason switch
        {
            "replace_because_cannot_update" => paths is null ? " because an argument cannot be updated in place" : $" because {paths} changed and cannot be updated in place",
            "replace_because_tainted" => " because it is tainted (replace_because_tainted)",
            "replace_by_request" => " because replacement was requested with -replace (replace_by_request)",
            "replace_by_triggers" => " because a replace_triggered_by reference changed (replace_by_triggers)",
            "delete_because_no_resource_config" => " because its resource block was removed from the configuration (delete_because_no_resource_config)",
            "delete_because_no_module" => " because its module call was removed (delete_because_no_module)",
            "delete_because_wrong_repetition" => " because count/for_each was added or removed (delete_because_wrong_repetition)",
            "delete_because_count_index" => " because its count index is now out of range (delete_because_count_index)",
            "delete_because_each_key" => " because its for_each key is no longer in the map (delete_because_each_key)",
            "delete_because_no_move_target" => " because the target of its moved block does not exist (delete_because_no_move_target)",
            null when paths is not null => $" because {paths} changed",
            null => "",
            var other => $" ({other})",
        };
    }
}
