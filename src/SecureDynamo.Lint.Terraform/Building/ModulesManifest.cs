using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace SecureDynamo.Lint.Terraform.Building;

/// <summary>
/// <c>.terraform/modules/modules.json</c>, written by <c>terraform init</c>: where each installed
/// module call (key <c>a.b</c> for <c>module.a.module.b</c>) was downloaded.
/// </summary>
internal sealed class ModulesManifest
{
    private readonly Dictionary<string, (string Dir, string? Source)> _dirs;

    private ModulesManifest(Dictionary<string, (string Dir, string? Source)> dirs) => _dirs = dirs;

    public static ModulesManifest Load(string rootOnDisk)
    {
        var dirs = new Dictionary<string, (string Dir, string? Source)>(StringComparer.Ordinal);
        var path = Path.Combine(rootOnDisk, ".terraform", "modules", "modules.json");
        if (File.Exists(path))
        {
            try
            {
                var modules = JObject.Parse(File.ReadAllText(path))["Modules"] as JArray ?? new JArray();
                foreach (var m in modules)
                {
                    // Entries of another shape (not an object, a key or directory that is not a string, a path no file
                    // system holds) are skipped: their calls are then reported as not analysed.
                    if (m is not JObject entry || entry["Key"] is not JValue { Type: JTokenType.String, Value: string key }
                        || entry["Dir"] is not JValue { Type: JTokenType.String, Value: string dir } || key.Length == 0 || dir.Contains('\0')) continue;
                    var source = entry["Source"] is JValue { Type: JTokenType.String, Value: string written } ? written : null;
                    try { dirs[key] = (Path.GetFullPath(Path.Combine(rootOnDisk, dir)), source); }
                    catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException) { }
                }
            }
            catch (Exception e) when (e is JsonException or IOException or InvalidCastException or UnauthorizedAccessException)
            {
                // An unreadable manifest is the same as none: the calls are reported as not analysed.
            }
        }
        return new ModulesManifest(dirs);
    }

    /// <summary>The directory of the installed module for call key <paramref name="key"/>, or null.</summary>
    public string? DirectoryOf(string key) => _dirs.TryGetValue(key, out var d) && Directory.Exists(d.Dir) ? d.Dir : null;

    /// <summary>
    /// The source <c>terraform init</c> installed call <paramref name="key"/> from, when it is not <paramref name="source"/>
    /// (the configuration changed since: Terraform refuses to plan until init is run again); null when they agree or the
    /// manifest does not say. Registry addresses and git/GitHub shorthands are compared in Terraform's normal form.
    /// </summary>
    public string? InstalledFromElsewhere(string key, string source) =>
        _dirs.TryGetValue(key, out var d) && d.Source is { Length: > 0 } installed && Normal(installed) != Normal(source) ? installed : null;

    private static string Normal(string source)
    {
        var s = source.Trim();
        foreach (var prefix in (string[])["registry.terraform.io/", "git::", "https://", "http://"])
        {
            if (s.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) s = s[prefix.Length..];
        }
        // github.com/org/repo is installed from git::https://github.com/org/repo.git.
        s = s.Replace(".git//", "//", StringComparison.Ordinal).Replace(".git?", "?", StringComparison.Ordinal);
        return s.EndsWith(".git", StringComparison.Ordinal) ? s[..^4] : s;
    }
}
