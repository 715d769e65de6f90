namespace SecureDynamo.Lint.Plan;

/// <summary>
/// Makes a pipe or standard input seekable (a plan without resource_changes is read twice) without
/// holding a large one in memory: small inputs stay in memory, large ones spill to a temporary
/// file that is deleted when closed.
/// </summary>
internal static class SeekableInput
{
    private const int InMemoryBytes = 16 << 20;

    public static Stream From(Stream stream)
    {
        if (stream.CanSeek) return stream;
        var memory = new MemoryStream();
        var buffer = new byte[1 << 16];
        int n;
        while ((n = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            memory.Write(buffer, 0, n);
            if (memory.Length >= InMemoryBytes) return Spill(memory, stream);
        }
        memory.Position = 0;
        return memory;
    }

    private static FileStream Spill(MemoryStream head, Stream rest)
    {
        var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
        head.Position = 0;
        head.CopyTo(file);
        rest.CopyTo(file);
        file.Position = 0;
        return file;
    }
}
