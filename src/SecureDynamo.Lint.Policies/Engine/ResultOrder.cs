using SecureDynamo.Lint.Core.Evaluation;

namespace SecureDynamo.Lint.Policies.Engine;

/// <summary>
/// The report order of results: input, resource address, policy id, then message, all ordinal,
/// and stable (equal results keep their order). A plan has tens of thousands of results whose
/// addresses share long prefixes, so comparing the strings on every step of a sort dominated the
/// policy phase. Instead the distinct inputs, addresses and policy ids are ranked once, the results
/// are put in order of those ranks by stable counting sorts (policy, then address, then input: the
/// last pass decides first, earlier passes break its ties), and messages are compared only between
/// results of the same input, address and policy (rarely more than one).
/// </summary>
internal static class ResultOrder
{
    public static EvaluationResult[] Sort(EvaluationResult[] items)
    {
        var addresses = new OrdinalRanks();
        var address = new int[items.Length];
        for (var i = 0; i < items.Length; i++) address[i] = addresses.Add(items[i].ResourceAddress);
        ToRanks(address, addresses.Ranks());
        return Sort(items, address, addresses.Count + 1);
    }

    /// <param name="addressIds">
    /// The id of each result's address (the engine's results, numbered as they were judged); <paramref name="addressTexts"/>
    /// gives each id's text (null for an id not used). Ids of equal texts share their rank.
    /// </param>
    public static EvaluationResult[] Sort(EvaluationResult[] items, int[] addressIds, string?[] addressTexts)
    {
        var ids = new int[addressTexts.Length];
        for (var i = 0; i < ids.Length; i++) ids[i] = i;
        var texts = (string?[])addressTexts.Clone();
        // Unused ids (null) sort first and are never looked up.
        Array.Sort(texts, ids, StringComparer.Ordinal);
        var rankOfId = new int[texts.Length];
        var rank = 0;
        for (var i = 0; i < texts.Length; i++)
        {
            if (i > 0 && !string.Equals(texts[i], texts[i - 1], StringComparison.Ordinal)) rank++;
            rankOfId[ids[i]] = rank + 1;
        }
        var address = new int[items.Length];
        for (var i = 0; i < items.Length; i++) address[i] = rankOfId[addressIds[i]];
        return Sort(items, address, rank + 2);
    }

    /// <param name="address">Each result's address rank, from 1 (0: no address).</param>
    /// <param name="addressBuckets">One more than the highest rank.</param>
    private static EvaluationResult[] Sort(EvaluationResult[] items, int[] address, int addressBuckets)
    {
        var inputs = new OrdinalRanks();
        var policies = new OrdinalRanks();
        var input = new int[items.Length];
        var policy = new int[items.Length];
        for (var i = 0; i < items.Length; i++)
        {
            var r = items[i];
            input[i] = inputs.Add(r.Input);
            policy[i] = policies.Add(r.PolicyId);
        }
        ToRanks(input, inputs.Ranks());
        ToRanks(policy, policies.Ranks());

        var order = new int[items.Length];
        for (var i = 0; i < order.Length; i++) order[i] = i;
        // The passes write into one spare array and swap with it (large arrays are allocated once each).
        var spare = new int[items.Length];
        StableSortBy(ref order, ref spare, policy, policies.Count + 1);
        StableSortBy(ref order, ref spare, address, addressBuckets);
        StableSortBy(ref order, ref spare, input, inputs.Count + 1);
        OrderMessagesWithinRuns(order, items, input, address, policy);

        var sorted = new EvaluationResult[items.Length];
        for (var i = 0; i < order.Length; i++) sorted[i] = items[order[i]];
        return sorted;
    }

    /// <summary>Replaces provisional ids by ranks shifted by one, so that null (id -1) takes bucket 0 and sorts first.</summary>
    private static void ToRanks(int[] ids, int[] rankOfId)
    {
        for (var i = 0; i < ids.Length; i++) ids[i] = ids[i] < 0 ? 0 : rankOfId[ids[i]] + 1;
    }

    /// <summary>
    /// A counting sort of <paramref name="order"/> by <paramref name="bucket"/> (below <paramref name="buckets"/>): stable,
    /// linear; the sorted order is left in <paramref name="order"/> (written into <paramref name="spare"/>, then swapped).
    /// </summary>
    private static void StableSortBy(ref int[] order, ref int[] spare, int[] bucket, int buckets)
    {
        // A single key value (usually the input) leaves the order as it is.
        if (buckets <= 1 || AllEqual(bucket)) return;
        var starts = new int[buckets + 1];
        foreach (var i in order) starts[bucket[i] + 1]++;
        for (var b = 1; b < starts.Length; b++) starts[b] += starts[b - 1];
        foreach (var i in order) spare[starts[bucket[i]]++] = i;
        (order, spare) = (spare, order);
    }

    private static bool AllEqual(int[] values)
    {
        for (var i = 1; i < values.Length; i++) if (values[i] != values[0]) return false;
        return true;
    }

    /// <summary>Within each run of equal (input, address, policy), orders by message, then by original position.</summary>
    private static void OrderMessagesWithinRuns(int[] order, EvaluationResult[] items, int[] input, int[] address, int[] policy)
    {
        IComparer<int>? byMessage = null;
        var start = 0;
        while (start < order.Length)
        {
            var first = order[start];
            var end = start + 1;
            while (end < order.Length && address[order[end]] == address[first] && policy[order[end]] == policy[first] && input[order[end]] == input[first]) end++;
            if (end - start > 1)
            {
                byMessage ??= Comparer<int>.Create((a, b) =>
                {
                    var c = string.CompareOrdinal(items[a].Message, items[b].Message);
                    return c != 0 ? c : a.CompareTo(b);
                });
                Array.Sort(order, start, end - start, byMessage);
            }
            start = end;
        }
    }
}
