using System.Buffers;
using System.Text.Json;
using Microsoft.Win32.SafeHandles;

namespace SecureDynamo.Lint.Plan.Json;

/// <summary>
/// Checks the grammar of values the reader skipped by their structure alone
/// (<see cref="JsonTokenStream.SkipStructure"/>), each with a <see cref="Utf8JsonReader"/> on
/// another thread, reading the same input at the value's offset, while the reader goes on. A
/// plan's <c>planned_values</c> (half of the document, and read by no policy) is thus checked on
/// the second core instead of being tokenized on the reading thread. Only inputs that can be read
/// at an offset by a second reader qualify: a file, or a stream held in memory.
/// </summary>
internal sealed class SkippedValueCheck : IDisposable
{
    private const int ChunkBytes = 1 << 20;
    /// <summary>Values smaller than this are checked on the reading thread: a thread of their own would cost more.</summary>
    private const int AsideBytes = 1 << 20;
    private static readonly JsonReaderOptions Options = new() { MaxDepth = JsonTokenStream.MaxDepth - 1, CommentHandling = JsonCommentHandling.Disallow };

    private readonly SafeFileHandle? _file;
    private readonly ReadOnlyMemory<byte> _memory;
    private readonly CancellationToken _cancellation;
    private readonly List<Task<bool>> _checks = [];

    private SkippedValueCheck(SafeFileHandle? file, ReadOnlyMemory<byte> memory, CancellationToken cancellation)
    {
        _file = file;
        _memory = memory;
        _cancellation = cancellation;
    }

    /// <summary>A checker reading <paramref name="input"/> at offsets, or null when it cannot be read so (skip by tokens then).</summary>
    public static SkippedValueCheck? For(Stream input, CancellationToken cancellation)
    {
        if (Environment.ProcessorCount < 2) return null;
        if (input is MemoryStream memory && memory.TryGetBuffer(out var bytes)) return new SkippedValueCheck(null, bytes, cancellation);
        if (input is not FileStream { CanSeek: true } file) return null;
        try
        {
            // A handle of its own: reading at offsets on it leaves the reader's position alone.
            return new SkippedValueCheck(File.OpenHandle(file.Name, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete), default, cancellation);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>Starts checking the value of <paramref name="length"/> bytes at <paramref name="offset"/> (a small one is checked at once).</summary>
    public void Start(long offset, long length)
    {
        if (length < AsideBytes)
        {
            if (!IsOneValue(offset, length)) throw new Invalid();
            return;
        }
        _checks.Add(Task.Factory.StartNew(() => IsOneValue(offset, length), _cancellation, TaskCreationOptions.LongRunning, TaskScheduler.Default));
    }

    /// <summary>Waits for the checks; throws <see cref="Invalid"/> when a skipped value is not valid JSON.</summary>
    public void Confirm()
    {
        foreach (var check in _checks)
        {
            if (!check.GetAwaiter().GetResult()) throw new Invalid();
        }
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private bool IsOneValue(long offset, long length)
    {
        var state = new JsonReaderState(Options);
        byte[]? rented = null;
        try
        {
            var done = 0L;
            var carried = 0;
            while (true)
            {
                _cancellation.ThrowIfCancellationRequested();
                ReadOnlySpan<byte> chunk;
                bool final;
                if (_file is null)
                {
                    // In memory: the whole value at once.
                    chunk = _memory.Span.Slice((int)offset, (int)length);
                    final = true;
                }
                else
                {
                    rented ??= ArrayPool<byte>.Shared.Rent(ChunkBytes);
                    var want = (int)Math.Min(rented.Length - carried, length - done);
                    var n = want == 0 ? 0 : RandomAccess.Read(_file, rented.AsSpan(carried, want), offset + done);
                    if (n == 0 && want > 0) return false;
                    done += n;
                    final = done == length;
                    chunk = rented.AsSpan(0, carried + n);
                }
                var reader = new Utf8JsonReader(chunk, final, state);
                while (reader.Read()) { }
                if (final) return reader.BytesConsumed == chunk.Length && reader.CurrentDepth == 0 && reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray;
                state = reader.CurrentState;
                // The incomplete token at the chunk's end moves to the front for the next read.
                carried = chunk.Length - (int)reader.BytesConsumed;
                if (carried == rented!.Length)
                {
                    // One token longer than the buffer: a larger one.
                    var larger = ArrayPool<byte>.Shared.Rent(rented.Length * 2);
                    rented.AsSpan(0, carried).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(rented);
                    rented = larger;
                }
                else chunk[(int)reader.BytesConsumed..].CopyTo(rented);
            }
        }
        catch (JsonException)
        {
            return false;
        }
        catch (IOException)
        {
            return false;
        }
        finally
        {
            if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>Waits for every check (their results are no longer needed) and closes the input.</summary>
    public void Dispose()
    {
        foreach (var check in _checks)
        {
            try { check.Wait(); }
            catch (AggregateException) { }
        }
        _checks.Clear();
        _file?.Dispose();
    }

    /// <summary>A skipped value is not valid JSON: the input is read again token by token, which reports the problem where it lies.</summary>
    public sealed class Invalid : Exception;
}
