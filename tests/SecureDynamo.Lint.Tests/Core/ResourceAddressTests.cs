using SecureDynamo.Lint.Core.Graph;

namespace SecureDynamo.Lint.Tests.Core;

public sealed class ResourceAddressTests
{
    [Theory]
    [InlineData("aws_dynamodb_table.t", "", "", ResourceMode.Managed, "aws_dynamodb_table", "t", null)]
    [InlineData("aws_dynamodb_table.t[0]", "", "", ResourceMode.Managed, "aws_dynamodb_table", "t", "[0]")]
    [InlineData("data.aws_kms_alias.a", "", "", ResourceMode.Data, "aws_kms_alias", "a", null)]
    [InlineData("module.store[\"orders\"].aws_dynamodb_table.this", "module.store[\"orders\"]", "module.store", ResourceMode.Managed, "aws_dynamodb_table", "this", null)]
    [InlineData("module.a[\"x.y\"].module.b[0].aws_kms_key.k[\"k.1\"]", "module.a[\"x.y\"].module.b[0]", "module.a.module.b", ResourceMode.Managed, "aws_kms_key", "k", "[\"k.1\"]")]
    [InlineData("module.m.data.aws_iam_policy_document.d", "module.m", "module.m", ResourceMode.Data, "aws_iam_policy_document", "d", null)]
    public void Parses_full_instance_addresses(string text, string module, string modulePath, ResourceMode mode, string type, string name, string? key)
    {
        var a = ResourceAddress.Parse(text);
        Assert.Equal(module, a.Module);
        Assert.Equal(modulePath, a.ModulePath);
        Assert.Equal(mode, a.Mode);
        Assert.Equal(type, a.Type);
        Assert.Equal(name, a.Name);
        Assert.Equal(key, a.Key);
        Assert.Equal(text, a.ToString());
    }

    [Theory]
    [InlineData("module.a[\"x]y\"].module.b", "module.a.module.b")]
    [InlineData("module.a[\"say \\\"hi\\\"\"]", "module.a")]
    [InlineData("module.a", "module.a")]
    [InlineData("", "")]
    public void Strips_instance_keys_even_with_brackets_and_quotes_inside(string instance, string path) =>
        Assert.Equal(path, ResourceAddress.StripInstanceKeys(instance));

    [Theory]
    [InlineData("module.a[\"x\"].module.b[0]", "module.a[\"x\"]")]
    [InlineData("module.a[\"k.module.z\"].module.b", "module.a[\"k.module.z\"]")]
    [InlineData("module.a.module.b.module.c", "module.a.module.b")]
    [InlineData("module.a[\"x\"]", "")]
    [InlineData("", null)]
    public void Parent_module_instance_is_the_caller_even_with_module_inside_a_key(string instance, string? parent) =>
        Assert.Equal(parent, ResourceAddress.ParentModuleInstance(instance));

    [Fact]
    public void Formats_keys_like_terraform()
    {
        Assert.Equal("[3]", ResourceAddress.FormatKey(3));
        Assert.Equal("[\"a\\\"b\"]", ResourceAddress.FormatKey("a\"b"));
    }

    // Terraform's toHCLQuotedString (internal/addrs/instance_key.go): the same key, the same address in every report.
    [Theory]
    [InlineData("orders", "[\"orders\"]")]
    [InlineData("tab\there", "[\"tab\\there\"]")]
    [InlineData("nl\nx\r", "[\"nl\\nx\\r\"]")]
    [InlineData("back\\slash", "[\"back\\\\slash\"]")]
    [InlineData("${lit}", "[\"$${lit}\"]")]
    [InlineData("pct%{x} $ % $x", "[\"pct%%{x} $ % $x\"]")]
    [InlineData("ü ${y} é", "[\"ü $${y} é\"]")]
    [InlineData("bell\u0007", "[\"bell\\u0007\"]")]
    [InlineData("nbsp\u00a0", "[\"nbsp\\u00a0\"]")]
    [InlineData("emoji \U0001F600", "[\"emoji \U0001F600\"]")]
    public void String_keys_are_quoted_as_terraform_quotes_them(string key, string expected) =>
        Assert.Equal(expected, ResourceAddress.FormatKey(key));

    [Fact]
    public void Rejects_what_is_not_a_resource_address() =>
        Assert.Throws<FormatException>(() => ResourceAddress.Parse("module.m"));
}
