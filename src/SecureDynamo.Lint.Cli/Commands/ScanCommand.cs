using System.CommandLine;
using SecureDynamo.Lint.Cli.Scanning;
using SecureDynamo.Lint.Core.Evaluation;
using SecureDynamo.Lint.Reporting;

namespace SecureDynamo.Lint.Cli.Commands;

/// <summary><c>securedynamo scan PATH...</c>: analyse plans and states, print reports, set the exit code.</summary>
public static class ScanCommand
{
    public static Command Create(CliConsole console)
    {
        var paths = new Argument<string[]>("path")
        {
            Description = "Plan or state JSON from `terraform show -json` (`-` reads standard input), a Terraform module directory, or .tf/.tf.json files (together one module).",
            Arity = ArgumentArity.OneOrMore,
        };
        var format = new Option<string[]>("--format", "-f")
        {
            Description = $"Report format, optionally to a file: FORMAT[=PATH]. Repeatable. Formats: {string.Join(", ", ReportFormats.Names)}.",
            AllowMultipleArgumentsPerToken = false,
        };
        var failOn = new Option<string>("--fail-on")
        {
            Description = "Lowest severity of a failure that makes the exit code 1: low, medium, high, critical (default: the config's failOn, else low).",
        };
        var failOnUnknown = new Option<bool?>("--fail-on-unknown") { Description = "Unknown verdicts also fail the run (--fail-on-unknown false overrides a config file that turns it on)." };
        var policy = new Option<string[]>("--policy") { Description = "Run only this policy id. Repeatable." };
        var skip = new Option<string[]>("--skip-policy") { Description = "Do not run this policy id. Repeatable." };
        var policyDir = new Option<string[]>("--policy-dir") { Description = "Folder of custom declarative policies (JSON). Repeatable." };
        var config = new Option<string>("--config") { Description = "Config file (default: the nearest .securedynamo.json up to the repository root)." };
        var baseline = new Option<string>("--baseline") { Description = "Report the findings recorded in this baseline file as suppressed." };
        var writeBaseline = new Option<string>("--write-baseline") { Description = "Record the current failures and unknowns in this baseline file (the run then exits 0)." };

        var vars = new Option<string[]>("--var") { Description = "Set a root module variable for HCL input: NAME=VALUE. Repeatable; wins over --var-file and tfvars." };
        var varFiles = new Option<string[]>("--var-file") { Description = "Read root module variables from a .tfvars file for HCL input. Repeatable." };
        var sourceDir = new Option<string>("--source-dir") { Description = "Terraform source of a scanned plan: findings get file:line and inline suppressions apply." };

        var command = new Command("scan", "Check Terraform plans, states and source (directories, .tf files) against the DynamoDB security policies.")
        {
            paths, format, failOn, failOnUnknown, policy, skip, policyDir, config, baseline, writeBaseline, vars, varFiles, sourceDir,
        };
        command.SetAction((parsed, cancellation) =>
        {
            Severity? threshold = null;
            if (parsed.GetValue(failOn) is { } failOnText)
            {
                if (!Severities.TryParse(failOnText, out var s)) throw new UsageException($"--fail-on {failOnText}: choose low, medium, high or critical");
                threshold = s;
            }
            // "-o out.sarif" reaches here as a path: an option this command does not have, unless such a file exists.
            if (parsed.GetValue(paths)!.FirstOrDefault(p => p.Length > 1 && p[0] == '-' && !File.Exists(p) && !Directory.Exists(p)) is { } unknownOption)
            {
                throw new UsageException($"unknown option {unknownOption}; `securedynamo scan --help` lists the options (a report goes to a file with --format FORMAT=PATH)");
            }
            var formats = (parsed.GetValue(format) ?? Array.Empty<string>()).Select(FormatTarget.Parse).ToList();
            if (formats.Count == 0) formats.Add(new FormatTarget("text", null));
            if (formats.Count(f => f.Path is null) > 1) throw new UsageException("at most one --format may go to standard output; give the others a path (FORMAT=PATH)");
            if (formats.Where(f => f.Path is not null).GroupBy(f => Path.GetFullPath(f.Path!)).FirstOrDefault(g => g.Count() > 1) is { } same)
            {
                throw new UsageException($"two --format reports would be written to {same.First().Path}; give each its own path");
            }
            var request = new ScanRequest(parsed.GetValue(paths)!, formats, threshold, parsed.GetValue(failOnUnknown),
                parsed.GetValue(policy) ?? Array.Empty<string>(), parsed.GetValue(skip) ?? Array.Empty<string>(),
                parsed.GetValue(policyDir) ?? Array.Empty<string>(),
                parsed.GetValue(vars) ?? Array.Empty<string>(), parsed.GetValue(varFiles) ?? Array.Empty<string>(), parsed.GetValue(sourceDir))
            {
                ConfigFile = parsed.GetValue(config),
                BaselineFile = parsed.GetValue(baseline),
                WriteBaselineFile = parsed.GetValue(writeBaseline),
                Today = console.Today(),
                ToolVersion = console.ToolVersion,
                TerraformWorkspace = console.Environment("TF_WORKSPACE"),
                TerraformEnvironment = console.EnvironmentVariables()
                    .Where(e => e.Key.StartsWith("TF_VAR_", StringComparison.Ordinal) && e.Key.Length > "TF_VAR_".Length)
                    .ToDictionary(e => e.Key["TF_VAR_".Length..], e => e.Value, StringComparer.Ordinal),
            };
            Func<string, ProgressLine?>? progress = console.ErrorIsTerminal ? path => new ProgressLine(console.Error, path) : null;
            var report = Scanner.For(request).Scan(request, console.Error, cancellation, progress);
            ReportWriter.WriteAll(report, request.Formats, console);
            // Writing a baseline accepts the current findings: the run that records them succeeds.
            return Task.FromResult(report.Failed && request.WriteBaselineFile is null ? CliApp.Findings : CliApp.Clean);
        });
        return command;
    }
}
