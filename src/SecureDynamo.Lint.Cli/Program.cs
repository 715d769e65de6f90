using System.Text;
using SecureDynamo.Lint.Cli;

Console.OutputEncoding = new UTF8Encoding(false);
var terminal = new CliConsole(Console.Out, Console.Error, !Console.IsOutputRedirected, Environment.GetEnvironmentVariable);
return CliApp.Run(args, terminal);
