using SecureDynamo.Lint.Core.Values;
using SecureDynamo.Lint.Terraform;

namespace SecureDynamo.Lint.Tests.Terraform;

/// <summary>Expressions and functions evaluate as Terraform evaluates them at plan time.</summary>
public sealed class ExpressionEvaluationTests
{
    private const string Context = """
        variable "env" {
          default = "prod"
        }
        locals {
          m   = { a = 1, b = 2 }
          l   = ["x", "y"]
          key = aws_kms_key.k.arn
        }
        resource "aws_kms_key" "k" {}
        """;

    internal static (Value Value, IReadOnlyList<string> Warnings) Evaluate(string expression, params (string Path, string Text)[] extra)
    {
        using var module = new TempModule([("main.tf", Context + "\nresource \"test_thing\" \"t\" {\n  v = " + expression + "\n}\n"), .. extra]);
        var read = module.Read();
        var thing = read.Graph.Resources.Single(r => r.Type == "test_thing");
        return (thing.After.Get("v"), read.Warnings);
    }

    [Theory]
    // literals, templates, operators
    [InlineData("\"a-${1 + 2}\"", "\"a-3\"")]
    [InlineData("\"%{if var.env == \"prod\"}yes%{else}no%{endif}\"", "\"yes\"")]
    [InlineData("\"%{for x in local.l}${x},%{endfor}\"", "\"x,y,\"")]
    [InlineData("\"${var.env}\"", "\"prod\"")]
    [InlineData("1 + 2 * 3 - 4 / 2", "5")]
    [InlineData("7 % 3", "1")]
    [InlineData("12345678901234567890 + 1", "12345678901234567891")]
    [InlineData("1.5e3", "1500")]
    [InlineData("-(3)", "-3")]
    [InlineData("!false && (1 < 2 || false)", "true")]
    [InlineData("\"1\" == 1", "false")]
    // a known value is null or not whatever unknowns it holds
    [InlineData("{ k = local.key } != null", "true")]
    [InlineData("[local.key] == null", "false")]
    [InlineData("coalescelist(null, [], [\"a\"])", "[\"a\"]")]
    [InlineData("[1, \"a\"] == [1, \"a\"]", "true")]
    [InlineData("var.env != \"dev\" ? \"strict\" : \"loose\"", "\"strict\"")]
    [InlineData("null", "null")]
    // collections, access, for, splat
    [InlineData("[for k, v in local.m : \"${k}=${v}\"]", "[\"a=1\",\"b=2\"]")]
    [InlineData("[for x in [1, 2, 3] : x * 2 if x > 1]", "[4,6]")]
    [InlineData("{for s in [\"a\", \"b\", \"a\"] : s => s...}", "{\"a\":[\"a\",\"a\"],\"b\":[\"b\"]}")]
    [InlineData("{for i, s in local.l : s => i}", "{\"x\":0,\"y\":1}")]
    [InlineData("[{ a = 1 }, { a = 2 }][*].a", "[1,2]")]
    [InlineData("[{ a = 1 }, { a = 2 }].*.a", "[1,2]")]
    [InlineData("{ a = { b = [10, 20] } }.a.b[1]", "20")]
    [InlineData("local.m[\"b\"]", "2")]
    [InlineData("local.l[1]", "\"y\"")]
    [InlineData("{ (var.env) = 1, \"k-2\" = 2 }", "{\"k-2\":2,\"prod\":1}")]
    // string functions
    [InlineData("format(\"%s-%03d-%v-%t-%q\", \"t\", 7, 1.5, true, \"x\")", "\"t-007-1.5-true-\\\"x\\\"\"")]
    [InlineData("formatlist(\"%s=%s\", [\"a\", \"b\"], \"v\")", "[\"a=v\",\"b=v\"]")]
    [InlineData("join(\"-\", local.l, [\"z\"])", "\"x-y-z\"")]
    [InlineData("split(\",\", \"a,b,,c\")", "[\"a\",\"b\",\"\",\"c\"]")]
    [InlineData("lower(\"AbC\")", "\"abc\"")]
    [InlineData("upper(\"abc\")", "\"ABC\"")]
    [InlineData("replace(\"a-b-c\", \"-\", \"_\")", "\"a_b_c\"")]
    [InlineData("replace(\"table01\", \"/[0-9]+$/\", \"\")", "\"table\"")]
    [InlineData("trimspace(\"  x \\n\")", "\"x\"")]
    [InlineData("trim(\"?!hi?!\", \"!?\")", "\"hi\"")]
    [InlineData("trimprefix(\"arn:aws:kms\", \"arn:\")", "\"aws:kms\"")]
    [InlineData("trimsuffix(\"orders-table\", \"-table\")", "\"orders\"")]
    [InlineData("substr(\"hello world\", 1, 4)", "\"ello\"")]
    [InlineData("substr(\"hello\", -3, -1)", "\"llo\"")]
    [InlineData("startswith(\"alias/aws/dynamodb\", \"alias/aws/\")", "true")]
    [InlineData("endswith(\"orders\", \"ders\")", "true")]
    [InlineData("strcontains(\"orders\", \"rde\")", "true")]
    [InlineData("length(\"héllo\")", "5")]
    [InlineData("regex(\"^arn:aws:kms:([a-z0-9-]+):\", \"arn:aws:kms:eu-west-1:1:key/x\")", "[\"eu-west-1\"]")]
    [InlineData("regexall(\"[0-9]\", \"a1b2\")", "[\"1\",\"2\"]")]
    // collection functions
    [InlineData("lookup(local.m, \"a\", 0)", "1")]
    [InlineData("lookup(local.m, \"z\", 0)", "0")]
    [InlineData("merge(local.m, { b = 3, c = 4 })", "{\"a\":1,\"b\":3,\"c\":4}")]
    [InlineData("concat(local.l, [\"z\"])", "[\"x\",\"y\",\"z\"]")]
    [InlineData("flatten([[1, [2]], [], [3]])", "[1,2,3]")]
    [InlineData("setproduct([\"dev\", \"prod\"], [\"a\", \"b\"])", "[[\"dev\",\"a\"],[\"dev\",\"b\"],[\"prod\",\"a\"],[\"prod\",\"b\"]]")]
    [InlineData("{ for p in setproduct([\"dev\"], [1, 2]) : \"${p[0]}-${p[1]}\" => p[1] }", "{\"dev-1\":1,\"dev-2\":2}")]
    [InlineData("setproduct([], [1])", "[]")]
    [InlineData("keys({ b = 1, a = 2 })", "[\"a\",\"b\"]")]
    [InlineData("values({ b = 1, a = 2 })", "[2,1]")]
    [InlineData("toset([\"b\", \"a\", \"b\"])", "[\"a\",\"b\"]")]
    [InlineData("tomap({ a = \"x\" })", "{\"a\":\"x\"}")]
    [InlineData("tolist(toset([\"b\", \"a\"]))", "[\"a\",\"b\"]")]
    [InlineData("element(local.l, 3)", "\"y\"")]
    [InlineData("coalesce(\"\", null, \"x\")", "\"x\"")]
    [InlineData("coalescelist([], [1])", "[1]")]
    [InlineData("compact([\"a\", \"\", null, \"b\"])", "[\"a\",\"b\"]")]
    [InlineData("distinct([1, 2, 1])", "[1,2]")]
    [InlineData("zipmap([\"a\", \"b\"], [1, 2])", "{\"a\":1,\"b\":2}")]
    [InlineData("range(3)", "[0,1,2]")]
    [InlineData("range(1, 7, 2)", "[1,3,5]")]
    [InlineData("slice([1, 2, 3, 4], 1, 3)", "[2,3]")]
    [InlineData("one([\"x\"])", "\"x\"")]
    [InlineData("one([])", "null")]
    [InlineData("sort([\"b\", \"c\", \"a\"])", "[\"a\",\"b\",\"c\"]")]
    [InlineData("setunion([\"a\"], [\"b\", \"a\"])", "[\"a\",\"b\"]")]
    [InlineData("setintersection([\"a\", \"b\"], [\"b\", \"c\"])", "[\"b\"]")]
    [InlineData("contains(local.l, \"y\")", "true")]
    [InlineData("length(local.m)", "2")]
    // numeric, encoding, conversions
    [InlineData("min(3, 1, 2)", "1")]
    [InlineData("max(3, 1, 2)", "3")]
    [InlineData("abs(-4)", "4")]
    [InlineData("ceil(1.2)", "2")]
    [InlineData("floor(1.8)", "1")]
    [InlineData("parseint(\"ff\", 16)", "255")]
    [InlineData("jsonencode({ b = 1, a = [true, null, \"<x>\"] })", "\"{\\\"a\\\":[true,null,\\\"\\\\u003cx\\\\u003e\\\"],\\\"b\\\":1}\"")]
    [InlineData("jsondecode(\"{\\\"a\\\": [1, \\\"x\\\"]}\").a", "[1,\"x\"]")]
    [InlineData("base64encode(\"hi\")", "\"aGk=\"")]
    [InlineData("base64decode(\"aGk=\")", "\"hi\"")]
    [InlineData("yamlencode({ a = 1, b = [\"x\"] })", "\"\\\"a\\\": 1\\n\\\"b\\\":\\n- \\\"x\\\"\\n\"")]
    // yamldecode resolves plain scalars as Terraform 1.11 does (checked with terraform console).
    [InlineData("yamldecode(\"a: yes\\nb: on\\nc: True\\nd: n\\ne: OFF\")", "{\"a\":true,\"b\":true,\"c\":true,\"d\":false,\"e\":false}")]
    [InlineData("yamldecode(\"a: 0x10\\nb: 010\\nc: 0o10\\nd: 1.5e3\\ne: +1\\nf: -0.5\\ng: 1_000\\nh: 0b11\")", "{\"a\":16,\"b\":10,\"c\":8,\"d\":1500,\"e\":1,\"f\":-0.5,\"g\":\"1_000\",\"h\":\"0b11\"}")]
    [InlineData("yamldecode(\"a: ~\\nb:\\nc: \\\"1\\\"\\nd: !!str 1\\n1: x\\ne: 2001-12-14\")", "{\"1\":\"x\",\"a\":null,\"b\":null,\"c\":\"1\",\"d\":\"1\",\"e\":\"2001-12-14T00:00:00Z\"}")]
    [InlineData("yamldecode(\"a: &x [1, b]\\nb: *x\\nc: |\\n  two\\n  lines\\n\")", "{\"a\":[1,\"b\"],\"b\":[1,\"b\"],\"c\":\"two\\nlines\\n\"}")]
    [InlineData("yamldecode(\"- pitr: false\\n  name: orders\")", "[{\"name\":\"orders\",\"pitr\":false}]")]
    [InlineData("urlencode(\"a b/c?d=é\")", "\"a+b%2Fc%3Fd%3D%C3%A9\"")]
    [InlineData("md5(\"hi\")", "\"49f68a5c8493ec2c0bf489821c21fc3b\"")]
    [InlineData("sha256(\"hi\")", "\"8f434346648f6b96df89dda901c5176b10a6d83961dd3c1ac88b59b2dc327aa4\"")]
    [InlineData("base64sha256(\"hi\")", "\"j0NDRmSPa5bfid2pAcUXaxCm2Dlh3TwayItZstwyeqQ=\"")]
    [InlineData("issensitive(sensitive(\"x\"))", "true")]
    [InlineData("issensitive(\"x\")", "false")]
    [InlineData("ephemeralasnull(\"x\")", "\"x\"")]
    [InlineData("templatestring(\"table/$${name}\", { name = \"orders\" })", "\"table/orders\"")]
    [InlineData("provider::aws::arn_build(\"aws\", \"dynamodb\", \"eu-west-1\", \"111122223333\", \"table/orders\")", "\"arn:aws:dynamodb:eu-west-1:111122223333:table/orders\"")]
    [InlineData("provider::aws::arn_parse(\"arn:aws:kms:eu-west-1:111122223333:alias/aws/dynamodb\").resource", "\"alias/aws/dynamodb\"")]
    [InlineData("tostring(1)", "\"1\"")]
    [InlineData("tonumber(\"5\")", "5")]
    [InlineData("tobool(\"true\")", "true")]
    // try and can
    [InlineData("try(local.m.zzz, \"fallback\")", "\"fallback\"")]
    [InlineData("try(local.m.a, \"fallback\")", "1")]
    [InlineData("can(local.m.zzz)", "false")]
    [InlineData("can(local.m.a)", "true")]
    [InlineData("path.module", "\".\"")]
    [InlineData("terraform.workspace", "\"default\"")]
    public void Evaluates_like_terraform(string expression, string expected)
    {
        var (value, warnings) = Evaluate(expression);
        Assert.Empty(warnings);
        Assert.Equal(expected, TempModule.Render(value));
    }

