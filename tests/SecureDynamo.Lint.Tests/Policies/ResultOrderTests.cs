using SecureDynamo.Lint.Core.Evaluation;
using SecureDynamo.Lint.Policies.Engine;

namespace SecureDynamo.Lint.Tests.Policies;

/// <summary>
/// <see cref="PolicyEngine.Order"/> (which sorts integer ranks, not strings) gives exactly the order of
/// a stable ordinal sort by input, address, policy id and message.
/// </summary>
public sealed class ResultOrderTests
{
    [Fact]
    public void Order_is_the_stable_ordinal_order_of_input_address_policy_and_message()
    {
        var random = new Random(20261202);
        string Pick(params string[] options) => options[random.Next(options.Length)];
        var results = new List<EvaluationResult>();
        for (var i = 0; i < 2000; i++)
        {
            // Few distinct values, so that ties (and runs sharing input, address and policy) are common;
            // prefixes of one another and non-ASCII text test ordinal (not culture) order.
            var address = Pick("module.a[\"x\"].aws_dynamodb_table.t", "module.a[\"x\"].aws_dynamodb_table.t[0]", "module.a[\"X\"].aws_dynamodb_table.t", "aws_kms_key.k", "aws_kms_key.k\u00e9", "module.b[10].aws_dynamodb_table.t", "module.b[2].aws_dynamodb_table.t");
            results.Add(new EvaluationResult(
                Pick("dynamodb:001", "dynamodb:010", "dynamodb:002", "acme:Custom"),
                "title",
                Severity.High,
                Status.Pass,
                address,
                "aws_dynamodb_table",
                Pick("b", "a", "B", "", "a long message") + (random.Next(3) == 0 ? "" : " #" + i % 3),
                null,
                null,
                Pick("plan.json", "main/plan.json", "Plan.json"),
                // Marks each result, so that the test sees whether equal results keep their order.
                SuppressionReason: i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        var expected = results
            .OrderBy(r => r.Input, StringComparer.Ordinal)
            .ThenBy(r => r.ResourceAddress, StringComparer.Ordinal)
            .ThenBy(r => r.PolicyId, StringComparer.Ordinal)
            .ThenBy(r => r.Message, StringComparer.Ordinal)
            .ToList();
        var actual = PolicyEngine.Order(results);

        Assert.Equal(expected.Select(r => r.SuppressionReason), actual.Select(r => r.SuppressionReason));
        // With the address of each result given by id (as the engine numbers the resources it judges): the same order.
        // Two resource objects may share an address (a deposed object and the current one): two ids of one text share
        // their rank; a number two threads both drew leaves an unused id (no text).
        var texts = new List<string?>();
        var idsByAddress = new Dictionary<string, int[]>(StringComparer.Ordinal);
        int IdOf(string address)
        {
            if (!idsByAddress.TryGetValue(address, out var two))
            {
                texts.Add(null);
                idsByAddress[address] = two = [texts.Count, texts.Count + 1];
                texts.Add(address);
                texts.Add(address);
            }
            return two[random.Next(2)];
        }
        var ids = results.Select(r => IdOf(r.ResourceAddress!)).ToArray();
        var byIds = ResultOrder.Sort(results.ToArray(), ids, texts.ToArray());
        Assert.Equal(expected.Select(r => r.SuppressionReason), byIds.Select(r => r.SuppressionReason));
    }

    [Fact]
    public void Order_keeps_results_of_a_single_input_and_address_by_policy_then_message()
    {
        EvaluationResult Result(string policy, string message) =>
            new(policy, "title", Severity.Low, Status.Fail, "aws_dynamodb_table.t", "aws_dynamodb_table", message, null, null, "plan.json");
        var results = new[] { Result("dynamodb:002", "b"), Result("dynamodb:001", "z"), Result("dynamodb:002", "a"), Result("dynamodb:001", "z") };

        var actual = PolicyEngine.Order(results);

        Assert.Equal(new[] { results[1], results[3], results[2], results[0] }, actual, ReferenceEqualityComparer.Instance);
    }
}
