using System.Buffers;
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
    // Entries travel in batches: a blocking queue's hand-over costs more than building a small entry.
    private const int BatchEntries = 32;
    private const int QueuedBatches = 16;
    private readonly string _file;
    private readonly BlockingCollection<List<Pending>> _queue = new(QueuedBatches);
    private List<Pending> _batch = new(BatchEntries);
    private readonly Task _worker;
    private readonly ValueInterner _interner = new();
    private volatile Exception? _failure;

    public ResourceChangeBuilder(string file)
    {
        _file = file;
        _worker = Task.Factory.StartNew(Build, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    /// <summary>The built changes, in document order; complete after <see cref="Complete"/>.</summary>
    public List<ResourceChange> Changes { get; } = new();

    /// <summary>Queues a copy of <paramref name="entry"/> (the stream reuses its buffer).</summary>
    public void Add(ReadOnlyMemory<byte> entry, int line, int column)
    {
        if (_failure is { } failure) ExceptionDispatchInfo.Throw(failure);
        var copy = ArrayPool<byte>.Shared.Rent(entry.Length);
        entry.Span.CopyTo(copy);
        _batch.Add(new Pending(copy, entry.Length, line, column));
        if (_batch.Count == BatchEntries) SendBatch();
    }

    private void SendBatch()
    {
        if (_batch.Count == 0 || _queue.IsAddingCompleted) return;
        _queue.Add(_batch);
        _batch = new List<Pending>(BatchEntries);
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
        foreach (var pending in _queue.GetConsumingEnumerable().SelectMany(batch => batch))
        {
            try
            {
                if (_failure is not null) continue;
                using var doc = CapturedJson.Parse(pending.Bytes.AsMemory(0, pending.Length));
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
            finally
            {
                ArrayPool<byte>.Shared.Return(pending.Bytes);
            }
        }
    }

    private readonly record struct Pending(byte[] Bytes, int Length, int Line, int Column);
}
