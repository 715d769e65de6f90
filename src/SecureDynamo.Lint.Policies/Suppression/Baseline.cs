using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using SecureDynamo.Lint.Core.Diagnostics;
using SecureDynamo.Lint.Core.Evaluation;

namespace SecureDynamo.Lint.Policies.Suppression;

/// <summary>
/// Findings accepted at some point (<c>--write-baseline</c>), matched by stable fingerprint, so
/// that only new findings fail a run (<c>--baseline</c>). The file is JSON, sorted, one entry per
/// finding: <c>{"version": 1, "findings": [{fingerprint, policyId, resource, input, status}]}</c>.
/// </summary>
public sealed class Baseline : ISuppressionSource
{
    public const int Version = 1;

    private readonly string _file;
    private readonly IReadOnlySet<string> _fingerprints;
    private readonly SourceRoot _root;

    private Baseline(string file, IReadOnlySet<string> fingerprints, SourceRoot root)
    {
        _file = file;
        _fingerprints = fingerprints;
        _root = root;
    }

    public IReadOnlyList<string> Warnings => Array.Empty<string>();

    public int Count => _fingerprints.Count;

    public Suppression? Find(EvaluationResult result) =>
        _fingerprints.Contains(FindingFingerprint.Of(result, _root)) ? new Suppression($"in baseline {_file}", SuppressionKind.External) : null;

    /// <summary>Reads a baseline (inputs made relative to <paramref name="root"/> when matching); a missing or malformed file is an <see cref="InputException"/> naming it.</summary>
    public static Baseline Read(string file, SourceRoot root)
    {
        string text;
        try
        {
            text = File.ReadAllText(file, Encoding.UTF8);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new InputException(file, "baseline file not found (create it with --write-baseline)");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException(file, $"cannot read the baseline ({e.Message})");
        }
        JObject document;
        try
        {
            document = JObject.Parse(text);
        }
        catch (JsonReaderException e)
        {
            throw new InputException(file, $"the baseline is not valid JSON ({e.Message})", e.LineNumber, e.LinePosition);
        }
        if ((document["version"] as JValue)?.Value is not long version || version != Version) throw new InputException(file, $"not a securedynamo baseline (expected \"version\": {Version})");
        if (document["findings"] is not JArray findings) throw new InputException(file, "the baseline has no \"findings\" array");
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var f in findings)
        {
            if (f is not JObject o || o["fingerprint"] is not JValue { Type: JTokenType.String } fp || ((string)fp!).Length == 0)
            {
                throw new InputException(file, "every entry of \"findings\" needs a \"fingerprint\" string");
            }
            set.Add((string)fp!);
        }
        return new Baseline(file, set, root);
    }

    /// <summary>Writes the failing and unknown findings of <paramref name="results"/> to <paramref name="file"/>.</summary>
    public static int Write(string file, IEnumerable<EvaluationResult> results, SourceRoot root)
    {
        var entries = results
            .Where(r => r.Status is Status.Fail or Status.Unknown)
            .Select(r => new BaselineEntry(FindingFingerprint.Of(r, root), r.PolicyId, r.ResourceAddress, root.Display(r.Input), r.Status.ToText()))
            .DistinctBy(e => e.Fingerprint)
            .OrderBy(e => e.Input, StringComparer.Ordinal)
            .ThenBy(e => e.Resource, StringComparer.Ordinal)
            .ThenBy(e => e.PolicyId, StringComparer.Ordinal)
            .ToList();
        try
        {
            var dir = Path.GetDirectoryName(Path.GetFullPath(file));
            if (dir is not null) Directory.CreateDirectory(dir);
            using var output = new StreamWriter(file, false, new UTF8Encoding(false)) { NewLine = "\n" };
            using var w = new JsonTextWriter(output) { Formatting = Formatting.Indented, CloseOutput = false };
            w.WriteStartObject();
            w.WritePropertyName("version"); w.WriteValue(Version);
            w.WritePropertyName("findings");
            w.WriteStartArray();
            foreach (var e in entries)
            {
                w.WriteStartObject();
                w.WritePropertyName("fingerprint"); w.WriteValue(e.Fingerprint);
                w.WritePropertyName("policyId"); w.WriteValue(e.PolicyId);
                w.WritePropertyName("resource"); w.WriteValue(e.Resource);
                w.WritePropertyName("input"); w.WriteValue(e.Input);
                w.WritePropertyName("status"); w.WriteValue(e.Status);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
            w.Flush();
            output.WriteLine();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException(file, $"cannot write the baseline ({e.Message})");
        }
        return entries.Count;
    }
}
