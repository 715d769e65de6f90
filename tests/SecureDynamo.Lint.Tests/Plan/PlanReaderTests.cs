using System.Text;
using SecureDynamo.Lint.Core.Diagnostics;
using SecureDynamo.Lint.Core.Graph;
using SecureDynamo.Lint.Core.Values;
using SecureDynamo.Lint.Plan;

namespace SecureDynamo.Lint.Tests.Plan;

public sealed class PlanReaderTests
{
    private const string Table = """
        {"address":"module.store[\"orders\"].aws_dynamodb_table.this[0]","module_address":"module.store[\"orders\"]","mode":"managed",
         "type":"aws_dynamodb_table","name":"this","index":0,"provider_name":"registry.terraform.io/hashicorp/aws",
         "change":{"actions":["create"],"before":null,
           "after":{"name":"orders","server_side_encryption":[{"enabled":true}],"tags":{"secret":"hunter2"}},
           "after_unknown":{"server_side_encryption":[{"kms_key_arn":true}],"point_in_time_recovery":true,"arn":true},
           "before_sensitive":false,"after_sensitive":{"tags":{"secret":true}}}}
        """;

    [Fact]
    public void Reads_instance_address_with_module_key_and_count_index()
    {
        var graph = PlanText.Read(PlanText.Plan(Table));
        var r = Assert.Single(graph.Resources);
        Assert.Equal("module.store[\"orders\"].aws_dynamodb_table.this[0]", r.Address.ToString());
        Assert.Equal("module.store", r.Address.ModulePath);
        Assert.Equal("aws_dynamodb_table.this", r.Address.ConfigAddress);
        Assert.Equal(PlannedAction.Create, r.Action);
        Assert.True(r.IsJudged);
        Assert.Equal(InputKind.Plan, graph.Kind);
    }

    [Theory]
    [InlineData("\"errored\":true,\"complete\":false,", "Terraform marked this plan errored")]
    [InlineData("\"errored\":false,\"complete\":false,", "Terraform marked this plan incomplete")]
    [InlineData("\"errored\":false,\"complete\":true,", null)]
    [InlineData("", null)]
    public void A_plan_Terraform_marks_errored_or_incomplete_is_read_with_a_warning(string extra, string? warning)
    {
        var graph = PlanText.Read(PlanText.Plan(Table, extra: extra));
        Assert.Single(graph.Resources);
        if (warning is null) Assert.Empty(graph.Warnings);
        else Assert.StartsWith("plan.json: " + warning, Assert.Single(graph.Warnings));
    }

    [Fact]
    public void Merges_after_unknown_into_three_state_values()
    {
        var r = Assert.Single(PlanText.Read(PlanText.Plan(Table)).Resources);
        Assert.True(r.Get(AttributePath.Of("server_side_encryption", 0, "enabled")).AsBool());
        Assert.True(r.Get(AttributePath.Of("server_side_encryption", 0, "kms_key_arn")).IsUnknown);
        Assert.True(r.Get(AttributePath.Of("point_in_time_recovery")).IsUnknown);
        Assert.True(r.Get(AttributePath.Of("point_in_time_recovery", 0, "enabled")).IsUnknown);
        Assert.True(r.Get(AttributePath.Of("deletion_protection_enabled")).IsNull);
    }

    [Fact]
    public void Sensitive_values_are_marked_and_never_displayed()
    {
        var r = Assert.Single(PlanText.Read(PlanText.Plan(Table)).Resources);
        var tags = r.Get(AttributePath.Of("tags"));
        Assert.True(tags.ContainsSensitive());
        Assert.DoesNotContain("hunter2", tags.ToDisplayString());
        Assert.DoesNotContain("hunter2", r.After.ToDisplayString());
    }

