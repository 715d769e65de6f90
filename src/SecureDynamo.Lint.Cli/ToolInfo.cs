using System.Reflection;

namespace SecureDynamo.Lint.Cli;

/// <summary>The tool's name and version.</summary>
public static class ToolInfo
{
    public static string Version { get; } =
        (typeof(ToolInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0").Split('+')[0];
}
