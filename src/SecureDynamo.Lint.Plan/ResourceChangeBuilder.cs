using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using SecureDynamo.Lint.Plan.Json;

namespace SecureDynamo.Lint.Plan;

/// <summary>
/// Builds <see cref="ResourceChange"/>s from captured entries on a second core while the stream
/// reads on: reading and building overlap. One worker, first in first out, so the changes keep
/// document order; an entry that fails wins over any later error, so the message is always the
/// one of the first problem in the file, whatever the timing.
/// </summary>
internal sealed class ResourceChangeBuilder
{
    // Entries travel in batches, copied one after another into a batch buffer: a blocking queue's
    // hand-over, or an array per entry, costs more than building a small entry. The buffers go round
    // between the reader and the worker (at most the queue's length plus the two in hand).
    private const int BatchEntries = 32;
    private const int BatchBytes = 128 << 10;
    private const int QueuedBatches = 16;
    private readonly string _file;
    private readonly BlockingCollection<Batch> _queue = new(QueuedBatches);
    private readonly ConcurrentQueue<byte[]> _freeBuffers = new();
    private Batch _batch;
    private readonly Task _worker;
    private readonly ValueInterner _interner = new();
    private volatile Exception? _failure;

    public ResourceChangeBuilder(string file)
    {
        _file = file;
        _batch = NewBatch();
        _worker = Task.Factory.StartNew(Build, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    /// <summary>The built changes, in document order; complete after <see cref="Complete"/>.</summary>
    public List<ResourceChange> Changes { get; } = new();

    /// <summary>Queues a copy of <paramref name="entry"/> (the stream reuses its buffer).</summary>
    public void Add(ReadOnlyMemory<byte> entry, int line, int column)
    {
        if (_failure is { } failure) ExceptionDispatchInfo.Throw(failure);
        if (entry.Length > BatchBytes - _batch.Used) SendBatch();
        if (entry.Length > BatchBytes)
        {
            // An entry larger than a batch buffer travels alone, in an array of its own.
            _batch.Entries.Add(new Pending(entry.ToArray(), 0, entry.Length, line, column));
            SendBatch();
            return;
        }
        entry.Span.CopyTo(_batch.Buffer.AsSpan(_batch.Used));
        _batch.Entries.Add(new Pending(_batch.Buffer, _batch.Used, entry.Length, line, column));
        _batch.Used += entry.Length;
        if (_batch.Entries.Count == BatchEntries) SendBatch();
    }

    private Batch NewBatch() => new(_freeBuffers.TryDequeue(out var buffer) ? buffer : new byte[BatchBytes]);

    private void SendBatch()
    {
        if (_batch.Entries.Count == 0 || _queue.IsAddingCompleted) return;
        _queue.Add(_batch);
        _batch = NewBatch();
    }

    /// <summary>Waits for every queued entry; throws the first entry's error, if any.</summary>
    public void Complete()
    {
        Stop();
        if (_failure is { } failure) ExceptionDispatchInfo.Throw(failure);
    }

    /// <summary>
    /// The reading failed at a later point than anything queued: finish the queue and return an
    /// earlier entry's error, if one failed (it is the first problem in the file).
    /// </summary>
    public Exception? Abandon()
    {
        Stop();
        return _failure;
    }

    private void Stop()
    {
        SendBatch();
        _queue.CompleteAdding();
        _worker.Wait();
    }

    private void Build()
    {
        foreach (var batch in _queue.GetConsumingEnumerable())
        {
            foreach (var pending in batch.Entries)
            {
                if (_failure is not null) break;
                try
                {
                    using var doc = CapturedJson.Parse(pending.Bytes.AsMemory(pending.Offset, pending.Length));
                    Changes.Add(ResourceChange.From(_file, doc.RootElement, pending.Line, pending.Column, _interner));
                }
                catch (InvalidOperationException e) when (JsonProblems.IsUnpairedSurrogate(e))
                {
                    _failure = new Core.Diagnostics.InputException(_file, JsonProblems.UnpairedSurrogate, pending.Line, pending.Column);
                }
                catch (Exception e)
                {
                    _failure = e;
                }
            }
            _freeBuffers.Enqueue(batch.Buffer);
        }
    }

    private sealed class Batch(byte[] buffer)
    {
        public byte[] Buffer { get; } = buffer;
        public int Used { get; set; }
        public List<Pending> Entries { get; } = new(BatchEntries);
    }

    private readonly record struct Pending(byte[] Bytes, int Offset, int Length, int Line, int Column);
}
