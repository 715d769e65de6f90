using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace SecureDynamo.Lint.Terraform.Building;

/// <summary>
/// <c>.terraform/modules/modules.json</c>, written by <c>terraform init</c>: where each installed
/// module call (key <c>a.b</c> for <c>module.a.module.b</c>) was downloaded.
/// </summary>
internal sealed class ModulesManifest
{
    private readonly Dictionary<string, string> _dirs;

    private ModulesManifest(Dictionary<string, string> dirs) => _dirs = dirs;

    public static ModulesManifest Load(string rootOnDisk)
    {
        var dirs = new Dictionary<string, string>(StringComparer.Ordinal);
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
                    try { dirs[key] = Path.GetFullPath(Path.Combine(rootOnDisk, dir)); }
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
    public string? DirectoryOf(string key) => _dirs.TryGetValue(key, out var d) && Directory.Exists(d) ? d : null;
}