    [Theory]
    [InlineData("[\"delete\",\"create\"]", PlannedAction.Replace, true)]
    [InlineData("[\"create\",\"delete\"]", PlannedAction.Replace, true)]
    [InlineData("[\"delete\"]", PlannedAction.Delete, false)]
    [InlineData("[\"no-op\"]", PlannedAction.NoOp, true)]
    [InlineData("[\"update\"]", PlannedAction.Update, true)]
    [InlineData("[\"forget\"]", PlannedAction.Forget, false)]
    public void Maps_actions_and_judges_only_live_resources(string actions, PlannedAction expected, bool judged)
    {
        var change = $$$"""
            {"address":"aws_dynamodb_table.t","mode":"managed","type":"aws_dynamodb_table","name":"t","action_reason":"replace_because_cannot_update",
             "change":{"actions":{{{actions}}},"before":{"name":"t","hash_key":"a"},"after":{"name":"t","hash_key":"b"},"after_unknown":{},"replace_paths":[["hash_key"]]}}
            """;
        var r = Assert.Single(PlanText.Read(PlanText.Plan(change)).Resources);
        Assert.Equal(expected, r.Action);
        Assert.Equal(judged, r.IsJudged);
        Assert.Equal("replace_because_cannot_update", r.ActionReason);
        Assert.Equal("hash_key", Assert.Single(r.ReplacePaths).ToString());
        Assert.Equal("a", r.Before.Get("hash_key").AsString());
    }

    [Fact]
    public void Format_0_1_references_resolve_to_the_managed_key()
    {
        // Terraform 0.12 lists only the resource ("aws_kms_key.k"), later versions also "aws_kms_key.k.arn".
        var changes = """
            {"address":"aws_dynamodb_table.t","mode":"managed","type":"aws_dynamodb_table","name":"t","provider_name":"aws",
             "change":{"actions":["create"],"before":null,"after":{"server_side_encryption":[{"enabled":true}]},"after_unknown":{"server_side_encryption":[{"kms_key_arn":true}]}}},
            {"address":"aws_kms_key.k","mode":"managed","type":"aws_kms_key","name":"k","provider_name":"aws",
             "change":{"actions":["create"],"before":null,"after":{"enable_key_rotation":false},"after_unknown":{"arn":true}}}
            """;
        var root = """
            {"resources":[{"address":"aws_dynamodb_table.t","mode":"managed","type":"aws_dynamodb_table","name":"t","provider_config_key":"aws",
              "expressions":{"server_side_encryption":[{"enabled":{"constant_value":true},"kms_key_arn":{"references":["aws_kms_key.k"]}}]}},
             {"address":"aws_kms_key.k","mode":"managed","type":"aws_kms_key","name":"k","provider_config_key":"aws","expressions":{}}]}
            """;
        var graph = PlanText.Read(PlanText.Plan(changes, root, "0.1"));
        var table = graph.OfType("aws_dynamodb_table")[0];
        var resolver = new SecureDynamo.Lint.Core.Resolution.ReferenceResolver(graph);
        var keys = new SecureDynamo.Lint.Core.Resolution.KeyClassifier(graph, resolver);
        var key = keys.Classify(resolver.Effective(table, AttributePath.Of("server_side_encryption", 0, "kms_key_arn")));
        Assert.Equal(SecureDynamo.Lint.Core.Resolution.KeyKind.CustomerManaged, key.Kind);
        Assert.Equal("aws_kms_key.k", Assert.Single(key.ManagedKeys).Address.ToString());
    }

    [Fact]
    public void Module_variables_are_followed_to_the_module_call_argument()
    {
        var changes = """
            {"address":"module.a[\"x\"].module.b[0].aws_dynamodb_table.t","module_address":"module.a[\"x\"].module.b[0]","mode":"managed","type":"aws_dynamodb_table","name":"t",
             "change":{"actions":["create"],"before":null,"after":{"point_in_time_recovery":[{}]},"after_unknown":{"point_in_time_recovery":[{"enabled":true}]}}}
            """;
        var root = """
            {"module_calls":{"a":{"source":"./a","expressions":{"pitr":{"references":["var.pitr_root"]}},"module":{
              "module_calls":{"b":{"source":"./b","expressions":{"enabled":{"references":["var.pitr"]}},"module":{
                "resources":[{"address":"aws_dynamodb_table.t","mode":"managed","type":"aws_dynamodb_table","name":"t",
                  "expressions":{"point_in_time_recovery":[{"enabled":{"references":["var.enabled"]}}]}}],
                "variables":{"enabled":{}}}}},
              "variables":{"pitr":{}}}}}}
            """;
        var graph = PlanText.Read(PlanText.Plan(changes, root, extra: "\"variables\":{\"pitr_root\":{\"value\":true}},"));
        var t = Assert.Single(graph.Resources);
        Assert.Equal("module.a.module.b", t.Address.ModulePath);
        var v = new SecureDynamo.Lint.Core.Resolution.ReferenceResolver(graph).Effective(t, AttributePath.Of("point_in_time_recovery", 0, "enabled"));
        Assert.True(v.AsBool());
    }

