using System.Text;
using SecureDynamo.Lint.Core.Diagnostics;

namespace SecureDynamo.Lint.Plan;

/// <summary>
/// Recognises from its first bytes what a file given as a plan is, so that the wrong kind of
/// file gets an error that says what it is and what to run instead.
/// </summary>
internal static class InputSniffer
{
    internal const string ShowJsonHint = "run `terraform show -json <planfile> > plan.json` and scan that file";

    /// <summary>Returns the encoding to read with, or throws <see cref="InputException"/> for input that is not a JSON document.</summary>
    public static Encoding Sniff(string file, ReadOnlySpan<byte> head, bool complete)
    {
        if (head.Length == 0 || (complete && IsBlank(head)))
        {
            throw new InputException(file, "the file is empty; expected the output of `terraform show -json`");
        }
        if (head.Length >= 4 && head[0] == 0x50 && head[1] == 0x4B && head[2] == 0x03 && head[3] == 0x04)
        {
            throw new InputException(file, $"this is a binary Terraform plan file (a zip archive), not JSON; {ShowJsonHint}");
        }
        if (head.Length >= 2 && head[0] == 0xFF && head[1] == 0xFE) return new UnicodeEncoding(false, true, true);
        if (head.Length >= 2 && head[0] == 0xFE && head[1] == 0xFF) return new UnicodeEncoding(true, true, true);
        // UTF-16 without a byte order mark: every other byte of ASCII JSON is zero.
        if (head.Length >= 4 && head[0] == (byte)'{' && head[1] == 0 && head[3] == 0) return new UnicodeEncoding(false, false, true);
        if (head.Length >= 4 && head[0] == 0 && head[1] == (byte)'{' && head[2] == 0) return new UnicodeEncoding(true, false, true);
        return new UTF8Encoding(false, true);
    }

    /// <summary>Checks the start of the decoded text for log streams and wrapper output.</summary>
    public static TextKind Classify(string file, string headText)
    {
        var text = headText.TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (text.StartsWith("[command]", StringComparison.Ordinal)) return TextKind.SetupTerraformWrapper;
        var firstLine = text;
        var nl = text.IndexOf('\n');
        if (nl >= 0) firstLine = text[..nl];
        if (firstLine.StartsWith('{') && firstLine.Contains("\"@level\"", StringComparison.Ordinal) && firstLine.Contains("\"@message\"", StringComparison.Ordinal))
        {
            throw new InputException(file,
                "this is the log stream of `terraform plan -json`, not a plan document; save the plan with `terraform plan -out=tfplan`, then run `terraform show -json tfplan > plan.json` and scan that file");
        }
        if (text.Length > 0 && text[0] != '{' && text[0] != '[')
        {
            var shown = new string(firstLine.Take(40).Select(c => char.IsControl(c) ? '?' : c).ToArray());
            throw new InputException(file, $"not a JSON document (it starts with \"{shown}\"); expected the output of `terraform show -json`", 1, 1);
        }
        return TextKind.Json;
    }

    private static bool IsBlank(ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or 0xEF or 0xBB or 0xBF)) return false;
        }
        return true;
    }
}

/// <summary>What the text of an input is.</summary>
internal enum TextKind
{
    Json,
    /// <summary>stdout captured by hashicorp/setup-terraform's wrapper: a command line, the JSON, workflow commands.</summary>
    SetupTerraformWrapper,
}