    [Theory]
    [InlineData("aws_kms_key.k.arn", "unknown[aws_kms_key.k.arn,aws_kms_key.k]")]
    [InlineData("\"${aws_kms_key.k.arn}-x\"", "unknown[aws_kms_key.k.arn,aws_kms_key.k]")]
    [InlineData("local.key", "unknown[aws_kms_key.k.arn,aws_kms_key.k]")]
    [InlineData("upper(data.aws_kms_alias.a.name)", "unknown[data.aws_kms_alias.a.name,data.aws_kms_alias.a]")]
    [InlineData("aws_kms_key.k.arn == \"x\" ? 1 : 2", "unknown[aws_kms_key.k.arn,aws_kms_key.k]")]
    [InlineData("try(aws_kms_key.k.arn, \"x\")", "unknown[aws_kms_key.k.arn,aws_kms_key.k]")]
    [InlineData("can(aws_kms_key.k.arn)", "unknown[aws_kms_key.k.arn,aws_kms_key.k]")]
    [InlineData("jsonencode({ key = aws_kms_key.k.arn })", "unknown[aws_kms_key.k.arn,aws_kms_key.k]")]
    [InlineData("[for x in [aws_kms_key.k.arn] : upper(x)]", "partly-unknown")]
    [InlineData("timestamp()", "unknown[]")]
    public void Values_known_only_after_apply_are_unknown_and_carry_their_references(string expression, string expected)
    {
        var (value, _) = Evaluate(expression);
        Assert.Equal(expected, TempModule.Render(value));
    }