    [Fact]
    public void Data_sources_read_during_planning_come_from_prior_state()
    {
        var extra = """
            "prior_state":{"format_version":"1.0","values":{"root_module":{"resources":[
              {"address":"data.aws_iam_policy_document.d","mode":"data","type":"aws_iam_policy_document","name":"d","values":{"json":"{}"}}]}}},
            """;
        var graph = PlanText.Read(PlanText.Plan("", "{}", extra: extra));
        var d = Assert.Single(graph.OfType("data.aws_iam_policy_document"));
        Assert.False(d.IsJudged);
        Assert.Equal("{}", d.After.Get("json").AsString());
    }

    [Fact]
    public void State_output_is_read_as_state()
    {
        var json = """
            {"format_version":"1.0","terraform_version":"1.9.5","values":{"root_module":{"resources":[
              {"address":"aws_dynamodb_table.t","mode":"managed","type":"aws_dynamodb_table","name":"t","values":{"name":"t"},"sensitive_values":{}}],
              "child_modules":[{"address":"module.m","resources":[{"address":"module.m.aws_kms_key.k","mode":"managed","type":"aws_kms_key","name":"k","values":{}}]}]}}}
            """;
        var graph = PlanText.Read(json);
        Assert.Equal(InputKind.State, graph.Kind);
        Assert.Equal(2, graph.Resources.Count);
        Assert.All(graph.Resources, r => Assert.Equal(PlannedAction.Exists, r.Action));
        Assert.Equal("module.m.aws_kms_key.k", graph.OfType("aws_kms_key")[0].Address.ToString());
    }

