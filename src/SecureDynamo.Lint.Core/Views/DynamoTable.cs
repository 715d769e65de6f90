using SecureDynamo.Lint.Core.Graph;
using SecureDynamo.Lint.Core.Values;

namespace SecureDynamo.Lint.Core.Views;

/// <summary>
/// A typed view of an <c>aws_dynamodb_table</c>: where each security setting lives, its billing
/// mode, global secondary indexes and replica blocks. Values are read from the planned state;
/// resolve unknowns with <c>ReferenceResolver.Effective</c> on the paths given here.
/// </summary>
public sealed class DynamoTable
{
    public const string ResourceType = "aws_dynamodb_table";

    public static readonly AttributePath Name = AttributePath.Of("name");
    public static readonly AttributePath BillingMode = AttributePath.Of("billing_mode");
    public static readonly AttributePath ReadCapacity = AttributePath.Of("read_capacity");
    public static readonly AttributePath WriteCapacity = AttributePath.Of("write_capacity");
    public static readonly AttributePath SseEnabled = AttributePath.Of("server_side_encryption", 0, "enabled");
    public static readonly AttributePath SseKey = AttributePath.Of("server_side_encryption", 0, "kms_key_arn");
    public static readonly AttributePath PitrEnabled = AttributePath.Of("point_in_time_recovery", 0, "enabled");
    public static readonly AttributePath PitrPeriod = AttributePath.Of("point_in_time_recovery", 0, "recovery_period_in_days");
    public static readonly AttributePath DeletionProtection = AttributePath.Of("deletion_protection_enabled");
    public static readonly AttributePath StreamEnabled = AttributePath.Of("stream_enabled");
    public static readonly AttributePath StreamViewType = AttributePath.Of("stream_view_type");
    public static readonly AttributePath TtlEnabled = AttributePath.Of("ttl", 0, "enabled");
    public static readonly AttributePath TtlAttribute = AttributePath.Of("ttl", 0, "attribute_name");
    public static readonly AttributePath Tags = AttributePath.Of("tags");

    public DynamoTable(Resource resource)
    {
        if (resource.Type != ResourceType) throw new ArgumentException($"{resource.Address} is not an {ResourceType}", nameof(resource));
        Resource = resource;
    }

    public Resource Resource { get; }

    /// <summary>The table name when known at plan time.</summary>
    public string? KnownName => Resource.Get(Name).AsString();

    /// <summary>True for PROVISIONED (also when billing_mode is absent), false for PAY_PER_REQUEST, null when unknown.</summary>
    public bool? IsProvisioned
    {
        get
        {
            var mode = Resource.Get(BillingMode);
            if (mode.IsUnknown) return null;
            return mode.AsString() is null or "" or "PROVISIONED";
        }
    }

    /// <summary>The global secondary indexes declared in the planned state.</summary>
    public IReadOnlyList<TableIndex> GlobalSecondaryIndexes => Blocks("global_secondary_index")
        .Select((b, i) => new TableIndex(i, b.Get("name").AsString(), AttributePath.Of("global_secondary_index", i))).ToArray();

    /// <summary>The <c>replica</c> blocks (global table replicas managed by this table).</summary>
    public IReadOnlyList<TableReplica> Replicas => Blocks("replica")
        .Select((b, i) => new TableReplica(i, b.Get("region_name").AsString(), AttributePath.Of("replica", i))).ToArray();

    /// <summary>Whether the list of <paramref name="block"/> is itself unknown at plan time.</summary>
    public bool BlocksUnknown(string block) => Resource.After.Get(block).IsUnknown;

    private IReadOnlyList<Value> Blocks(string name)
    {
        var list = Resource.After.Get(name);
        return list.Kind == ValueKind.List ? list.Items : Array.Empty<Value>();
    }
}

/// <summary>A global secondary index of a table: its position and name.</summary>
public sealed record TableIndex(int Index, string? Name, AttributePath Path)
{
    public AttributePath ReadCapacity => Path.Append("read_capacity");
    public AttributePath WriteCapacity => Path.Append("write_capacity");
}

/// <summary>A <c>replica</c> block of a table: its position, region and where its key and PITR flag live.</summary>
public sealed record TableReplica(int Index, string? Region, AttributePath Path)
{
    public AttributePath KmsKey => Path.Append("kms_key_arn");
    public AttributePath PointInTimeRecovery => Path.Append("point_in_time_recovery");
}
