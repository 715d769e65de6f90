using System.Text;
using SecureDynamo.Lint.Core.Graph;
using SecureDynamo.Lint.Plan;
using SecureDynamo.Lint.Tests.Robustness;

namespace SecureDynamo.Lint.Tests.Plan;

/// <summary>What the streaming reader keeps, skips and counts.</summary>
public sealed class StreamingPlanReaderTests
{
    private static readonly PlanReadOptions TablesOnly = new(new HashSet<string> { "aws_dynamodb_table" });

    private static ResourceGraph Read(string json, PlanReadOptions? options = null) =>
        PlanReader.Read("plan.json", new MemoryStream(Encoding.UTF8.GetBytes(json)), options ?? TablesOnly);

    [Fact]
    public void Counts_every_managed_resource_but_builds_only_the_types_asked_for()
    {
        var data = Plans.Quote("{'address':'data.aws_region.r','mode':'data','type':'aws_region','name':'r','change':{'actions':['read'],'after':{}}}");
        var deposed = Plans.BucketChange.Replace("\"provider_name\"", "\"deposed\":\"abc\",\"provider_name\"");

        var graph = Read(Plans.Valid(string.Join(",", Plans.TableChange, Plans.BucketChange, deposed, data)));

        Assert.Equal(["aws_dynamodb_table.t"], graph.Resources.Select(r => r.Address.ToString()));
        Assert.Equal(2, graph.ManagedResourceCount);
    }

    [Fact]
    public void An_address_written_with_escapes_is_counted_as_the_same_address()
    {
        // Skipped entries are counted by a hash of their address text: "aws_s3_bucket.\u0062" is aws_s3_bucket.b.
        var deposed = Plans.BucketChange.Replace("\"provider_name\"", "\"deposed\":\"abc\",\"provider_name\"").Replace("\"aws_s3_bucket.b\"", "\"aws_s3_bucket.\\u0062\"");
        var other = Plans.BucketChange.Replace("\"aws_s3_bucket.b\"", "\"aws_s3_bucket.c\"");

        var graph = Read(Plans.Valid(string.Join(",", Plans.TableChange, Plans.BucketChange, deposed, other)));

        Assert.Equal(3, graph.ManagedResourceCount);
    }

    [Fact]
    public void Entries_of_every_size_keep_their_document_order()
    {
        // Small entries are built from the stream's buffers, which go round once built; one larger than a buffer (64 KiB)
        // makes the stream take a larger one while earlier entries still read the smaller.
        string Table(string name, int padding) => Plans.Quote(
            "{'address':'aws_dynamodb_table." + name + "','mode':'managed','type':'aws_dynamodb_table','name':'" + name + "'," +
            "'change':{'actions':['create'],'before':null,'after':{'name':'" + name + "','tags':{'pad':'" + new string('x', padding) + "'}}}}");
        var entries = Enumerable.Range(0, 100).Select(i => Table($"t{i:D3}", i == 50 ? 300_000 : i % 7 * 1000)).ToList();

        var graph = Read(Plans.Valid(string.Join(",", entries)));

        Assert.Equal(entries.Count, graph.Resources.Count);
        Assert.Equal(Enumerable.Range(0, 100).Select(i => $"aws_dynamodb_table.t{i:D3}"), graph.Resources.Select(r => r.Address.ToString()));
        Assert.Equal(300_000, graph.Resources[50].After.Get("tags").Get("pad").AsString()!.Length);
    }

