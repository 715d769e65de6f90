using SecureDynamo.Lint.Core.Graph;
using SecureDynamo.Lint.Core.Resolution;
using SecureDynamo.Lint.Core.Values;

namespace SecureDynamo.Lint.Policies.Iam;

/// <summary>
/// A configuration body as a value: constants and references that resolve to constants are known;
/// other expressions are unknown values carrying their expression. Blocks become lists of maps.
/// </summary>
internal static class ConfigValues
{
    private const int MaxDepth = 32;

    public static Value Of(ConfigBody body, ReferenceResolver resolver) => Of(body, resolver, 0);

    private static Value Of(ConfigBody body, ReferenceResolver resolver, int depth)
    {
        var fields = new Dictionary<string, Value>(StringComparer.Ordinal);
        foreach (var (name, expression) in body.Attributes)
        {
            fields[name] = expression.References.Count == 0 && expression.Constant is not null
                ? expression.Constant
                : resolver.Resolve(expression) is ConstantOrigin c ? c.Value : Value.Unknown(expression);
        }
        if (depth < MaxDepth)
        {
            foreach (var (name, blocks) in body.Blocks)
            {
                fields[name] = Value.List(blocks.Select(b => Of(b, resolver, depth + 1)).ToArray());
            }
        }
        return Value.Map(fields);
    }
}
