using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace SecureDynamo.Lint.Policies.Engine;

/// <summary>
/// Loads a team's own policies from a folder (<c>--policy-dir</c>): every <c>*.json</c> file in it
/// (or <c>&lt;name&gt;/policy.json</c>) with the built-in metadata keys plus a <c>"rule"</c>.
/// A <c>README.md</c> beside a <c>policy.json</c> is its documentation.
/// </summary>
public static class CustomPolicyLoader
{
    public static IReadOnlyList<DeclarativePolicy> Load(string directory)
    {
        if (!Directory.Exists(directory)) throw new PolicyDefinitionException(directory, "policy directory does not exist");
        var policies = new List<DeclarativePolicy>();
        var files = Directory.EnumerateFiles(directory, "*.json", SearchOption.TopDirectoryOnly)
            .Concat(Directory.EnumerateDirectories(directory).Select(d => Path.Combine(d, "policy.json")).Where(File.Exists))
            .Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            JObject json;
            try
            {
                json = PolicyJson.Parse(File.ReadAllText(file));
            }
            catch (JsonReaderException e) { throw new PolicyDefinitionException(file, $"invalid JSON at line {e.LineNumber}: {e.Message.Split(" Path")[0]}"); }
            catch (IOException e) { throw new PolicyDefinitionException(file, $"cannot be read ({e.Message})"); }
            catch (UnauthorizedAccessException) { throw new PolicyDefinitionException(file, "permission denied"); }
            if (json["rule"] is not JObject rule)
            {
                throw new PolicyDefinitionException(file, $"a custom policy needs a \"rule\" object (every *.json file of the --policy-dir folder {directory} is read as a policy)");
            }
            var slug = Path.GetFileName(file) == "policy.json" ? Path.GetFileName(Path.GetDirectoryName(file)!) : Path.GetFileNameWithoutExtension(file);
            var readme = Path.Combine(Path.GetDirectoryName(file)!, "README.md");
            var doc = Path.GetFileName(file) == "policy.json" && File.Exists(readme) ? File.ReadAllText(readme) : "";
            var metadata = MetadataReader.Read(file, slug, json, doc);
            if (metadata.ResourceTypes.Count == 0) throw new PolicyDefinitionException(file, "\"resourceTypes\" must name at least one resource type");
            var policy = new DeclarativePolicy(metadata.Id, AttributeRule.Parse(file, rule), file) { Metadata = metadata };
            if (policies.FirstOrDefault(p => p.Id == metadata.Id) is DeclarativePolicy twin)
            {
                throw new PolicyDefinitionException(file, $"policy id {metadata.Id} is already defined by {twin.DefinitionFile}; ids must be unique");
            }
            policies.Add(policy);
        }
        return policies;
    }
}
