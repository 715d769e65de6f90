using System.Text;
using SecureDynamo.Lint.Core.Diagnostics;
using SecureDynamo.Lint.Plan;
using SecureDynamo.Lint.Tests.Support;

namespace SecureDynamo.Lint.Tests.Robustness;

/// <summary>Inputs far larger than memory should allow: refused or streamed, never loaded whole.</summary>
public sealed class HugeInputTests : IDisposable
{
    private const long TwoGigabytes = 2L << 30;
    private readonly TempInput _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_2_GB_file_is_streamed_and_refused_at_its_first_bad_byte_without_being_loaded()
    {
        // A sparse file: a plan's first bytes, then 2 GB of zeros that take no disk space.
        var prefix = "{\"format_version\":\"1.2\",\"resource_changes\":[";
        var path = _temp.Path("huge.json");
        using (var file = new FileStream(path, FileMode.Create))
        {
            file.Write(Encoding.UTF8.GetBytes(prefix));
            file.SetLength(TwoGigabytes);
        }
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();

        var run = CliRun.InProcess("scan", path);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"securedynamo: {path}:1:{prefix.Length + 1}: invalid JSON: ", run.Stderr);
        Assert.InRange(GC.GetAllocatedBytesForCurrentThread() - allocatedBefore, 0, 32L << 20);
    }

    [Fact]
    public void A_single_value_larger_than_the_buffer_limit_is_refused_instead_of_buffered()
    {
        using var stream = new EndlessStringStream("{\"format_version\":\"1.2\",\"terraform_version\":\"", TwoGigabytes);

        var error = Assert.Throws<InputException>(() => PlanReader.Read("endless.json", stream));

        Assert.Equal("endless.json:1:45: a single JSON value is larger than 64 MiB; not a Terraform document this tool reads", error.Message);
        Assert.InRange(stream.Position, 64L << 20, 80L << 20);
    }

    /// <summary>A seekable stream of <c>length</c> bytes: a prefix, then the letter a forever (one endless JSON string).</summary>
    private sealed class EndlessStringStream(string prefix, long length) : Stream
    {
        private readonly byte[] _prefix = Encoding.UTF8.GetBytes(prefix);

        public override bool CanRead => true;
        public override bool CanSeek => true;
        public override bool CanWrite => false;
        public override long Length => length;
        public override long Position { get; set; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, Length - Position);
            for (var i = 0; i < n; i++)
            {
                var at = Position + i;
                buffer[offset + i] = at < _prefix.Length ? _prefix[at] : (byte)'a';
            }
            Position += n;
            return n;
        }

        public override long Seek(long offset, SeekOrigin origin) => Position = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => Position + offset,
            _ => Length + offset,
        };

        public override void Flush() { }
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
