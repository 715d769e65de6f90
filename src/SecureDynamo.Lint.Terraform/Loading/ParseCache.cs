using System.Collections.Concurrent;
using SecureDynamo.Lint.Hcl;

namespace SecureDynamo.Lint.Terraform.Loading;

/// <summary>
/// Parsed module files shared by the reads of one scan: a module that several root modules call
/// (a shared <c>modules/</c> directory) is read and parsed once, not once per caller. Entries are
/// keyed by the file's full path and the name its ranges carry, and are used again only while the
/// file's length and last write time are unchanged. Thread-safe; what it holds is never modified
/// (the syntax tree is immutable, the bytes are only read), so the reads running in parallel can share it.
/// </summary>
public sealed class ParseCache
{
    private readonly ConcurrentDictionary<(string Path, string Name), Entry> _entries = new();

    internal sealed record Entry(long Length, DateTime LastWriteUtc, byte[] Bytes, HclFile File);

    /// <summary>The cached parse of <paramref name="path"/> named <paramref name="name"/>, if the file is unchanged since.</summary>
    internal Entry? Find(string path, string name, FileInfo info) =>
        _entries.TryGetValue((path, name), out var entry) && entry.Length == info.Length && entry.LastWriteUtc == info.LastWriteTimeUtc ? entry : null;

    internal void Add(string path, string name, Entry entry) => _entries[(path, name)] = entry;
}
