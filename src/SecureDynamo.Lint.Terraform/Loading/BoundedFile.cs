namespace SecureDynamo.Lint.Terraform.Loading;

/// <summary>
/// Reads a file of the scanned tree whole, up to a size: a <c>.tf</c> file that is a link to <c>/dev/zero</c>, or
/// <c>file("/dev/urandom")</c>, never ends, and <see cref="File.ReadAllBytes"/> would read until memory runs out.
/// </summary>
internal static class BoundedFile
{
    /// <summary>The largest configuration or variables file read (real ones are kilobytes).</summary>
    public const int MaxConfigBytes = 64 * 1024 * 1024;

    /// <summary>The largest file <c>file()</c> and <c>templatefile()</c> read: no string evaluation makes is longer.</summary>
    public const int MaxFunctionBytes = 16 * 1024 * 1024;

    /// <summary>The bytes of <paramref name="path"/>; <see cref="FileTooLargeException"/> when it has more than <paramref name="maxBytes"/>.</summary>
    public static byte[] Read(string path, int maxBytes)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        if (stream.CanSeek && stream.Length > maxBytes) throw new FileTooLargeException(maxBytes);
        var buffer = new MemoryStream();
        var chunk = new byte[64 * 1024];
        int n;
        while ((n = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + n > maxBytes) throw new FileTooLargeException(maxBytes);
            buffer.Write(chunk, 0, n);
        }
        return buffer.ToArray();
    }

    /// <summary>A file past the size this tool reads (or one that never ends, such as a device).</summary>
    public sealed class FileTooLargeException(int maxBytes) : IOException($"is larger than {maxBytes / (1024 * 1024)} MiB (or never ends); not read")
    {
    }
}
