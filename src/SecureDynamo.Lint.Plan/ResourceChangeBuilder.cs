using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using SecureDynamo.Lint.Plan.Json;

namespace SecureDynamo.Lint.Plan;

/// <summary>
/// Builds <see cref="ResourceChange"/>s from captured entries on a second core while the stream
/// reads on: reading and building overlap. Entries travel in numbered batches to a building
/// thread; when it falls behind (its queue is full) the reading thread builds the batch in hand
/// itself instead of waiting. The changes come back in document order, and an entry that fails
/// wins over any later error, so the message is always the one of the first problem in the file,
/// whatever the timing.
/// </summary>
internal sealed class ResourceChangeBuilder
{
    // Entries travel in batches: a blocking queue's hand-over per entry costs more than building a small
    // entry. An entry stays where the stream read it (its buffer is held until the entry is built).
    private const int BatchEntries = 32;
    private const int QueuedBatches = 16;
    private readonly string _file;
    private readonly BlockingCollection<Batch> _queue = new(QueuedBatches);
    private readonly List<Batch> _sent = [];
    private Batch _batch;
    private readonly Task _worker;
    // Interners and address parts are not thread-safe: one of each for each thread that builds.
    private readonly ValueInterner _workerInterner = new();
    private readonly ValueInterner _readerInterner = new();
    private readonly AddressParts _workerAddresses = new();
    private readonly AddressParts _readerAddresses = new();
    // The number of the first batch known to have failed (int.MaxValue: none); later batches need not be built.
    private int _firstFailed = int.MaxValue;
    private bool _stopped;