    [Theory]
    [InlineData("true || aws_kms_key.k.enabled", "true")]
    [InlineData("false && aws_kms_key.k.enabled", "false")]
    [InlineData("length([aws_kms_key.k.arn, 1])", "2")]
    [InlineData("coalesce(\"x\", aws_kms_key.k.arn)", "\"x\"")]
    [InlineData("coalesce(aws_kms_key.k.arn, \"x\")", "unknown[aws_kms_key.k.arn,aws_kms_key.k]")]
    public void Terraform_short_circuits_are_kept(string expression, string expected)
    {
        Assert.Equal(expected, TempModule.Render(Evaluate(expression).Value));
    }

    [Fact]
    public void The_workspace_is_the_one_selected_in_dot_terraform_else_TF_WORKSPACE_overrides_it()
    {
        // terraform workspace select dev writes .terraform/environment; TF_WORKSPACE (the option) wins over it.
        Assert.Equal("\"dev\"", TempModule.Render(Evaluate("terraform.workspace", (".terraform/environment", "dev\n")).Value));
        using var module = new TempModule(("main.tf", "resource \"test_thing\" \"t\" {\n  v = terraform.workspace\n}\n"), (".terraform/environment", "dev"));
        var read = module.Read(TerraformReadOptions.None with { Workspace = "prod" });
        Assert.Equal("\"prod\"", TempModule.Render(read.Graph.Resources.Single().After.Get("v")));
    }

