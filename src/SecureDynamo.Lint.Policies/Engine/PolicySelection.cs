namespace SecureDynamo.Lint.Policies.Engine;

/// <summary>Which policies run and with which options (from the config file and the command line).</summary>
public sealed record PolicySelection(
    IReadOnlySet<string>? Only,
    IReadOnlySet<string> Skipped,
    IReadOnlyDictionary<string, PolicyOptions> Options)
{
    public static readonly PolicySelection All = new(null, new HashSet<string>(), new Dictionary<string, PolicyOptions>());

    public bool Runs(string id) => (Only is null || Only.Contains(id)) && !Skipped.Contains(id);

    public PolicyOptions OptionsFor(string id) => Options.GetValueOrDefault(id) ?? PolicyOptions.None;
}