    [Fact]
    public void The_first_broken_entry_in_the_file_is_the_error_whichever_thread_builds_it()
    {
        // Thousands of entries fill the building thread's queue, so the reading thread builds batches too; two entries
        // are broken, and the message must always name the first of them.
        string Table(int i, bool broken) => Plans.Quote(
            "{'address':'aws_dynamodb_table.t" + i + "','mode':'managed','type':'aws_dynamodb_table','name':'t" + i + "'," +
            "'change':{'actions':['create'],'before':null,'after':" + (broken ? "42" : "{'name':'t" + i + "','tags':{'n':'" + i + "'}}") + "}}");
        var json = Plans.Valid(string.Join(",", Enumerable.Range(0, 4000).Select(i => Table(i, i is 2900 or 3700))));
        for (var run = 0; run < 5; run++)
        {
            var error = Assert.Throws<SecureDynamo.Lint.Core.Diagnostics.InputException>(() => Read(json));
            Assert.Contains("resource change aws_dynamodb_table.t2900: \"change.after\" must be an object or null", error.Message, StringComparison.Ordinal);
        }
        var good = Read(Plans.Valid(string.Join(",", Enumerable.Range(0, 4000).Select(i => Table(i, false)))));
        Assert.Equal(Enumerable.Range(0, 4000).Select(i => $"aws_dynamodb_table.t{i}"), good.Resources.Select(r => r.Address.ToString()));
        // Each value is built from its own bytes, although the buffers they lay in were read into again since.
        Assert.Equal(Enumerable.Range(0, 4000).Select(i => $"{i}"), good.Resources.Select(r => r.After.Get("tags").Get("n").AsString()));
    }

    [Fact]
    public void An_entry_is_read_whatever_the_order_of_its_keys()
    {
        // "change" first and "type" last: Terraform never writes this, the reader must still get it right.
        var reordered = Plans.Quote(
            "{'change':{'after_unknown':{'arn':true},'after':{'name':'orders'},'actions':['create'],'before':null},'name':'t','address':'aws_dynamodb_table.t','mode':'managed','type':'aws_dynamodb_table'}");

        var table = Assert.Single(Read(Plans.Valid(reordered)).Resources);

        Assert.Equal("orders", table.After.Get("name").AsString());
        Assert.True(table.After.Get("arn").IsUnknown);
        Assert.Equal(PlannedAction.Create, table.Action);
    }

    [Fact]
    public void Planned_values_are_read_only_when_there_are_no_resource_changes()
    {
        var planned = Plans.Quote(
            "'planned_values':{'root_module':{'resources':[{'address':'aws_dynamodb_table.p','mode':'managed','type':'aws_dynamodb_table','name':'p','values':{'name':'planned'}}," +
            "{'address':'aws_s3_bucket.b','mode':'managed','type':'aws_s3_bucket','name':'b','values':{}}],'child_modules':[{'resources':[" +
            "{'address':'module.m.aws_dynamodb_table.q','mode':'managed','type':'aws_dynamodb_table','name':'q','values':{'name':'nested'}}]}]}}");
        var withoutChanges = "{\"format_version\":\"0.1\"," + planned + ",\"configuration\":{\"root_module\":{}}}";
        var withChanges = "{\"format_version\":\"1.2\"," + planned + ",\"resource_changes\":[" + Plans.TableChange + "]}";

        var old = Read(withoutChanges);
        var current = Read(withChanges);

        Assert.Equal(["aws_dynamodb_table.p", "module.m.aws_dynamodb_table.q"], old.Resources.Select(r => r.Address.ToString()));
        Assert.All(old.Resources, r => Assert.Equal(PlannedAction.NoOp, r.Action));
        Assert.Equal(3, old.ManagedResourceCount);
        Assert.Equal(["aws_dynamodb_table.t"], current.Resources.Select(r => r.Address.ToString()));
    }

