using System.Globalization;
using System.CommandLine;
using SecureDynamo.Lint.Cli.Commands;
using SecureDynamo.Lint.Core.Diagnostics;
using SecureDynamo.Lint.Policies.Engine;

namespace SecureDynamo.Lint.Cli;

/// <summary>
/// The <c>securedynamo</c> command line. Exit codes: 0 clean, 1 findings, 2 usage or input error
/// (one line on stderr naming the file and the problem, never a stack trace).
/// </summary>
public static class CliApp
{
    public const int Clean = 0;
    public const int Findings = 1;
    public const int Error = 2;

    /// <param name="cancellation">Cancels a running command (Ctrl-C); the command's action receives it.</param>
    public static int Run(string[] args, CliConsole console, CancellationToken cancellation = default)
    {
        // Reports never depend on the user's locale (number formats, casing): everything runs invariant.
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;

        // Most commands judge or list policies: the catalogue loads on another core while the command line is parsed.
        if (args.Length > 0 && args[0] is "scan" or "policies" or "explain") PolicyCatalog.StartLoading();

        var root = new RootCommand("SecureDynamo.Lint: checks DynamoDB infrastructure in Terraform before `terraform apply`.");
        root.Subcommands.Add(ScanCommand.Create(console));
        root.Subcommands.Add(PoliciesCommand.Create(console));
        root.Subcommands.Add(ExplainCommand.Create(console));
        root.Subcommands.Add(DebugCommand.Create(console));

        ParseResult parsed;
        try
        {
            parsed = root.Parse(args);
        }
        catch (Exception e)
        {
            console.Error.WriteLine($"securedynamo: {e.Message}");
            return Error;
        }
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors) console.Error.WriteLine($"securedynamo: {error.Message}");
            console.Error.WriteLine("Run 'securedynamo --help' for usage.");
            return Error;
        }
        try
        {
            // Program turns Ctrl-C into the cancellation; the action's token is linked to it.
            var configuration = new InvocationConfiguration
            {
                Output = console.Out, Error = console.Error, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null,
            };
            return parsed.InvokeAsync(configuration, cancellation).GetAwaiter().GetResult();
        }
        catch (InputException e)
        {
            console.Error.WriteLine($"securedynamo: {OneLine(e.Message)}");
            return Error;
        }
        catch (PolicyDefinitionException e)
        {
            console.Error.WriteLine($"securedynamo: {OneLine(e.Message)}");
            return Error;
        }
        catch (UsageException e)
        {
            console.Error.WriteLine($"securedynamo: {OneLine(e.Message)}");
            return Error;
        }
        catch (OperationCanceledException)
        {
            console.Error.WriteLine("securedynamo: cancelled");
            return 130;
        }
        catch (Exception e)
        {
            // A bug of ours: still one line and exit 2, never a silent pass. SECUREDYNAMO_DEBUG=1 shows the trace.
            console.Error.WriteLine($"securedynamo: internal error: {OneLine(e.Message)} ({e.GetType().Name}); please report it");
            if (console.Environment("SECUREDYNAMO_DEBUG") == "1") console.Error.WriteLine(e);
            return Error;
        }
    }

    private static string OneLine(string s) => Reporting.SafeText.OneLine(s);
}
