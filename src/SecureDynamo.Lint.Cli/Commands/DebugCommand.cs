using System.CommandLine;
using SecureDynamo.Lint.Core.Diagnostics;
using SecureDynamo.Lint.Hcl.Debug;

namespace SecureDynamo.Lint.Cli.Commands;

/// <summary>
/// <c>securedynamo debug hcl-ast [--mode config|expr|template] FILE</c>: our HCL parse in the JSON
/// shape of HashiCorp's <c>hcl2ast</c>, to compare the two parsers. Exit 1 when the file has syntax errors.
/// </summary>
public static class DebugCommand
{
    public static Command Create(CliConsole console)
    {
        var file = new Argument<string>("file") { Description = "An HCL file (.tf, .tfvars, or an expression/template with --mode)." };
        var mode = new Option<string>("--mode") { Description = "config (a body), expr (one expression) or template.", DefaultValueFactory = _ => "config" };
        var ast = new Command("hcl-ast", "Print the HCL syntax tree in the JSON shape of hcl2ast.") { file, mode };
        ast.SetAction(parsed =>
        {
            var path = parsed.GetValue(file)!;
            var m = parsed.GetValue(mode)!;
            if (m is not ("config" or "expr" or "template")) throw new UsageException($"--mode {m}: choose config, expr or template");
            byte[] bytes;
            try
            {
                bytes = File.ReadAllBytes(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new InputException(path, e is FileNotFoundException or DirectoryNotFoundException ? "no such file" : $"cannot be read ({e.Message})");
            }
            var json = HclAstWriter.Write(Path.GetFileName(path), bytes, m);
            console.Out.WriteLine(json);
            console.Out.Flush();
            return HasErrors(json) ? CliApp.Findings : CliApp.Clean;
        });
        return new Command("debug", "Tools for checking the analyzer itself.") { ast };
    }

    private static bool HasErrors(string json)
    {
        var diagnostics = Newtonsoft.Json.Linq.JObject.Parse(json)["diagnostics"] as Newtonsoft.Json.Linq.JArray;
        return diagnostics?.Any(d => string.Equals((string?)d["severity"], "error", StringComparison.Ordinal)) == true;
    }
}
