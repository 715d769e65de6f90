using System.Globalization;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using SecureDynamo.Lint.Core.Diagnostics;
using SecureDynamo.Lint.Core.Graph;
using SecureDynamo.Lint.Core.Values;

namespace SecureDynamo.Lint.Plan;

/// <summary>
/// Reads the output of <c>terraform show -json</c> (a plan of any format version 0.x/1.x, or a
/// state) into a <see cref="ResourceGraph"/>. Recognises and refuses, with a one-line message
/// naming the file, binary plans, raw state files, <c>plan -json</c> log streams, empty and
/// malformed input. Reads by keys, never by format version.
/// </summary>
public static class PlanReader
{
    private const int SniffBytes = 4096;

    /// <summary>Reads the file at <paramref name="path"/> (<c>-</c> for standard input).</summary>
    public static ResourceGraph ReadFile(string path, PlanReadOptions? options = null)
    {
        if (path == "-")
        {
            var buffer = new MemoryStream();
            Console.OpenStandardInput().CopyTo(buffer);
            buffer.Position = 0;
            return Read("<stdin>", buffer, options);
        }
        if (Directory.Exists(path)) throw new InputException(path, "is a directory; give a plan or state JSON file");
        Stream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        }
        catch (FileNotFoundException) { throw new InputException(path, "no such file"); }
        catch (DirectoryNotFoundException) { throw new InputException(path, "no such file"); }
        catch (UnauthorizedAccessException) { throw new InputException(path, "permission denied"); }
        catch (IOException e) { throw new InputException(path, $"cannot be read ({e.Message})"); }
        using (stream) return Read(path, stream, options);
    }

    /// <summary>Reads a plan or state document from <paramref name="stream"/>, naming it <paramref name="file"/> in errors.</summary>
    public static ResourceGraph Read(string file, Stream stream, PlanReadOptions? options = null)
    {
        options ??= PlanReadOptions.All;
        if (!stream.CanSeek)
        {
            var copy = new MemoryStream();
            stream.CopyTo(copy);
            copy.Position = 0;
            stream = copy;
        }
        var head = new byte[SniffBytes];
        var n = ReadUpTo(stream, head);
        var encoding = InputSniffer.Sniff(file, head.AsSpan(0, n), n < SniffBytes);
        stream.Position = 0;

        try
        {
            using var text = new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16, leaveOpen: true);
            var headChars = new char[SniffBytes];
            var got = text.ReadBlock(headChars, 0, headChars.Length);
            var kind = InputSniffer.Classify(file, new string(headChars, 0, got));
            if (kind == TextKind.SetupTerraformWrapper)
            {
                return ReadWrapped(file, new string(headChars, 0, got) + text.ReadToEnd(), options);
            }
            stream.Position = 0;
            using var again = new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16, leaveOpen: true);
            return ReadDocument(file, again, options);
        }
        catch (DecoderFallbackException e)
        {
            var at = e.Index >= 0 ? $" near byte {e.Index}" : "";
            throw new InputException(file, $"is not valid {(encoding is UnicodeEncoding ? "UTF-16" : "UTF-8")} text{at}");
        }
        catch (JsonReaderException e)
        {
            throw new InputException(file, JsonProblem(e), e.LineNumber > 0 ? e.LineNumber : null, e.LinePosition > 0 ? e.LinePosition : null);
        }
    }

    private static ResourceGraph ReadWrapped(string file, string text, PlanReadOptions options)
    {
        // setup-terraform's wrapper prints "[command]...", then terraform's stdout, then ::set-output/::debug:: lines
        // (which repeat the output with %0A escapes: never read those). The document is what lies between.
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var body = lines.Skip(1).TakeWhile(l => !l.StartsWith("::", StringComparison.Ordinal)).ToList();
        var document = string.Join('\n', body).Trim();
        if (!document.StartsWith('{') || !document.EndsWith('}'))
        {
            throw new InputException(file,
                "contains GitHub Actions setup-terraform wrapper lines around the plan; set `terraform_wrapper: false` in setup-terraform (or call terraform-bin) and scan the plain `terraform show -json` output");
        }
        using var reader = new StringReader(document);
        return ReadDocument(file, reader, options);
    }

    private static ResourceGraph ReadDocument(string file, TextReader text, PlanReadOptions options)
    {
        using var reader = new JsonTextReader(text)
        {
            DateParseHandling = DateParseHandling.None,
            FloatParseHandling = FloatParseHandling.Double,
            MaxDepth = 1000,
            CloseInput = false,
        };
        if (!reader.Read()) throw new InputException(file, "the file is empty; expected the output of `terraform show -json`");
        if (reader.TokenType != JsonToken.StartObject)
        {
            throw new InputException(file, $"expected a JSON object (the output of `terraform show -json`), found {Describe(reader.TokenType)}", reader.LineNumber, reader.LinePosition);
        }

        var doc = new DocumentParts();
        while (reader.Read() && reader.TokenType == JsonToken.PropertyName)
        {
            var name = (string)reader.Value!;
            if (!reader.Read()) break;
            switch (name)
            {
                case "format_version":
                    doc.FormatVersion = reader.Value is null ? null : Convert.ToString(reader.Value, CultureInfo.InvariantCulture);
                    break;
                case "resource_changes":
                    doc.HasResourceChanges = true;
                    ExpectArray(file, reader, name);
                    ReadResourceChanges(file, reader, options, doc);
                    break;
                case "configuration":
                case "prior_state":
                case "values":
                case "planned_values":
                case "variables":
                    var token = JToken.ReadFrom(reader);
                    if (token is not JObject obj)
                    {
                        if (token.Type == JTokenType.Null) break;
                        throw new InputException(file, $"\"{name}\" must be an object, found {token.Type.ToString().ToLowerInvariant()}");
                    }
                    doc.Objects[name] = obj;
                    break;
                case "version":
                    doc.RawStateVersion = reader.Value;
                    reader.Skip();
                    break;
                case "lineage":
                case "serial":
                    doc.RawStateMarkers = true;
                    reader.Skip();
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }
        if (reader.TokenType != JsonToken.EndObject)
        {
            throw new InputException(file, "the JSON document ends before it is complete (truncated?)", reader.LineNumber, reader.LinePosition);
        }
        // Anything but whitespace after the document is an error (JSON Lines, concatenated documents).
        if (reader.Read())
        {
            throw new InputException(file, "has more content after the JSON document; expected exactly one `terraform show -json` document", reader.LineNumber, reader.LinePosition);
        }
        return Build(file, doc, options);
    }

    private static ResourceGraph Build(string file, DocumentParts doc, PlanReadOptions options)
    {
        if (doc.FormatVersion is null)
        {
            if (doc.RawStateVersion is not null || doc.RawStateMarkers)
            {
                throw new InputException(file,
                    "this is a raw Terraform state file (terraform.tfstate), not `terraform show -json` output; run `terraform show -json > state.json` for the current state, or `terraform show -json <planfile> > plan.json` for a plan, and scan that file");
            }
            throw new InputException(file, "has no \"format_version\"; expected the output of `terraform show -json`");
        }
        CheckFormatVersion(file, doc.FormatVersion);

        var isPlan = doc.HasResourceChanges || doc.Objects.ContainsKey("planned_values") || doc.Objects.ContainsKey("configuration") ||
                     doc.Objects.ContainsKey("prior_state");
        if (!isPlan) return BuildState(file, doc, options);

        var configuration = doc.Objects.GetValueOrDefault("configuration");
        var root = configuration is null ? null : ConfigurationReader.ReadModule(configuration["root_module"] as JObject, "");
        var providers = ConfigurationReader.ReadProviders(configuration?["provider_config"] as JObject);
        var variables = new Dictionary<string, Value>(StringComparer.Ordinal);
        if (doc.Objects.GetValueOrDefault("variables") is { } vars)
        {
            foreach (var p in vars.Properties())
            {
                if (p.Value is JObject v && v.TryGetValue("value", out var value)) variables[p.Name] = ValueConverter.Convert(value, null, null);
            }
        }

        var resources = new List<Resource>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var change in doc.Changes)
        {
            var config = root is null ? null : FindConfig(root, change.ModulePath, change.ConfigAddress);
            var resource = change.ToResource(config);
            if (seen.Add(resource.Address.ToString())) resources.Add(resource);
        }
        if (!doc.HasResourceChanges && doc.Objects.GetValueOrDefault("planned_values") is { } planned)
        {
            // Old plans with no changes carry resources only in planned_values: they are unchanged.
            foreach (var r in StateResources(planned["root_module"] as JObject, options))
            {
                var config = root is null ? null : FindConfig(root, r.Address.ModulePath, r.Address.ConfigAddress);
                if (seen.Add(r.Address.ToString())) resources.Add(new Resource(r.Address, PlannedAction.NoOp, r.After, r.After, config, r.ProviderName, location: r.Location));
            }
        }
        // Data sources read during planning live in prior_state; they are inputs for other judgements.
        if (doc.Objects.GetValueOrDefault("prior_state") is { } prior && prior["values"]?["root_module"] is JObject priorRoot)
        {
            foreach (var r in StateResources(priorRoot, options))
            {
                if (r.Mode != ResourceMode.Data || !seen.Add(r.Address.ToString())) continue;
                var config = root is null ? null : FindConfig(root, r.Address.ModulePath, r.Address.ConfigAddress);
                resources.Add(new Resource(r.Address, PlannedAction.Read, r.After, Value.Null, config, r.ProviderName));
            }
        }
        return new ResourceGraph(file, InputKind.Plan, resources, root, variables, providers);
    }

    private static ResourceGraph BuildState(string file, DocumentParts doc, PlanReadOptions options)
    {
        var values = doc.Objects.GetValueOrDefault("values");
        var resources = StateResources(values?["root_module"] as JObject, options).ToList();
        return new ResourceGraph(file, InputKind.State, resources, null, new Dictionary<string, Value>(), Array.Empty<ProviderConfig>());
    }

    private static IEnumerable<Resource> StateResources(JObject? module, PlanReadOptions options)
    {
        var stack = new Stack<JObject>();
        if (module is not null) stack.Push(module);
        while (stack.Count > 0)
        {
            var m = stack.Pop();
            if (m["resources"] is JArray rs)
            {
                foreach (var r in rs.OfType<JObject>())
                {
                    var mode = (string?)r["mode"] ?? "managed";
                    var type = (string?)r["type"] ?? "";
                    if (!options.Wants(mode, type)) continue;
                    var address = (string?)r["address"];
                    if (address is null) continue;
                    ResourceAddress parsed;
                    try { parsed = ResourceAddress.Parse(address); }
                    catch (FormatException) { continue; }
                    var after = ValueConverter.Convert(r["values"], null, r["sensitive_values"]);
                    yield return new Resource(parsed, PlannedAction.Exists, after, Value.Null, null, (string?)r["provider_name"]);
                }
            }
            if (m["child_modules"] is JArray children)
            {
                for (var i = children.Count - 1; i >= 0; i--)
                {
                    if (children[i] is JObject c) stack.Push(c);
                }
            }
        }
    }

    private static ResourceConfig? FindConfig(ModuleConfig root, string modulePath, string configAddress)
    {
        var module = root;
        if (modulePath.Length > 0)
        {
            foreach (var step in modulePath.Split('.').Where((_, i) => i % 2 == 1))
            {
                if (!module.Calls.TryGetValue(step, out var call)) return null;
                module = call.Module;
            }
        }
        return module.Resources.GetValueOrDefault(configAddress);
    }

    private static void ReadResourceChanges(string file, JsonTextReader reader, PlanReadOptions options, DocumentParts doc)
    {
        while (reader.Read() && reader.TokenType != JsonToken.EndArray)
        {
            var line = reader.LineNumber;
            var column = reader.LinePosition;
            if (reader.TokenType != JsonToken.StartObject)
            {
                throw new InputException(file, $"each entry of \"resource_changes\" must be an object, found {Describe(reader.TokenType)}", reader.LineNumber, reader.LinePosition);
            }
            var entry = JObject.Load(reader);
            var mode = (string?)entry["mode"] ?? "managed";
            var type = (string?)entry["type"] ?? "";
            if (!options.Wants(mode, type)) continue;
            doc.Changes.Add(ResourceChange.From(file, entry, line, column));
        }
    }

    private static void ExpectArray(string file, JsonTextReader reader, string name)
    {
        if (reader.TokenType == JsonToken.StartArray) return;
        throw new InputException(file, $"\"{name}\" must be an array, found {Describe(reader.TokenType)}", reader.LineNumber, reader.LinePosition);
    }

    private static void CheckFormatVersion(string file, string version)
    {
        var major = version.Split('.')[0];
        if (!int.TryParse(major, NumberStyles.None, CultureInfo.InvariantCulture, out var m))
        {
            throw new InputException(file, $"has an unreadable format_version \"{version}\"");
        }
        if (m >= 2)
        {
            throw new InputException(file, $"has format_version {version}, which this version of securedynamo does not support (it reads 0.x and 1.x); upgrade securedynamo");
        }
    }

    private static string JsonProblem(JsonReaderException e)
    {
        var msg = e.Message;
        var cut = msg.IndexOf(" Path '", StringComparison.Ordinal);
        if (cut > 0) msg = msg[..cut];
        if (msg.Contains("Unexpected end", StringComparison.Ordinal)) return "the JSON document ends before it is complete (truncated?)";
        if (msg.Contains("Additional text", StringComparison.Ordinal)) return "has more content after the JSON document; expected exactly one `terraform show -json` document";
        if (msg.Contains("MaxDepth", StringComparison.Ordinal)) return "JSON nesting is deeper than 1000 levels; not a Terraform document";
        return "invalid JSON: " + msg.TrimEnd('.');
    }

    private static string Describe(JsonToken token) => token switch
    {
        JsonToken.StartArray => "an array",
        JsonToken.StartObject => "an object",
        JsonToken.String => "a string",
        JsonToken.Integer or JsonToken.Float => "a number",
        JsonToken.Boolean => "a boolean",
        JsonToken.Null => "null",
        _ => token.ToString().ToLowerInvariant(),
    };

    private static int ReadUpTo(Stream s, byte[] buffer)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var n = s.Read(buffer, total, buffer.Length - total);
            if (n == 0) break;
            total += n;
        }
        return total;
    }

    private sealed class DocumentParts
    {
        public string? FormatVersion;
        public bool HasResourceChanges;
        public object? RawStateVersion;
        public bool RawStateMarkers;
        public readonly Dictionary<string, JObject> Objects = new(StringComparer.Ordinal);
        public readonly List<ResourceChange> Changes = new();
    }
}
