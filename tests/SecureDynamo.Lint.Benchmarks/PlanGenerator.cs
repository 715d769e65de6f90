using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace SecureDynamo.Lint.Benchmarks;

/// <summary>
/// Writes a large, realistic <c>terraform show -json</c> plan: DynamoDB tables created by
/// for_each module instances (each with its KMS key and two autoscaling targets, encryption keys
/// unknown at plan time), and unrelated S3 buckets, IAM roles, EC2 instances and security groups in
/// the root module. Every resource appears in planned_values and resource_changes, with its
/// after_unknown and after_sensitive shadows, and in the configuration, as Terraform writes them.
/// </summary>
public static class PlanGenerator
{
    private const int TableModules = 6;
    private static readonly string[] UnrelatedTypes = ["aws_s3_bucket", "aws_iam_role", "aws_instance", "aws_security_group"];

    public static void Write(string path, PlanShape shape)
    {
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        using var w = new Utf8JsonWriter(file, new JsonWriterOptions { SkipValidation = true });
        w.WriteStartObject();
        w.WriteString("format_version", "1.2");
        w.WriteString("terraform_version", "1.9.5");
        w.WriteStartObject("variables");
        w.WriteStartObject("environment"); w.WriteString("value", "prod"); w.WriteEndObject();
        w.WriteEndObject();

        w.WriteStartObject("planned_values");
        w.WriteStartObject("root_module");
        w.WriteStartArray("resources");
        foreach (var r in Unrelated(shape)) { w.WriteStartObject(); WriteStateHeader(w, r); w.WritePropertyName("values"); Sorted(w, s => WriteUnrelatedAfter(s, r)); w.WriteStartObject("sensitive_values"); w.WriteEndObject(); w.WriteEndObject(); }
        w.WriteEndArray();
        w.WriteStartArray("child_modules");
        foreach (var t in Tables(shape))
        {
            w.WriteStartObject();
            w.WriteString("address", t.Module);
            w.WriteStartArray("resources");
            foreach (var r in t.Resources) { w.WriteStartObject(); WriteStateHeader(w, r); w.WritePropertyName("values"); Sorted(w, s => WriteTableModuleAfter(s, r, t)); w.WriteStartObject("sensitive_values"); w.WriteEndObject(); w.WriteEndObject(); }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();

        w.WriteStartArray("resource_changes");
        foreach (var r in Unrelated(shape)) WriteChange(w, r, s => WriteUnrelatedAfter(s, r), s => WriteUnrelatedUnknown(s, r));
        foreach (var t in Tables(shape))
        {
            foreach (var r in t.Resources) WriteChange(w, r, s => WriteTableModuleAfter(s, r, t), s => WriteTableModuleUnknown(s, r));
        }
        w.WriteEndArray();

        w.WriteStartObject("prior_state");
        w.WriteString("format_version", "1.0");
        w.WriteString("terraform_version", "1.9.5");
        w.WriteStartObject("values");
        w.WriteStartObject("root_module");
        w.WriteStartArray("resources");
        w.WriteStartObject();
        w.WriteString("address", "data.aws_caller_identity.current"); w.WriteString("mode", "data"); w.WriteString("type", "aws_caller_identity");
        w.WriteString("name", "current"); w.WriteString("provider_name", "registry.terraform.io/hashicorp/aws"); w.WriteNumber("schema_version", 0);
        w.WriteStartObject("values"); w.WriteString("account_id", "123456789012"); w.WriteString("arn", "arn:aws:iam::123456789012:user/ci"); w.WriteString("id", "123456789012"); w.WriteString("user_id", "AIDAEXAMPLE"); w.WriteEndObject();
        w.WriteStartObject("sensitive_values"); w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();

        WriteConfiguration(w, shape);
        w.WriteString("timestamp", "2025-06-01T12:00:00Z");
        w.WriteBoolean("applyable", true);
        w.WriteBoolean("complete", true);
        w.WriteBoolean("errored", false);
        w.WriteEndObject();
    }

    private sealed record Instance(string Module, string Type, string Name, string? Key, int Number)
    {
        public string Address => (Module.Length > 0 ? Module + "." : "") + $"{Type}.{Name}" + (Key is null ? "" : $"[\"{Key}\"]");
    }

    private sealed record TableModule(string Module, string Call, string Key, int Number, Instance[] Resources);

    private static IEnumerable<Instance> Unrelated(PlanShape shape)
    {
        var count = Math.Max(0, shape.UnrelatedResources - 2 * shape.Tables);
        for (var i = 0; i < count; i++)
        {
            var type = UnrelatedTypes[i % UnrelatedTypes.Length];
            yield return new Instance("", type, "svc", $"svc-{i:D6}", i);
        }
    }

    private static IEnumerable<TableModule> Tables(PlanShape shape)
    {
        for (var i = 0; i < shape.Tables; i++)
        {
            var call = $"tables_{i % TableModules}";
            var key = $"t-{i:D5}";
            var module = $"module.{call}[\"{key}\"]";
            yield return new TableModule(module, call, key, i,
            [
                new(module, "aws_dynamodb_table", "this", null, i),
                new(module, "aws_kms_key", "this", null, i),
                new(module, "aws_appautoscaling_target", "read", null, i),
                new(module, "aws_appautoscaling_target", "write", null, i),
            ]);
        }
    }

    private static void WriteStateHeader(Utf8JsonWriter w, Instance r)
    {
        w.WriteString("address", r.Address);
        w.WriteString("mode", "managed");
        w.WriteString("type", r.Type);
        w.WriteString("name", r.Name);
        if (r.Key is not null) w.WriteString("index", r.Key);
        w.WriteString("provider_name", "registry.terraform.io/hashicorp/aws");
        w.WriteNumber("schema_version", 0);
    }

    [ThreadStatic] private static ArrayBufferWriter<byte>? _scratch;

    /// <summary>
    /// Writes the value <paramref name="write"/> makes with every object's keys in ordinal order, as Terraform writes
    /// resource values and their shadows (Go's encoding/json sorts map keys; every <c>after</c> object of the
    /// conformance corpus's real plans is sorted): readers may rely on it, so the benchmark's input does too.
    /// </summary>
    private static void Sorted(Utf8JsonWriter w, Action<Utf8JsonWriter> write)
    {
        var scratch = _scratch ??= new ArrayBufferWriter<byte>(1 << 12);
        scratch.ResetWrittenCount();
        using (var temp = new Utf8JsonWriter(scratch, new JsonWriterOptions { SkipValidation = true })) write(temp);
        using var doc = JsonDocument.Parse(scratch.WrittenMemory);
        WriteSorted(w, doc.RootElement);
    }

    private static void WriteSorted(Utf8JsonWriter w, JsonElement e)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                w.WriteStartObject();
                foreach (var p in e.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    w.WritePropertyName(p.Name);
                    WriteSorted(w, p.Value);
                }
                w.WriteEndObject();
                break;
            case JsonValueKind.Array:
                w.WriteStartArray();
                foreach (var item in e.EnumerateArray()) WriteSorted(w, item);
                w.WriteEndArray();
                break;
            default:
                e.WriteTo(w);
                break;
        }
    }

    private static void WriteChange(Utf8JsonWriter w, Instance r, Action<Utf8JsonWriter> after, Action<Utf8JsonWriter> afterUnknown)
    {
        w.WriteStartObject();
        w.WriteString("address", r.Address);
        if (r.Module.Length > 0) w.WriteString("module_address", r.Module);
        w.WriteString("mode", "managed");
        w.WriteString("type", r.Type);
        w.WriteString("name", r.Name);
        if (r.Key is not null) w.WriteString("index", r.Key);
        w.WriteString("provider_name", "registry.terraform.io/hashicorp/aws");
        w.WriteStartObject("change");
        w.WriteStartArray("actions"); w.WriteStringValue("create"); w.WriteEndArray();
        w.WriteNull("before");
        w.WritePropertyName("after"); Sorted(w, after);
        w.WritePropertyName("after_unknown"); Sorted(w, afterUnknown);
        w.WriteBoolean("before_sensitive", false);
        w.WriteStartObject("after_sensitive"); w.WriteStartObject("tags"); w.WriteEndObject(); w.WriteStartObject("tags_all"); w.WriteEndObject(); w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteTags(Utf8JsonWriter w, string name, int n, string owner)
    {
        w.WriteStartObject(name);
        w.WriteString("Environment", "prod");
        w.WriteString("Owner", owner);
        w.WriteString("CostCenter", $"cc-{n % 97:D3}");
        w.WriteString("Service", $"service-{n % 211}");
        w.WriteString("ManagedBy", "terraform");
        w.WriteString("Team", $"team-{n % 13:D2}-platform-engineering");
        w.WriteString("Repository", "github.com/example/infrastructure-live");
        w.WriteEndObject();
    }

    private static void WriteUnrelatedAfter(Utf8JsonWriter w, Instance r)
    {
        w.WriteStartObject();
        switch (r.Type)
        {
            case "aws_s3_bucket":
                w.WriteString("bucket", $"example-data-{r.Key}");
                w.WriteBoolean("force_destroy", false);
                w.WriteBoolean("object_lock_enabled", false);
                w.WriteNull("timeouts");
                break;
            case "aws_iam_role":
                w.WriteString("name", $"svc-role-{r.Key}");
                w.WriteString("path", "/service/");
                w.WriteNumber("max_session_duration", 3600);
                w.WriteString("assume_role_policy",
                    "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":[\"ecs-tasks.amazonaws.com\",\"lambda.amazonaws.com\"]},\"Action\":\"sts:AssumeRole\",\"Condition\":{\"StringEquals\":{\"aws:SourceAccount\":\"123456789012\"}}}]}");
                w.WriteString("description", $"Role for service {r.Key}");
                w.WriteBoolean("force_detach_policies", false);
                w.WriteNull("permissions_boundary");
                break;
            case "aws_instance":
                w.WriteString("ami", "ami-0abcdef1234567890");
                w.WriteString("instance_type", r.Number % 3 == 0 ? "m7g.large" : "t4g.medium");
                w.WriteBoolean("monitoring", true);
                w.WriteString("subnet_id", $"subnet-{r.Number % 6:D8}");
                w.WriteStartArray("vpc_security_group_ids"); w.WriteStringValue("sg-0123456789abcdef0"); w.WriteEndArray();
                w.WriteStartArray("root_block_device");
                w.WriteStartObject(); w.WriteBoolean("delete_on_termination", true); w.WriteBoolean("encrypted", true); w.WriteNumber("volume_size", 40); w.WriteString("volume_type", "gp3"); w.WriteEndObject();
                w.WriteEndArray();
                w.WriteStartArray("metadata_options");
                w.WriteStartObject(); w.WriteString("http_endpoint", "enabled"); w.WriteString("http_tokens", "required"); w.WriteNumber("http_put_response_hop_limit", 1); w.WriteEndObject();
                w.WriteEndArray();
                w.WriteString("user_data_replace_on_change", "false");
                break;
            default:
                w.WriteString("name", $"svc-{r.Key}");
                w.WriteString("description", "Service traffic");
                w.WriteStartArray("ingress");
                w.WriteStartObject(); w.WriteNumber("from_port", 443); w.WriteNumber("to_port", 443); w.WriteString("protocol", "tcp");
                w.WriteStartArray("cidr_blocks"); w.WriteStringValue("10.0.0.0/8"); w.WriteEndArray(); w.WriteString("description", "https"); w.WriteEndObject();
                w.WriteEndArray();
                w.WriteBoolean("revoke_rules_on_delete", false);
                break;
        }
        WriteTags(w, "tags", r.Number, "platform");
        WriteTags(w, "tags_all", r.Number, "platform");
        w.WriteEndObject();
    }

    private static void WriteUnrelatedUnknown(Utf8JsonWriter w, Instance r)
    {
        w.WriteStartObject();
        w.WriteBoolean("arn", true);
        w.WriteBoolean("id", true);
        if (r.Type == "aws_instance")
        {
            w.WriteBoolean("private_ip", true);
            w.WriteBoolean("public_ip", true);
            w.WriteStartArray("root_block_device"); w.WriteStartObject(); w.WriteBoolean("volume_id", true); w.WriteEndObject(); w.WriteEndArray();
        }
        w.WriteStartObject("tags"); w.WriteEndObject();
        w.WriteStartObject("tags_all"); w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteTableModuleAfter(Utf8JsonWriter w, Instance r, TableModule t)
    {
        w.WriteStartObject();
        switch (r.Type)
        {
            case "aws_dynamodb_table":
                var n = t.Number;
                w.WriteString("name", $"orders-{t.Key}");
                w.WriteString("billing_mode", "PROVISIONED");
                w.WriteNumber("read_capacity", 5 + n % 20);
                w.WriteNumber("write_capacity", 5 + n % 10);
                w.WriteString("hash_key", "pk");
                w.WriteString("range_key", "sk");
                w.WriteStartArray("attribute");
                foreach (var (name, type) in new[] { ("pk", "S"), ("sk", "S"), ("gsi1pk", "S"), ("gsi1sk", "N") })
                {
                    w.WriteStartObject(); w.WriteString("name", name); w.WriteString("type", type); w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteStartArray("global_secondary_index");
                for (var g = 1; g <= 2; g++)
                {
                    w.WriteStartObject();
                    w.WriteString("name", $"gsi{g}"); w.WriteString("hash_key", "gsi1pk"); w.WriteString("range_key", "gsi1sk");
                    w.WriteString("projection_type", "INCLUDE");
                    w.WriteStartArray("non_key_attributes"); w.WriteStringValue("status"); w.WriteStringValue("total"); w.WriteEndArray();
                    w.WriteNumber("read_capacity", 5); w.WriteNumber("write_capacity", 5);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteStartArray("local_secondary_index"); w.WriteEndArray();
                w.WriteStartArray("point_in_time_recovery");
                w.WriteStartObject(); w.WriteBoolean("enabled", n % 3 != 0); w.WriteEndObject();
                w.WriteEndArray();
                w.WriteStartArray("server_side_encryption");
                w.WriteStartObject(); w.WriteBoolean("enabled", n % 5 != 0); w.WriteEndObject();
                w.WriteEndArray();
                w.WriteStartArray("ttl");
                w.WriteStartObject(); w.WriteString("attribute_name", n % 4 == 0 ? "" : "expires_at"); w.WriteBoolean("enabled", n % 4 != 0); w.WriteEndObject();
                w.WriteEndArray();
                w.WriteBoolean("stream_enabled", n % 2 == 0);
                if (n % 2 == 0) w.WriteString("stream_view_type", "NEW_AND_OLD_IMAGES"); else w.WriteNull("stream_view_type");
                w.WriteBoolean("deletion_protection_enabled", n % 7 != 0);
                w.WriteString("table_class", "STANDARD");
                w.WriteStartArray("replica"); w.WriteEndArray();
                w.WriteStartArray("import_table"); w.WriteEndArray();
                w.WriteNull("restore_date_time"); w.WriteNull("restore_source_name"); w.WriteNull("restore_to_latest_time");
                w.WriteNull("timeouts");
                break;
            case "aws_kms_key":
                w.WriteString("description", $"DynamoDB table orders-{t.Key}");
                w.WriteString("key_usage", "ENCRYPT_DECRYPT");
                w.WriteString("customer_master_key_spec", "SYMMETRIC_DEFAULT");
                w.WriteBoolean("enable_key_rotation", true);
                w.WriteNumber("deletion_window_in_days", 30);
                w.WriteBoolean("is_enabled", true);
                w.WriteBoolean("multi_region", false);
                break;
            default:
                var dimension = r.Name == "read" ? "ReadCapacityUnits" : "WriteCapacityUnits";
                w.WriteNumber("max_capacity", 100);
                w.WriteNumber("min_capacity", 5);
                w.WriteString("resource_id", $"table/orders-{t.Key}");
                w.WriteString("scalable_dimension", $"dynamodb:table:{dimension}");
                w.WriteString("service_namespace", "dynamodb");
                break;
        }
        WriteTags(w, "tags", t.Number, "data");
        WriteTags(w, "tags_all", t.Number, "data");
        w.WriteEndObject();
    }

    private static void WriteTableModuleUnknown(Utf8JsonWriter w, Instance r)
    {
        w.WriteStartObject();
        w.WriteBoolean("arn", true);
        w.WriteBoolean("id", true);
        switch (r.Type)
        {
            case "aws_dynamodb_table":
                w.WriteStartArray("attribute"); for (var i = 0; i < 4; i++) { w.WriteStartObject(); w.WriteEndObject(); } w.WriteEndArray();
                w.WriteStartArray("global_secondary_index");
                for (var i = 0; i < 2; i++) { w.WriteStartObject(); w.WriteStartArray("non_key_attributes"); w.WriteBooleanValue(false); w.WriteBooleanValue(false); w.WriteEndArray(); w.WriteEndObject(); }
                w.WriteEndArray();
                w.WriteStartArray("point_in_time_recovery"); w.WriteStartObject(); w.WriteBoolean("recovery_period_in_days", true); w.WriteEndObject(); w.WriteEndArray();
                w.WriteStartArray("server_side_encryption"); w.WriteStartObject(); w.WriteBoolean("kms_key_arn", true); w.WriteEndObject(); w.WriteEndArray();
                w.WriteBoolean("stream_arn", true);
                w.WriteBoolean("stream_label", true);
                w.WriteStartArray("ttl"); w.WriteStartObject(); w.WriteEndObject(); w.WriteEndArray();
                break;
            case "aws_kms_key":
                w.WriteBoolean("key_id", true);
                w.WriteBoolean("policy", true);
                break;
            default:
                w.WriteBoolean("role_arn", true);
                break;
        }
        w.WriteStartObject("tags"); w.WriteEndObject();
        w.WriteStartObject("tags_all"); w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteConfiguration(Utf8JsonWriter w, PlanShape shape)
    {
        w.WriteStartObject("configuration");
        w.WriteStartObject("provider_config");
        w.WriteStartObject("aws");
        w.WriteString("name", "aws"); w.WriteString("full_name", "registry.terraform.io/hashicorp/aws");
        w.WriteStartObject("expressions"); w.WriteStartObject("region"); w.WriteString("constant_value", "eu-west-1"); w.WriteEndObject(); w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteStartObject("root_module");
        w.WriteStartArray("resources");
        foreach (var type in UnrelatedTypes)
        {
            w.WriteStartObject();
            w.WriteString("address", $"{type}.svc"); w.WriteString("mode", "managed"); w.WriteString("type", type); w.WriteString("name", "svc");
            w.WriteString("provider_config_key", "aws");
            w.WriteStartObject("expressions");
            w.WriteStartObject("tags"); w.WriteStartArray("references"); w.WriteStringValue("local.tags"); w.WriteEndArray(); w.WriteEndObject();
            w.WriteEndObject();
            w.WriteNumber("schema_version", 0);
            w.WriteStartObject("for_each_expression"); w.WriteStartArray("references"); w.WriteStringValue("local.services"); w.WriteEndArray(); w.WriteEndObject();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartObject("module_calls");
        for (var m = 0; m < Math.Min(TableModules, Math.Max(1, shape.Tables)); m++)
        {
            w.WriteStartObject($"tables_{m}");
            w.WriteString("source", "./modules/dynamodb-table");
            w.WriteStartObject("expressions");
            w.WriteStartObject("name"); w.WriteStartArray("references"); w.WriteStringValue("each.key"); w.WriteEndArray(); w.WriteEndObject();
            w.WriteStartObject("point_in_time_recovery"); w.WriteStartArray("references"); w.WriteStringValue("each.value.pitr"); w.WriteStringValue("each.value"); w.WriteEndArray(); w.WriteEndObject();
            w.WriteEndObject();
            w.WriteStartObject("for_each_expression"); w.WriteStartArray("references"); w.WriteStringValue($"local.tables_{m}"); w.WriteEndArray(); w.WriteEndObject();
            w.WriteStartObject("module");
            WriteTableModuleConfig(w);
            w.WriteEndObject();
            w.WriteEndObject();
        }
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteTableModuleConfig(Utf8JsonWriter w)
    {
        static void Ref(Utf8JsonWriter w, string name, params string[] refs)
        {
            w.WriteStartObject(name); w.WriteStartArray("references"); foreach (var r in refs) w.WriteStringValue(r); w.WriteEndArray(); w.WriteEndObject();
        }
        static void Const(Utf8JsonWriter w, string name, object value)
        {
            w.WriteStartObject(name);
            w.WritePropertyName("constant_value");
            switch (value)
            {
                case bool b: w.WriteBooleanValue(b); break;
                case int i: w.WriteNumberValue(i); break;
                default: w.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture)); break;
            }
            w.WriteEndObject();
        }
        w.WriteStartArray("resources");
        w.WriteStartObject();
        w.WriteString("address", "aws_dynamodb_table.this"); w.WriteString("mode", "managed"); w.WriteString("type", "aws_dynamodb_table"); w.WriteString("name", "this");
        w.WriteString("provider_config_key", "aws");
        w.WriteStartObject("expressions");
        Ref(w, "name", "var.name");
        Const(w, "billing_mode", "PROVISIONED");
        Const(w, "hash_key", "pk");
        Const(w, "range_key", "sk");
        Const(w, "deletion_protection_enabled", true);
        w.WriteStartArray("point_in_time_recovery"); w.WriteStartObject(); Ref(w, "enabled", "var.point_in_time_recovery"); w.WriteEndObject(); w.WriteEndArray();
        w.WriteStartArray("server_side_encryption"); w.WriteStartObject(); Const(w, "enabled", true); Ref(w, "kms_key_arn", "aws_kms_key.this.arn", "aws_kms_key.this"); w.WriteEndObject(); w.WriteEndArray();
        w.WriteStartArray("ttl"); w.WriteStartObject(); Const(w, "attribute_name", "expires_at"); Const(w, "enabled", true); w.WriteEndObject(); w.WriteEndArray();
        w.WriteEndObject();
        w.WriteNumber("schema_version", 1);
        w.WriteEndObject();
        w.WriteStartObject();
        w.WriteString("address", "aws_kms_key.this"); w.WriteString("mode", "managed"); w.WriteString("type", "aws_kms_key"); w.WriteString("name", "this");
        w.WriteString("provider_config_key", "aws");
        w.WriteStartObject("expressions"); Const(w, "enable_key_rotation", true); Const(w, "deletion_window_in_days", 30); w.WriteEndObject();
        w.WriteNumber("schema_version", 0);
        w.WriteEndObject();
        foreach (var name in new[] { "read", "write" })
        {
            w.WriteStartObject();
            w.WriteString("address", $"aws_appautoscaling_target.{name}"); w.WriteString("mode", "managed"); w.WriteString("type", "aws_appautoscaling_target"); w.WriteString("name", name);
            w.WriteString("provider_config_key", "aws");
            w.WriteStartObject("expressions"); Const(w, "max_capacity", 100); Const(w, "min_capacity", 5); Ref(w, "resource_id", "aws_dynamodb_table.this.name", "aws_dynamodb_table.this"); w.WriteEndObject();
            w.WriteNumber("schema_version", 0);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartObject("variables");
        w.WriteStartObject("name"); w.WriteString("description", "Table name"); w.WriteEndObject();
        w.WriteStartObject("point_in_time_recovery"); w.WriteBoolean("default", true); w.WriteEndObject();
        w.WriteEndObject();
    }
}
