namespace SecureDynamo.Lint.Cli;

/// <summary>A command line that parses but does not make sense (an unknown policy id, a bad format name).</summary>
public sealed class UsageException(string message) : Exception(message);