    [Fact]
    public void A_refresh_only_plan_is_judged_on_the_resources_of_prior_state_it_keeps()
    {
        // terraform plan -refresh-only: no resource_changes, an empty planned_values, the refreshed resources in prior_state.
        var prior = Plans.Quote(
            "'prior_state':{'format_version':'1.0','values':{'root_module':{'resources':[" +
            "{'address':'aws_dynamodb_table.kept','mode':'managed','type':'aws_dynamodb_table','name':'kept','values':{'name':'kept'}}," +
            "{'address':'aws_s3_bucket.b','mode':'managed','type':'aws_s3_bucket','name':'b','values':{}}," +
            "{'address':'data.aws_region.r','mode':'data','type':'aws_region','name':'r','values':{'name':'eu-west-1'}}]}}}");
        var refreshOnly = "{\"format_version\":\"1.2\",\"planned_values\":{\"root_module\":{}}," + prior + ",\"configuration\":{\"root_module\":{}}}";
        // A plan whose changes hold nothing of prior_state's managed resources keeps to its changes.
        var withChanges = "{\"format_version\":\"1.2\",\"planned_values\":{\"root_module\":{}},\"resource_changes\":[" + Plans.TableChange + "]," + prior + "}";

        var graph = Read(refreshOnly);
        var changed = Read(withChanges);

        var kept = Assert.Single(graph.Resources);
        Assert.Equal("aws_dynamodb_table.kept", kept.Address.ToString());
        Assert.Equal(PlannedAction.NoOp, kept.Action);
        Assert.Equal("kept", kept.After.Get("name").AsString());
        Assert.Equal(2, graph.ManagedResourceCount);
        Assert.Contains(graph.Warnings, w => w.Contains("refresh-only plan", StringComparison.Ordinal));
        Assert.Equal(["aws_dynamodb_table.t"], changed.Resources.Select(r => r.Address.ToString()));
        Assert.Empty(changed.Warnings);
    }

    [Fact]
    public void Declarations_of_unread_types_keep_their_address_so_references_to_them_resolve()
    {
        var configuration = Plans.Quote(
            "{'root_module':{'resources':[" +
            "{'address':'aws_dynamodb_table.t','mode':'managed','type':'aws_dynamodb_table','name':'t','provider_config_key':'aws','expressions':{'name':{'constant_value':'orders'}}}," +
            "{'address':'aws_s3_bucket.b','mode':'managed','type':'aws_s3_bucket','name':'b','provider_config_key':'aws','expressions':{'bucket':{'constant_value':'logs'}}}]}}");

        var root = Read(Plans.Valid(configuration: configuration)).Root!;

        Assert.Equal("orders", root.Resources["aws_dynamodb_table.t"].Body.Attributes["name"].Constant?.AsString());
        var bucket = root.Resources["aws_s3_bucket.b"];
        Assert.Equal(("aws_s3_bucket", "aws"), (bucket.Type, bucket.ProviderConfigKey));
        Assert.Empty(bucket.Body.Attributes);
    }

    [Fact]
    public void Locations_count_lines_and_columns_of_pretty_printed_plans()
    {
        var json = "{\n  \"format_version\": \"1.2\",\n  \"resource_changes\": [\n    " + Plans.BucketChange + ",\n    " + Plans.TableChange + "\n  ]\n}";

        var table = Assert.Single(Read(json).Resources);

        Assert.Equal((5, 5), (table.Location!.Start.Line, table.Location.Start.Column));
    }

    [Fact]
    public void Pipes_and_utf16_files_read_like_files()
    {
        var json = Plans.Valid();
        var fromPipe = PlanReader.Read("pipe", new NonSeekableStream(Encoding.UTF8.GetBytes(json)), TablesOnly);
        var utf16 = PlanReader.Read("utf16.json", new MemoryStream([.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(json)]), TablesOnly);

        Assert.Equal(["aws_dynamodb_table.t"], fromPipe.Resources.Select(r => r.Address.ToString()));
        Assert.Equal(["aws_dynamodb_table.t"], utf16.Resources.Select(r => r.Address.ToString()));
    }

    [Fact]
    public void A_cancelled_read_stops_with_operation_cancelled()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => Read(Plans.Valid(), TablesOnly with { Cancellation = cancelled.Token }));
    }

    private sealed class NonSeekableStream(byte[] bytes) : Stream
    {
        private readonly MemoryStream _inner = new(bytes);
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, Math.Min(count, 7));
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