    [Theory]
    [InlineData(null, "fail")]
    [InlineData("prod", "pass")]
    public void A_scan_judges_a_workspace_gated_protection_in_the_selected_workspace(string? tfWorkspace, string expected)
    {
        using var module = new TempModule(
            ("main.tf", "resource \"aws_dynamodb_table\" \"t\" {\n  name = \"t\"\n  deletion_protection_enabled = terraform.workspace != \"dev\"\n}\n"),
            (".terraform/environment", "dev"));
        var env = tfWorkspace is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["TF_WORKSPACE"] = tfWorkspace };
        var run = Tests.Support.CliRun.InProcess(env, "scan", module.Directory, "--format", "json", "--policy", "dynamodb:003");
        Assert.Equal(expected, (string)Newtonsoft.Json.Linq.JObject.Parse(run.Stdout)["results"]![0]!["status"]!);
    }

    [Fact]
    public void File_and_templatefile_read_relative_to_the_module()
    {
        var (value, warnings) = Evaluate("\"${file(\"${path.module}/name.txt\")}/${templatefile(\"${path.module}/t.tpl\", { name = \"orders\", n = 2 })}\"",
            ("name.txt", "prefix"), ("t.tpl", "%{ for i in range(n) }${name}${i}%{ endfor }"));
        Assert.Empty(warnings);
        Assert.Equal("\"prefix/orders0orders1\"", TempModule.Render(value));
    }

    [Fact]
    public void Capitalised_booleans_are_undefined_references_reported_as_warnings()
    {
        var (value, warnings) = Evaluate("True");
        Assert.True(value.IsUnknown);
        Assert.Equal(new[] { "True" }, value.Expression!.References);
        var warning = Assert.Single(warnings);
        Assert.StartsWith("main.tf:11:7: undefined reference \"True\"", warning);
    }

    [Fact]
    public void Unknown_functions_give_an_unknown_value_and_a_warning()
    {
        var (value, warnings) = Evaluate("frobnicate(var.env)");
        Assert.True(value.IsUnknown);
        Assert.Contains(warnings, w => w.Contains("function \"frobnicate\" is not supported", StringComparison.Ordinal));
    }

    [Fact]
    public void Evaluation_errors_are_warnings_and_unknown_values_never_exceptions()
    {
        var (value, warnings) = Evaluate("local.l[5]");
        Assert.True(value.IsUnknown);
        Assert.Contains(warnings, w => w.StartsWith("main.tf:11:14:", StringComparison.Ordinal) && w.Contains("out of range", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("regex(\"([\", \"x\")")]
    [InlineData("range(1e30)")]
    [InlineData("local.l[1e30]")]
    [InlineData("format(\"%[x]s\", 1)")]
    [InlineData("jsondecode(\"{\")")]
    [InlineData("yamldecode(\"a: [1\")")]
    [InlineData("yamldecode(\"\")")]
    [InlineData("yamldecode(\"a: 1\\n---\\nb: 2\")")]
    [InlineData("yamldecode(\"a: *nowhere\")")]
    [InlineData("yamldecode(\"a: 1\\na: 2\")")]
    [InlineData("yamldecode(join(\"\", [for i in range(600) : \"[\"]))")]
    [InlineData("base64decode(\"%%%\")")]
    [InlineData("1 / 0")]
    // Widths and precisions that would cost gigabytes (one ran out of memory, one used 4 GiB).
    [InlineData("format(\"%2147483647d\", 1)")]
    [InlineData("format(\"%.999999999f\", 1)")]
    [InlineData("format(\"%99999999999s\", 1)")]
    // Strings past 16 Mi characters (a module doubling a string local by local reached gigabytes and ran out of memory).
    [InlineData("join(\"\", [for i in range(200) : format(\"%100000s\", \"x\")])")]
    [InlineData("\"%{for i in range(200)}${format(\"%100000s\", \"x\")}%{endfor}\"")]
    // A million for-iterations in one module (nested fors over range(1024) reached a billion and ran past a minute).
    [InlineData("length(flatten([for a in range(1001) : [for b in range(1000) : b]]))")]
    [InlineData("length(setproduct(range(1000), range(1000), range(1000)))")]
    [InlineData("setproduct([1])")]
    // RE2 has no backreferences or lookaround; Terraform refuses them too.
    [InlineData("regex(\"(a)\\\\1\", \"aa\")")]
    [InlineData("regex(\"a(?=b)\", \"ab\")")]
    public void Bad_arguments_are_warnings_with_unknown_values(string expression)
    {
        var (value, warnings) = Evaluate(expression);
        Assert.True(value.IsUnknown);
        Assert.Contains(warnings, w => w.StartsWith("main.tf:11:", StringComparison.Ordinal));
    }

    [Theory]
    // Patterns that backtrack for minutes in a backtracking engine; RE2 (Terraform's) and the engine used here are linear.
    [InlineData("regex(\"^(a+)+$\", \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!\")", null)]
    [InlineData("regexall(\"(x+x+)+y\", \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\")", "[]")]
    [InlineData("replace(\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!\", \"/^(a|aa)+$/\", \"b\")", "\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!\"")]
    // RE2's named groups.
    [InlineData("regex(\"^(?P<region>[a-z]+-[a-z]+-[0-9])$\", \"eu-west-1\")", "{\"region\":\"eu-west-1\"}")]
    public void Regular_expressions_match_in_linear_time_with_re2_syntax(string expression, string? expected)
    {
        // A backtracking engine would run into the match timeout here and give a "timed out" warning instead.
        var (value, warnings) = Evaluate(expression);
        if (expected is null)
        {
            Assert.True(value.IsUnknown);
            Assert.Contains(warnings, w => w.Contains("did not match", StringComparison.Ordinal));
        }
        else
        {
            Assert.Empty(warnings);
            Assert.Equal(expected, TempModule.Render(value));
        }
    }

    [Fact]
    public void Ten_thousand_levels_of_nesting_evaluate_without_overflowing_the_stack()
    {
        const int depth = 10_000;
        var expression = new string('(', depth) + "1" + new string(')', depth) + " + " + string.Concat(Enumerable.Repeat("[", depth)) + "2" + string.Concat(Enumerable.Repeat("]", depth)) + string.Concat(Enumerable.Repeat("[0]", depth));
        var (value, warnings) = Evaluate(expression);
        Assert.Empty(warnings);
        Assert.Equal("3", TempModule.Render(value));
    }
}
