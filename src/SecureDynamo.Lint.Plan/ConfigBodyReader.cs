using System.Text.Json;
using SecureDynamo.Lint.Core.Graph;
using SecureDynamo.Lint.Core.Values;

namespace SecureDynamo.Lint.Plan;

/// <summary>Reads configuration <c>expressions</c> objects: expression objects are arguments, arrays (or plain objects) are nested blocks.</summary>
internal static class ConfigBodyReader
{
    public static ConfigBody ReadBody(JsonElement expressions, string module)
    {
        if (expressions.ValueKind != JsonValueKind.Object) return ConfigBody.Empty;
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
                    blocks[p.Name] = p.Value.EnumerateArray().Where(b => b.ValueKind == JsonValueKind.Object).Select(b => ReadBody(b, module)).ToArray();
                    break;
            }
        }
        return attributes.Count == 0 && blocks.Count == 0 ? ConfigBody.Empty : new ConfigBody(attributes, blocks);
    }

    public static Expression? ReadExpression(JsonElement token, string module)
    {
        if (token.ValueKind != JsonValueKind.Object) return null;
        var references = ValueConverter.Property(token, "references") is { ValueKind: JsonValueKind.Array } r
            ? r.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!).ToArray()
            : Array.Empty<string>();
        var constant = token.TryGetProperty("constant_value", out var c) ? ValueConverter.Convert(c) : null;
        return new Expression(module, references, constant);
    }

    /// <summary>Every argument of an <c>expressions</c> object that is an expression (module call arguments, provider arguments).</summary>
    public static Dictionary<string, Expression> ReadArguments(JsonElement expressions, string module)
    {
        var arguments = new Dictionary<string, Expression>(StringComparer.Ordinal);
        if (expressions.ValueKind != JsonValueKind.Object) return arguments;
        foreach (var a in expressions.EnumerateObject())
        {
            if (ReadExpression(a.Value, module) is { } e) arguments[a.Name] = e;
        }
        return arguments;
    }

    private static bool IsExpression(JsonElement o)
    {
        using var properties = o.EnumerateObject();
        return !properties.MoveNext() || o.TryGetProperty("references", out _) || o.TryGetProperty("constant_value", out _);
    }
}
