using SecureDynamo.Lint.Core.Evaluation;

namespace SecureDynamo.Lint.Policies.Engine;

/// <summary>
/// The report order of results: input, resource address, policy id, then message, all ordinal,
/// and stable (equal results keep their order). A plan has tens of thousands of results whose
/// addresses share long prefixes, so comparing the strings on every step of the sort dominated
/// the policy phase: the distinct inputs, addresses and policy ids are ranked once instead, the
/// results are sorted by those integer ranks, and messages are compared only between results of
/// the same input, address and policy (rarely more than one).
/// </summary>
internal static class ResultOrder
{
    public static EvaluationResult[] Sort(EvaluationResult[] items)
    {
        var inputs = new OrdinalRanks();
        var addresses = new OrdinalRanks();
        var policies = new OrdinalRanks();
        var keys = new Key[items.Length];
        for (var i = 0; i < items.Length; i++)
        {
            var r = items[i];
            keys[i] = new Key(inputs.Add(r.Input), addresses.Add(r.ResourceAddress), policies.Add(r.PolicyId), i);
        }
        var inputRank = inputs.Ranks();
        var addressRank = addresses.Ranks();
        var policyRank = policies.Ranks();
        for (var i = 0; i < keys.Length; i++)
        {
            ref var k = ref keys[i];
            k = new Key(RankOf(inputRank, k.Input), RankOf(addressRank, k.Address), RankOf(policyRank, k.Policy), k.Index);
        }
        Array.Sort(keys);
        OrderMessagesWithinRuns(keys, items);
        var sorted = new EvaluationResult[items.Length];
        for (var i = 0; i < keys.Length; i++) sorted[i] = items[keys[i].Index];
        return sorted;
    }

    private static int RankOf(int[] ranks, int id) => id < 0 ? -1 : ranks[id];

    /// <summary>Within each run of equal (input, address, policy), orders by message, then by original position.</summary>
    private static void OrderMessagesWithinRuns(Key[] keys, EvaluationResult[] items)
    {
        IComparer<Key>? byMessage = null;
        var start = 0;
        while (start < keys.Length)
        {
            var end = start + 1;
            while (end < keys.Length && keys[end].SameGroup(keys[start])) end++;
            if (end - start > 1)
            {
                byMessage ??= Comparer<Key>.Create((a, b) =>
                {
                    var c = string.CompareOrdinal(items[a.Index].Message, items[b.Index].Message);
                    return c != 0 ? c : a.Index.CompareTo(b.Index);
                });
                Array.Sort(keys, start, end - start, byMessage);
            }
            start = end;
        }
    }

    /// <summary>The ranks of one result's input, address and policy id, and its original position (which makes the sort stable).</summary>
    private readonly record struct Key(int Input, int Address, int Policy, int Index) : IComparable<Key>
    {
        public bool SameGroup(Key other) => Input == other.Input && Address == other.Address && Policy == other.Policy;

        public int CompareTo(Key other)
        {
            if (Input != other.Input) return Input.CompareTo(other.Input);
            if (Address != other.Address) return Address.CompareTo(other.Address);
            if (Policy != other.Policy) return Policy.CompareTo(other.Policy);
            return Index.CompareTo(other.Index);
        }
    }
}
