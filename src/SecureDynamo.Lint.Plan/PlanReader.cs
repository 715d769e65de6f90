using System.Text;
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
            using var stdin = SeekableInput.From(Console.OpenStandardInput());
            return Read("<stdin>", stdin, options);
        }
        if (Directory.Exists(path)) throw new InputException(path, "is a directory; give a plan or state JSON file");
        Stream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 0, FileOptions.SequentialScan);
        }
        catch (FileNotFoundException) { throw new InputException(path, "no such file"); }
        catch (DirectoryNotFoundException) { throw new InputException(path, "no such file"); }
        catch (UnauthorizedAccessException) { throw new InputException(path, "permission denied"); }
        catch (IOException e) { throw new InputException(path, $"cannot be read ({e.Message})"); }
        using (stream)
        {
            try
            {
                return Read(path, stream, options);
            }
            catch (IOException e)
            {
                // The device or file system failed part-way (not a malformed input).
                throw new InputException(path, $"cannot be read ({e.Message})");
            }
        }
    }

    /// <summary>Reads a plan or state document from <paramref name="stream"/>, naming it <paramref name="file"/> in errors.</summary>
    public static ResourceGraph Read(string file, Stream stream, PlanReadOptions? options = null)
    {
        options ??= PlanReadOptions.All;
        if (!stream.CanSeek)
        {
            // Pipes: planned_values may have to be read again, so keep a copy.
            using var seekable = SeekableInput.From(stream);
            return Read(file, seekable, options);
        }
        var head = new byte[SniffBytes];
        var n = ReadUpTo(stream, head);
        var encoding = InputSniffer.Sniff(file, head.AsSpan(0, n), n < SniffBytes);
        stream.Position = 0;

        try
        {
            // The head decides the kind of text; decoding errors are reported with their position by the JSON stream.
            var headText = Lenient(encoding).GetString(head, 0, n);
            var kind = InputSniffer.Classify(file, headText);
            if (kind == TextKind.SetupTerraformWrapper)
            {
                using var text = new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16, leaveOpen: true);
                return ReadWrapped(file, text.ReadToEnd(), options);
            }
            var utf8 = encoding is UTF8Encoding ? stream : Transcode(stream, encoding);
            return new PlanDocumentReader(file, utf8, options).Read();
        }
        catch (DecoderFallbackException e)
        {
            var at = e.Index >= 0 ? $" near byte {e.Index}" : "";
            throw new InputException(file, $"is not valid {(encoding is UnicodeEncoding ? "UTF-16" : "UTF-8")} text{at}");
        }
    }

    private static ResourceGraph ReadWrapped(string file, string text, PlanReadOptions options)
    {
        // setup-terraform's wrapper prints "[command]...", then terraform's stdout, then ::set-output/::debug:: lines
        // (which repeat the output with %0A escapes: never read those). The document is what lies between.
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var body = lines.Skip(1).TakeWhile(l => !l.StartsWith("::", StringComparison.Ordinal)).ToList();
        // The command line stays as an empty line: positions in messages and reports are those of the file.
        var document = "\n" + string.Join('\n', body).TrimEnd();
        if (!document.TrimStart().StartsWith('{') || !document.EndsWith('}'))
        {
            throw new InputException(file,
                "contains GitHub Actions setup-terraform wrapper lines around the plan; set `terraform_wrapper: false` in setup-terraform (or call terraform-bin) and scan the plain `terraform show -json` output");
        }
        using var bytes = new MemoryStream(new UTF8Encoding(false).GetBytes(document));
        return new PlanDocumentReader(file, bytes, options).Read();
    }

    /// <summary>UTF-16 input (PowerShell redirection) becomes UTF-8 for the JSON stream.</summary>
    private static MemoryStream Transcode(Stream stream, Encoding encoding)
    {
        var utf8 = new MemoryStream();
        using (var transcoding = Encoding.CreateTranscodingStream(stream, encoding, new UTF8Encoding(false), leaveOpen: true))
        {
            transcoding.CopyTo(utf8);
        }
        utf8.Position = 0;
        return utf8;
    }

    private static Encoding Lenient(Encoding encoding) => encoding switch
    {
        UnicodeEncoding u => new UnicodeEncoding(bigEndian: u.CodePage == 1201, byteOrderMark: false, throwOnInvalidBytes: false),
        _ => new UTF8Encoding(false, false),
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
}
