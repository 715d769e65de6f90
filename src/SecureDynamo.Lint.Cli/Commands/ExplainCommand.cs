using System.CommandLine;
using SecureDynamo.Lint.Policies.Engine;

namespace SecureDynamo.Lint.Cli.Commands;

/// <summary><c>securedynamo explain ID</c>: a policy's documentation page.</summary>
public static class ExplainCommand
{
    public static Command Create(CliConsole console)
    {
        var id = new Argument<string>("policy-id") { Description = "A policy id such as dynamodb:001." };
        var policyDir = new Option<string[]>("--policy-dir") { Description = "Also look in this folder of custom policies. Repeatable." };
        var command = new Command("explain", "Print a policy's documentation.") { id, policyDir };
        command.SetAction(parsed =>
        {
            var catalog = PolicyCatalog.BuiltInWith(parsed.GetValue(policyDir) ?? Array.Empty<string>());
            var wanted = parsed.GetValue(id)!;
            var policy = catalog.Find(wanted) ?? throw new UsageException($"unknown policy id \"{wanted}\"; `securedynamo policies` lists them");
            var m = policy.Metadata;
            var page = m.Documentation.Length > 0 ? m.Documentation : PolicyDocumentation.RenderGenerated(m);
            console.Out.Write(page.Replace(PolicyDocumentation.Begin + "\n", "").Replace(PolicyDocumentation.End + "\n", ""));
            return CliApp.Clean;
        });
        return command;
    }
}
