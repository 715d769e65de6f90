namespace SecureDynamo.Lint.Core.Graph;

/// <summary>What the plan will do to a resource. State and HCL input have <see cref="Exists"/>.</summary>
public enum PlannedAction
{
    /// <summary>No plan: the resource exists (state) or is declared (HCL).</summary>
    Exists,
    Create,
    Update,
    NoOp,
    Delete,
    /// <summary>Replacement, <c>["delete","create"]</c> or <c>["create","delete"]</c>.</summary>
    Replace,
    Read,
    Forget,
}

/// <summary>Helpers over <see cref="PlannedAction"/>.</summary>
public static class PlannedActions
{
    /// <summary>Maps a plan's <c>actions</c> list to one action.</summary>
    public static PlannedAction FromPlan(IReadOnlyList<string> actions)
    {
        if (actions.Count == 2 && actions.Contains("delete") && actions.Contains("create")) return PlannedAction.Replace;
        if (actions.Count == 1)
        {
            return actions[0] switch
            {
                "create" => PlannedAction.Create,
                "update" => PlannedAction.Update,
                "no-op" => PlannedAction.NoOp,
                "delete" => PlannedAction.Delete,
                "read" => PlannedAction.Read,
                "forget" => PlannedAction.Forget,
                _ => PlannedAction.NoOp,
            };
        }
        if (actions.Count == 0) return PlannedAction.NoOp;
        // Terraform has no other combinations today; a future one is treated as an update so it is still judged.
        return PlannedAction.Update;
    }

    /// <summary>Whether the resource is alive after the plan and so judged by the state policies.</summary>
    public static bool KeepsResource(this PlannedAction action) => action is
        PlannedAction.Exists or PlannedAction.Create or PlannedAction.Update or PlannedAction.NoOp or PlannedAction.Replace;

    /// <summary>The plan's own spelling.</summary>
    public static string ToPlanText(this PlannedAction action) => action switch
    {
        PlannedAction.Exists => "exists",
        PlannedAction.Create => "create",
        PlannedAction.Update => "update",
        PlannedAction.NoOp => "no-op",
        PlannedAction.Delete => "delete",
        PlannedAction.Replace => "replace",
        PlannedAction.Read => "read",
        PlannedAction.Forget => "forget",
        _ => action.ToString().ToLowerInvariant(),
    };
}
