using System.Runtime.InteropServices;
using System.Text;
using SecureDynamo.Lint.Cli;

// Ctrl-C cancels the scan (it stops within one buffer of input and exits 130); a second Ctrl-C
// ends the process at once.
using var interrupt = new CancellationTokenSource();
using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, signal =>
{
    signal.Cancel = !interrupt.IsCancellationRequested;
    interrupt.Cancel();
});

// Console.Out flushes on every write: a report of thousands of findings would cost a system call
// per token. One buffered writer, flushed by the report writer and at exit, avoids that.
var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16) { AutoFlush = false };
try
{
    var terminal = new CliConsole(stdout, Console.Error, !Console.IsOutputRedirected, Environment.GetEnvironmentVariable, !Console.IsErrorRedirected);
    return CliApp.Run(args, terminal, interrupt.Token);
}
finally
{
    stdout.Flush();
}
