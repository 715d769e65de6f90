using System.Text.RegularExpressions;

namespace SecureDynamo.Lint.Tests.Integration;

/// <summary>
/// Just enough of <c>action.yml</c> to run it as GitHub does: each input's default, and a step's
/// <c>env</c> (<c>${{ inputs.x }}</c> resolved) and <c>run</c> script.
/// </summary>
public sealed class ActionScript
{
    private readonly string[] _lines;

    public ActionScript(string path) => _lines = File.ReadAllText(path).Split('\n');

    public IReadOnlyDictionary<string, string> InputDefaults()
    {
        var defaults = new Dictionary<string, string>(StringComparer.Ordinal);
        string? current = null;
        var inInputs = false;
        foreach (var line in _lines)
        {
            if (line == "inputs:") { inInputs = true; continue; }
            if (inInputs && line.Length > 0 && !line.StartsWith(' ')) break;
            if (!inInputs) continue;
            var name = Regex.Match(line, @"^  ([a-z-]+):\s*$");
            if (name.Success) { current = name.Groups[1].Value; defaults[current] = ""; continue; }
            var def = Regex.Match(line, @"^    default:\s*(.*)$");
            if (def.Success && current is not null) defaults[current] = def.Groups[1].Value.Trim('"');
        }
        return defaults;
    }

    /// <summary>The step's environment with inputs substituted, and its script.</summary>
    public (IReadOnlyDictionary<string, string> Env, string Script) Step(string id, IReadOnlyDictionary<string, string> inputs)
    {
        var start = Array.FindIndex(_lines, l => l == $"    - id: {id}");
        if (start < 0) throw new InvalidOperationException($"action.yml has no step {id}");
        var env = new Dictionary<string, string>(StringComparer.Ordinal);
        var script = new List<string>();
        var mode = "";
        for (var i = start + 1; i < _lines.Length && !_lines[i].StartsWith("    - ", StringComparison.Ordinal); i++)
        {
            var line = _lines[i];
            if (line == "      env:") { mode = "env"; continue; }
            if (line == "      run: |") { mode = "run"; continue; }
            if (Regex.IsMatch(line, @"^      \S")) { mode = ""; continue; }
            if (mode == "env")
            {
                var m = Regex.Match(line, @"^        ([A-Z_]+): \$\{\{ inputs\.([a-z-]+) \}\}$");
                if (!m.Success) throw new InvalidOperationException("unexpected env line: " + line);
                env[m.Groups[1].Value] = inputs[m.Groups[2].Value];
            }
            else if (mode == "run")
            {
                script.Add(line.Length >= 8 ? line[8..] : "");
            }
        }
        var text = string.Join('\n', script);
        if (text.Contains("${{", StringComparison.Ordinal)) throw new InvalidOperationException($"step {id} splices an expression into its script");
        return (env, text);
    }
}