    public ResourceChangeBuilder(string file)
    {
        _file = file;
        _batch = NewBatch();
        _worker = Task.Factory.StartNew(BuildQueued, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    /// <summary>The built changes, in document order; filled by <see cref="Complete"/>.</summary>
    public List<ResourceChange> Changes { get; } = new();

    /// <summary>
    /// Queues <paramref name="entry"/>, which lies in <paramref name="holder"/>; the builder releases it once built.
    /// An entry captured by its structure alone (<paramref name="unchecked"/>) is validated as it is built: one
    /// that is not JSON fails with <see cref="SkippedValueCheck.Invalid"/> (read the input again by tokens).
    /// </summary>
    public void Add(ReadOnlyMemory<byte> entry, SharedBuffer holder, int line, int column, bool @unchecked = false) =>
        Queue(new Pending(entry, holder, line, column, @unchecked ? Work.BuildUnchecked : Work.Build));

    /// <summary>
    /// Queues an entry captured by its structure alone that is not built (no policy reads its type), only
    /// checked to be JSON that names one resource (<see cref="EntryHeader.RepeatedMember"/>), in document
    /// order with the others: off the reading thread, as building is.
    /// </summary>
    public void Check(ReadOnlyMemory<byte> entry, SharedBuffer holder) => Queue(new Pending(entry, holder, 0, 0, Work.Check));

    private void Queue(Pending pending)
    {
        if (Volatile.Read(ref _firstFailed) != int.MaxValue)
        {
            pending.Holder.Release();
            // Some entry failed: the first failure in document order is the error, once every earlier entry is built.
            Stop();
            ExceptionDispatchInfo.Throw(FirstFailure()!);
        }
        _batch.Entries.Add(pending);
        if (_batch.Entries.Count == BatchEntries) SendBatch();
    }

    private Batch NewBatch() => new(_sent.Count);

    private void SendBatch()
    {
        if (_batch.Entries.Count == 0 || _stopped) return;
        _sent.Add(_batch);
        // The building thread is behind: build this batch here rather than wait for room in its queue.
        if (!_queue.TryAdd(_batch)) Build(_batch, _readerInterner, _readerAddresses);
        _batch = NewBatch();
    }

    /// <summary>Waits for every queued entry; throws the first entry's error, if any.</summary>
    public void Complete()
    {
        Stop();
        if (FirstFailure() is { } failure) ExceptionDispatchInfo.Throw(failure);
        Changes.Capacity = _sent.Sum(b => b.Built.Count);
        foreach (var batch in _sent) Changes.AddRange(batch.Built);
    }

    /// <summary>
    /// The reading failed at a later point than anything queued: finish the queue and return an
    /// earlier entry's error, if one failed (it is the first problem in the file).
    /// </summary>
    public Exception? Abandon()
    {
        Stop();
        return FirstFailure();
    }

    private void Stop()
    {
        if (_stopped) return;
        SendBatch();
        _stopped = true;
        _queue.CompleteAdding();
        _worker.Wait();
    }

    private Exception? FirstFailure() => _sent.FirstOrDefault(b => b.Failure is not null)?.Failure;

    private void BuildQueued()
    {
        foreach (var batch in _queue.GetConsumingEnumerable()) Build(batch, _workerInterner, _workerAddresses);
    }

    private void Build(Batch batch, ValueInterner interner, AddressParts addresses)
    {
        var built = 0;
        try
        {
            foreach (var pending in batch.Entries)
            {
                // A batch after one that failed is not needed: only the first failure is reported.
                if (batch.Number > Volatile.Read(ref _firstFailed)) break;
                try
                {
                    if (pending.Work == Work.Check)
                    {
                        // Not JSON, or a member that says which resource it is written twice: read again by tokens, which says where.
                        if (EntryHeader.RepeatedMember(pending.Bytes.Span) is not null) throw new SkippedValueCheck.Invalid();
                        continue;
                    }
                    using var doc = CapturedJson.ParseItem(pending.Bytes);
                    batch.Built.Add(ResourceChange.From(_file, doc.RootElement, pending.Line, pending.Column, interner, addresses));
                }
                catch (System.Text.Json.JsonException) when (pending.Work != Work.Build)
                {
                    Fail(batch, new SkippedValueCheck.Invalid());
                    break;
                }
                catch (InvalidOperationException e) when (JsonProblems.IsUnpairedSurrogate(e))
                {
                    // Reported where the escape is (System.Text.Json does not say), else at the entry.
                    var at = JsonProblems.UnpairedSurrogateAt(pending.Bytes.Span);
                    var (line, column) = at < 0 ? (pending.Line, pending.Column) : TextPosition.Of(pending.Bytes.Span, at, pending.Line, pending.Column);
                    Fail(batch, new Core.Diagnostics.InputException(_file, JsonProblems.UnpairedSurrogate, line, column));
                    break;
                }
                catch (Exception e)
                {
                    Fail(batch, e);
                    break;
                }
                finally
                {
                    pending.Holder.Release();
                    built++;
                }
            }
        }
        finally
        {
            // Entries not built (after a failure) give their buffers back too.
            for (var i = built; i < batch.Entries.Count; i++) batch.Entries[i].Holder.Release();
            batch.Entries.Clear();
        }
    }

    private void Fail(Batch batch, Exception error)
    {
        batch.Failure = error;
        int seen;
        while (batch.Number < (seen = Volatile.Read(ref _firstFailed)) && Interlocked.CompareExchange(ref _firstFailed, batch.Number, seen) != seen) { }
    }

    private sealed class Batch(int number)
    {
        public int Number { get; } = number;
        public List<Pending> Entries { get; } = new(BatchEntries);
        public List<ResourceChange> Built { get; } = new(BatchEntries);
        // Written by the thread that built the batch; read after that thread is done (Stop waits for it).
        public Exception? Failure { get; set; }
    }

    private enum Work
    {
        /// <summary>Build an entry the stream has read token by token (valid JSON).</summary>
        Build,
        /// <summary>Build an entry found by its structure alone, validating it.</summary>
        BuildUnchecked,
        /// <summary>Only check that an entry found by its structure alone is JSON.</summary>
        Check,
    }

    private readonly record struct Pending(ReadOnlyMemory<byte> Bytes, SharedBuffer Holder, int Line, int Column, Work Work);
}
