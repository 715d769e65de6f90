using System.Text.Json;
using SecureDynamo.Lint.Core.Graph;
using SecureDynamo.Lint.Core.Values;
using SecureDynamo.Lint.Plan.Json;

namespace SecureDynamo.Lint.Plan;

/// <summary>Reads configuration <c>expressions</c> objects: expression objects are arguments, arrays (or plain objects) are nested blocks.</summary>
internal static class ConfigBodyReader
{
    /// <remarks>A member of another JSON type than Terraform writes is a <see cref="JsonShapeException"/>: read as absent, it would hide an argument.</remarks>
    public static ConfigBody ReadBody(JsonElement expressions, string module)
    {
        if (!IsObject(expressions, "expressions")) return ConfigBody.Empty;
        var attributes = new Dictionary<string, Expression>(StringComparer.Ordinal);
        var blocks = new Dictionary<string, IReadOnlyList<ConfigBody>>(StringComparer.Ordinal);
        foreach (var p in expressions.EnumerateObject())
        {
            switch (p.Value.ValueKind)
            {
                case JsonValueKind.Object when IsExpression(p.Value):
                    attributes[p.Name] = ReadExpression(p.Value, module)!;
                    break;
                case JsonValueKind.Object:
                    blocks[p.Name] = new[] { ReadBody(p.Value, module) };
                    break;
                case JsonValueKind.Array:
                    blocks[p.Name] = p.Value.EnumerateArray().Select(b => IsObject(b, $"expressions.{p.Name}[]") ? ReadBody(b, module) : ConfigBody.Empty).ToArray();
                    break;
                case JsonValueKind.Null:
                    break;
                default:
                    throw new JsonShapeException($"\"expressions.{p.Name}\" must be an expression object or a list of blocks, found {JsonProblems.Describe(p.Value.ValueKind)}");
            }
        }
        return attributes.Count == 0 && blocks.Count == 0 ? ConfigBody.Empty : new ConfigBody(attributes, blocks);
    }

    public static Expression? ReadExpression(JsonElement token, string module)
    {
        if (!IsObject(token, "expression")) return null;
        var listed = ValueConverter.Property(token, "references");
        var references = IsArray(listed, "references")
            ? listed.EnumerateArray().Select(x => x.ValueKind == JsonValueKind.String ? x.GetString()! : throw new JsonShapeException($"\"references\" must list strings, found {JsonProblems.Describe(x.ValueKind)}")).ToArray()
            : Array.Empty<string>();
        var constant = token.TryGetProperty("constant_value", out var c) ? ValueConverter.Convert(c) : null;
        return new Expression(module, references, constant);
    }

    /// <summary>Every argument of an <c>expressions</c> object that is an expression (module call arguments, provider arguments).</summary>
    public static Dictionary<string, Expression> ReadArguments(JsonElement expressions, string module)
    {
        var arguments = new Dictionary<string, Expression>(StringComparer.Ordinal);
        if (!IsObject(expressions, "expressions")) return arguments;
        foreach (var a in expressions.EnumerateObject())
        {
            // Blocks (a provider's default_tags, assume_role) are lists; what is not a block must be an expression. The
            // arguments of a block written once are kept as "block.argument" (default_tags.tags): names that hold no dot.
            if (a.Value.ValueKind == JsonValueKind.Array)
            {
                if (a.Value.GetArrayLength() != 1 || a.Value[0].ValueKind != JsonValueKind.Object) continue;
                foreach (var inner in a.Value[0].EnumerateObject())
                {
                    if (inner.Value.ValueKind == JsonValueKind.Object && ReadExpression(inner.Value, module) is { } b) arguments[$"{a.Name}.{inner.Name}"] = b;
                }
                continue;
            }
            if (IsObject(a.Value, $"expressions.{a.Name}") && ReadExpression(a.Value, module) is { } e) arguments[a.Name] = e;
        }
        return arguments;
    }

    /// <summary>Whether <paramref name="e"/> is an object; false when absent or null; a <see cref="JsonShapeException"/> for another type.</summary>
    internal static bool IsObject(JsonElement e, string what) => e.ValueKind switch
    {
        JsonValueKind.Object => true,
        JsonValueKind.Undefined or JsonValueKind.Null => false,
        _ => throw new JsonShapeException($"\"{what}\" must be an object, found {JsonProblems.Describe(e.ValueKind)}"),
    };

    private static bool IsArray(JsonElement e, string what) => e.ValueKind switch
    {
        JsonValueKind.Array => true,
        JsonValueKind.Undefined or JsonValueKind.Null => false,
        _ => throw new JsonShapeException($"\"{what}\" must be an array, found {JsonProblems.Describe(e.ValueKind)}"),
    };

    private static bool IsExpression(JsonElement o)
    {
        using var properties = o.EnumerateObject();
        return !properties.MoveNext() || o.TryGetProperty("references", out _) || o.TryGetProperty("constant_value", out _);
    }
}
