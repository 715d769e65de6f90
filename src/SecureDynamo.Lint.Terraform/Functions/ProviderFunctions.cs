using SecureDynamo.Lint.Core.Values;
using SecureDynamo.Lint.Terraform.Evaluation;
using static SecureDynamo.Lint.Terraform.Functions.FunctionLibrary;

namespace SecureDynamo.Lint.Terraform.Functions;

/// <summary>
/// Provider-defined functions (Terraform 1.8+) that DynamoDB code uses to write ARNs: the AWS provider's
/// <c>provider::aws::arn_build</c> and <c>provider::aws::arn_parse</c>.
/// </summary>
internal static class ProviderFunctions
{
    public const string ArnBuild = "provider::aws::arn_build";

    /// <summary>The format <see cref="ArnBuild"/> follows, for what is known of an ARN built from values known only after apply.</summary>
    public const string ArnFormat = "arn:%s:%s:%s:%s:%s";

    public static void Register(Dictionary<string, Func<IReadOnlyList<Value>, FunctionContext, Value>> f)
    {
        f[ArnBuild] = (a, _) =>
        {
            Arity(a, 5);
            RequireKnown(a);
            return Value.String(string.Join(':', new[] { "arn" }.Concat(a.Select(ValueOps.ToText))));
        };
        f["provider::aws::arn_parse"] = (a, _) =>
        {
            Arity(a, 1);
            RequireKnown(a);
            var arn = ValueOps.ToText(a[0]);
            var parts = arn.Split(':', 6);
            if (parts.Length < 6 || parts[0] != "arn") throw new EvaluationError($"\"{arn}\" is not an ARN (arn:partition:service:region:account-id:resource)");
            return Value.Map(new Dictionary<string, Value>(StringComparer.Ordinal)
            {
                ["partition"] = Value.String(parts[1]),
                ["service"] = Value.String(parts[2]),
                ["region"] = Value.String(parts[3]),
                ["account_id"] = Value.String(parts[4]),
                ["resource"] = Value.String(parts[5]),
            });
        };
    }
}
