using System.Collections.Concurrent;

namespace SecureDynamo.Lint.Plan.Json;

/// <summary>
/// A read buffer of <see cref="JsonTokenStream"/> that captured values may keep using after the
/// stream has moved on: each holder (the stream itself, and every value handed to another thread)
/// counts as one reference, and the bytes are only written again once the last one is released.
/// This lets a value travel to the building thread as it lies in the buffer, without a copy.
/// </summary>
internal sealed class SharedBuffer
{
    private readonly ConcurrentQueue<SharedBuffer>? _pool;
    private int _references = 1;

    private SharedBuffer(byte[] bytes, ConcurrentQueue<SharedBuffer>? pool)
    {
        Bytes = bytes;
        _pool = pool;
    }

    public byte[] Bytes { get; }

    /// <summary>A buffer of <paramref name="size"/> bytes held once by the caller: from <paramref name="pool"/> when it has one that size.</summary>
    public static SharedBuffer Take(int size, ConcurrentQueue<SharedBuffer> pool)
    {
        if (pool.TryDequeue(out var buffer) && buffer.Bytes.Length == size)
        {
            buffer._references = 1;
            return buffer;
        }
        return new SharedBuffer(new byte[size], pool);
    }

    /// <summary>Whether anyone but the stream still reads it (the stream must not write into it then).</summary>
    public bool IsShared => Volatile.Read(ref _references) > 1;

    public void Retain() => Interlocked.Increment(ref _references);

    /// <summary>Drops one reference; the last one gives the buffer back to its pool.</summary>
    public void Release()
    {
        if (Interlocked.Decrement(ref _references) == 0) _pool?.Enqueue(this);
    }
}
