using SecureDynamo.Lint.Core.Values;
using SecureDynamo.Lint.Terraform.Evaluation;

namespace SecureDynamo.Lint.Terraform.Functions;

/// <summary>The Terraform functions securedynamo evaluates, by name.</summary>
internal static class FunctionLibrary
{
    private static readonly Dictionary<string, Func<IReadOnlyList<Value>, FunctionContext, Value>> Functions = Build();

    public static bool Has(string name) => Functions.ContainsKey(name);

    public static IEnumerable<string> Names => Functions.Keys;

    /// <summary>Calls <paramref name="name"/>; unknown content it needs raises <see cref="UnknownEncountered"/>.</summary>
    public static Value Call(string name, IReadOnlyList<Value> args, FunctionContext context) => Functions[name](args, context);

    private static Dictionary<string, Func<IReadOnlyList<Value>, FunctionContext, Value>> Build()
    {
        var all = new Dictionary<string, Func<IReadOnlyList<Value>, FunctionContext, Value>>(StringComparer.Ordinal);
        StringFunctions.Register(all);
        CollectionFunctions.Register(all);
        NumericFunctions.Register(all);
        EncodingFunctions.Register(all);
        FileFunctions.Register(all);
        ProviderFunctions.Register(all);
        return all;
    }

    /// <summary>Checks the argument count.</summary>
    public static void Arity(IReadOnlyList<Value> args, int min, int max = -1)
    {
        if (max < 0) max = min;
        if (args.Count < min || args.Count > max)
        {
            throw new EvaluationError(min == max ? $"takes {min} argument(s), got {args.Count}" : $"takes {min} to {max} arguments, got {args.Count}");
        }
    }

    /// <summary>Raises <see cref="UnknownEncountered"/> when any argument is or holds an unknown value.</summary>
    public static void RequireKnown(IEnumerable<Value> args)
    {
        foreach (var a in args) if (a.ContainsUnknown()) throw new UnknownEncountered();
    }
}