    [Fact]
    public void Utf16_with_bom_is_decoded()
    {
        var text = PlanText.Plan(Table);
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(text)).ToArray();
        Assert.Single(PlanText.Read(bytes).Resources);
    }

    [Fact]
    public void Utf8_bom_is_accepted()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(PlanText.Plan(Table))).ToArray();
        Assert.Single(PlanText.Read(bytes).Resources);
    }

    [Theory]
    [InlineData("", "plan.json: the file is empty; expected the output of `terraform show -json`")]
    [InlineData("  \n", "plan.json: the file is empty; expected the output of `terraform show -json`")]
    [InlineData("{\"format_version\":\"1.2\",\"resource_changes\":[", "plan.json:1:45: the JSON document ends before it is complete (truncated?)")]
    [InlineData("{\"format_version\":\"2.0\",\"resource_changes\":[]}", "plan.json: has format_version 2.0, which this version of securedynamo does not support (it reads 0.x and 1.x); upgrade securedynamo")]
    [InlineData("{\"format_version\":\"1.2\",\"resource_changes\":{}}", "plan.json:1:44: \"resource_changes\" must be an array, found an object")]
    [InlineData("{\"version\":4,\"lineage\":\"x\",\"resources\":[]}", "plan.json: this is a raw Terraform state file (terraform.tfstate), not `terraform show -json` output; run `terraform show -json > state.json` for the current state, or `terraform show -json <planfile> > plan.json` for a plan, and scan that file")]
    [InlineData("[1,2]", "plan.json:1:1: expected a JSON object (the output of `terraform show -json`), found an array")]
    [InlineData("hello", "plan.json:1:1: not a JSON document (it starts with \"hello\"); expected the output of `terraform show -json`")]
    [InlineData("{\"a\":1}", "plan.json: has no \"format_version\"; expected the output of `terraform show -json`")]
    [InlineData("{\"format_version\":\"1.0\"}{\"format_version\":\"1.0\"}", "plan.json:1:25: has more content after the JSON document; expected exactly one `terraform show -json` document")]
    public void Bad_input_is_one_clear_error_naming_the_file(string input, string message)
    {
        var e = Assert.Throws<InputException>(() => PlanText.Read(input));
        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void Binary_plan_tells_the_user_to_run_terraform_show()
    {
        var e = Assert.Throws<InputException>(() => PlanText.Read(new byte[] { 0x50, 0x4B, 0x03, 0x04, 1, 2, 3 }));
        Assert.Equal("plan.json: this is a binary Terraform plan file (a zip archive), not JSON; run `terraform show -json <planfile> > plan.json` and scan that file", e.Message);
    }

    [Fact]
    public void Plan_json_log_stream_is_recognised()
    {
        var e = Assert.Throws<InputException>(() => PlanText.Read("{\"@level\":\"info\",\"@message\":\"Terraform 1.11.4\",\"type\":\"version\"}\n{\"@level\":\"info\",\"@message\":\"x\"}\n"));
        Assert.Contains("log stream of `terraform plan -json`", e.Message);
    }

    [Fact]
    public void Invalid_utf8_is_an_error()
    {
        var bytes = Encoding.UTF8.GetBytes(PlanText.Plan(Table)).ToList();
        bytes.InsertRange(30, new byte[] { 0xC3, 0x28 });
        var e = Assert.Throws<InputException>(() => PlanText.Read(bytes.ToArray()));
        Assert.StartsWith("plan.json:1:31: is not valid UTF-8 text", e.Message);
    }

    [Fact]
    public void A_deposed_object_in_a_state_is_judged_once_under_its_address_or_named_in_a_warning()
    {
        static string Entry(string name, string? deposed) =>
            "{\"address\":\"aws_dynamodb_table." + name + "\",\"mode\":\"managed\",\"type\":\"aws_dynamodb_table\",\"name\":\"" + name + "\"," +
            (deposed is null ? "" : "\"deposed_key\":\"" + deposed + "\",") + "\"values\":{\"name\":\"" + name + (deposed ?? "") + "\"}}";
        var graph = PlanText.Read("{\"format_version\":\"1.0\",\"values\":{\"root_module\":{\"resources\":[" +
            Entry("orders", null) + "," + Entry("orders", "7a1f3c2e") + "," + Entry("audit", "00aa11bb") + "]}}}");
        // The current orders table, and the deposed audit table (no current object: its address is its own).
        Assert.Equal(new[] { "orders", "audit00aa11bb" }, graph.Resources.Select(r => r.After.Get("name").AsString()));
        Assert.StartsWith("plan.json: aws_dynamodb_table.orders has a deposed object 7a1f3c2e beside the current one", Assert.Single(graph.Warnings));
    }

    [Fact]
    public void Wrapper_output_is_unwrapped()
    {
        var text = "[command]/home/runner/terraform-bin show -json plan.tfplan\n" + PlanText.Plan(Table) + "\n::debug::exitcode: 0\n::set-output name=exitcode::0\n";
        var wrapped = Assert.Single(PlanText.Read(text).Resources);
        // Positions are those of the file, one line below the plain output's.
        var plain = Assert.Single(PlanText.Read(PlanText.Plan(Table)).Resources);
        Assert.Equal(plain.Location!.Start.Line + 1, wrapped.Location!.Start.Line);
        Assert.Equal(plain.Location.Start.Column, wrapped.Location.Start.Column);
    }

    [Fact]
    public void Resource_type_filter_skips_other_resources()
    {
        var s3 = """{"address":"aws_s3_bucket.b","mode":"managed","type":"aws_s3_bucket","name":"b","change":{"actions":["create"],"before":null,"after":{},"after_unknown":{}}}""";
        var graph = PlanReader.Read("plan.json", new MemoryStream(Encoding.UTF8.GetBytes(PlanText.Plan(Table + "," + s3))),
            new PlanReadOptions(new HashSet<string> { "aws_dynamodb_table" }));
        Assert.Equal("aws_dynamodb_table", Assert.Single(graph.Resources).Type);
    }
}
