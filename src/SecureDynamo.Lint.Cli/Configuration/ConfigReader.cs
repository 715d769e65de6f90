using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using SecureDynamo.Lint.Core.Diagnostics;
using SecureDynamo.Lint.Core.Evaluation;
using SecureDynamo.Lint.Policies.Engine;
using SecureDynamo.Lint.Policies.Suppression;

namespace SecureDynamo.Lint.Cli.Configuration;

/// <summary>
/// Reads and validates a <c>.securedynamo.json</c>. Every problem (unknown key, wrong type, bad
/// severity or date, unknown policy or option) is an <see cref="InputException"/> naming the file,
/// the line and the key, so the CLI exits 2 instead of silently ignoring a typo.
/// </summary>
public sealed class ConfigReader
{
    private static readonly string[] TopKeys = ["$schema", "failOn", "failOnUnknown", "policies", "include", "exclude", "exceptions"];
    private static readonly string[] ExceptionKeys = ["policy", "resource", "reason", "expires"];

    private readonly string _file;
    private readonly PolicyCatalog _catalog;

    private ConfigReader(string file, PolicyCatalog catalog)
    {
        _file = file;
        _catalog = catalog;
    }

    public static LintConfig Read(string file, PolicyCatalog catalog)
    {
        string text;
        try
        {
            text = File.ReadAllText(file);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new InputException(file, "config file not found");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException(file, $"cannot read the config file ({e.Message})");
        }
        return new ConfigReader(file, catalog).Parse(text);
    }

    private LintConfig Parse(string text)
    {
        JObject root;
        try
        {
            using var reader = new JsonTextReader(new StringReader(text));
            var token = JToken.ReadFrom(reader, new JsonLoadSettings { DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error, LineInfoHandling = LineInfoHandling.Load });
            root = token as JObject ?? throw Error(token, "the config must be a JSON object");
            if (reader.Read() && reader.TokenType != JsonToken.Comment)
            {
                throw new InputException(_file, "not valid JSON (more content after the object)", reader.LineNumber, reader.LinePosition);
            }
        }
        catch (JsonReaderException e)
        {
            // An empty file fails before any line is read (line 0): no position to name.
            throw e.LineNumber > 0
                ? new InputException(_file, $"not valid JSON ({e.Message})", e.LineNumber, e.LinePosition)
                : new InputException(_file, $"not valid JSON ({e.Message})");
        }
        CheckKeys(root, TopKeys, "");

        Severity? failOn = null;
        if (root["failOn"] is { } f)
        {
            if (f.Type != JTokenType.String || !Severities.TryParse((string?)f, out var s))
            {
                throw Error(f, $"\"failOn\" must be one of low, medium, high, critical (got {f.ToString(Formatting.None)})");
            }
            failOn = s;
        }
        bool? failOnUnknown = root["failOnUnknown"] is { } u ? Bool(u, "failOnUnknown") : null;

        var disabled = new HashSet<string>(StringComparer.Ordinal);
        var options = new Dictionary<string, PolicyOptions>(StringComparer.Ordinal);
        if (root["policies"] is { } policies)
        {
            foreach (var p in Object(policies, "policies").Properties())
            {
                var policy = _catalog.Find(p.Name) ?? throw Error(p, $"\"policies\": unknown policy id \"{p.Name}\"; `securedynamo policies` lists them");
                var values = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
                foreach (var o in Object(p.Value, $"policies.{p.Name}").Properties())
                {
                    var key = $"policies.{p.Name}.{o.Name}";
                    if (o.Name == "enabled")
                    {
                        if (!Bool(o.Value, key)) disabled.Add(p.Name);
                    }
                    else if (policy.OptionNames.Contains(o.Name))
                    {
                        var given = Strings(o.Value, key);
                        if (given.Length == 0) throw Error(o.Value, $"\"{key}\" must name at least one value (leave the key out for the default)");
                        for (var i = 0; i < given.Length; i++)
                        {
                            if (policy.OptionProblem(o.Name, given[i]) is { } problem) throw Error(o.Value[i]!, $"\"{key}\": {problem}");
                        }
                        values[o.Name] = given;
                    }
                    else
                    {
                        var known = string.Join(", ", new[] { "enabled" }.Concat(policy.OptionNames));
                        throw Error(o, $"unknown key \"{key}\"; {p.Name} accepts: {known}");
                    }
                }
                if (values.Count > 0) options[p.Name] = new PolicyOptions(values);
            }
        }

        var include = root["include"] is { } inc ? Strings(inc, "include") : Array.Empty<string>();
        var exclude = root["exclude"] is { } exc ? Strings(exc, "exclude") : Array.Empty<string>();

        var exceptions = new List<ConfigException>();
        if (root["exceptions"] is { } ex)
        {
            if (ex is not JArray list) throw Error(ex, "\"exceptions\" must be an array of {policy, resource, reason, expires}");
            for (var i = 0; i < list.Count; i++) exceptions.Add(Exception(list[i], $"exceptions[{i}]"));
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(_file)) ?? ".";
        return new LintConfig(_file, directory, failOn, failOnUnknown, disabled, options, include, exclude, exceptions);
    }

    private ConfigException Exception(JToken token, string where)
    {
        var o = Object(token, where);
        CheckKeys(o, ExceptionKeys, where + ".");
        var policy = RequiredString(o, "policy", where);
        if (policy != "*" && _catalog.Find(policy) is null) throw Error(o["policy"]!, $"\"{where}.policy\": unknown policy id \"{policy}\"");
        var resource = RequiredString(o, "resource", where);
        var reason = RequiredString(o, "reason", where);
        DateOnly? expires = null;
        if (o["expires"] is { } e)
        {
            if (e.Type != JTokenType.String || !DateOnly.TryParseExact((string?)e, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                throw Error(e, $"\"{where}.expires\" must be a date written yyyy-mm-dd (got {e.ToString(Formatting.None)})");
            }
            expires = date;
        }
        return new ConfigException(policy, new AddressGlob(resource), reason, expires);
    }

    private void CheckKeys(JObject o, IReadOnlyList<string> known, string prefix)
    {
        foreach (var p in o.Properties())
        {
            if (!known.Contains(p.Name)) throw Error(p, $"unknown key \"{prefix}{p.Name}\"; known keys: {string.Join(", ", known.Where(k => k != "$schema"))}");
        }
    }

    private JObject Object(JToken token, string key) => token as JObject ?? throw Error(token, $"\"{key}\" must be an object");

    private bool Bool(JToken token, string key) =>
        token.Type == JTokenType.Boolean ? (bool)token : throw Error(token, $"\"{key}\" must be true or false (got {token.ToString(Formatting.None)})");

    private string[] Strings(JToken token, string key)
    {
        if (token is JArray a && a.All(x => x.Type == JTokenType.String && ((string)x!).Length > 0)) return a.Select(x => (string)x!).ToArray();
        throw Error(token, $"\"{key}\" must be an array of non-empty strings");
    }

    private string RequiredString(JObject o, string name, string where)
    {
        var token = o[name];
        if (token is null) throw Error(o, $"\"{where}\" needs \"{name}\"");
        if (token.Type != JTokenType.String || ((string)token!).Trim().Length == 0) throw Error(token, $"\"{where}.{name}\" must be a non-empty string");
        return (string)token!;
    }

    private InputException Error(JToken token, string problem)
    {
        var info = (IJsonLineInfo)token;
        return info.HasLineInfo() ? new InputException(_file, problem, info.LineNumber, info.LinePosition) : new InputException(_file, problem);
    }
}
