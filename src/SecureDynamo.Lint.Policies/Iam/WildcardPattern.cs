namespace SecureDynamo.Lint.Policies.Iam;

/// <summary>
/// IAM wildcard matching: <c>*</c> matches any run of characters, <c>?</c> one character,
/// case-insensitively. Simulated as a set of pattern positions, so there is no backtracking
/// blow-up on patterns such as <c>*a*a*a*b</c>.
/// </summary>
public static class WildcardPattern
{
    /// <summary>Whether <paramref name="pattern"/> matches all of <paramref name="text"/>.</summary>
    public static bool Matches(string pattern, string text) => StatesAfter(pattern, text).Contains(pattern.Length);

    /// <summary>Whether <paramref name="pattern"/> matches some string that starts with <paramref name="prefix"/>.</summary>
    public static bool MatchesSomeWithPrefix(string pattern, string prefix) => StatesAfter(pattern, prefix).Count > 0;

    /// <summary>Whether <paramref name="pattern"/> matches every non-empty continuation of <paramref name="prefix"/>.</summary>
    public static bool MatchesAllWithPrefix(string pattern, string prefix)
    {
        foreach (var state in StatesAfter(pattern, prefix))
        {
            if (state < pattern.Length && IsAllWildcard(pattern[state..])) return true;
        }
        return false;
    }

    /// <summary>
    /// Whether <paramref name="pattern"/> matches every non-empty string: nothing but wildcards, with a <c>*</c> and
    /// at most one <c>?</c> (<c>*</c>, <c>**</c>, <c>?*</c>, <c>*?</c>).
    /// </summary>
    public static bool IsAllWildcard(string pattern) => MatchesEveryStringOfLength(pattern, 1);

    /// <summary>Whether <paramref name="pattern"/> matches every string at least <paramref name="length"/> characters long.</summary>
    public static bool MatchesEveryStringOfLength(string pattern, int length)
    {
        var stars = 0;
        var marks = 0;
        foreach (var c in pattern)
        {
            if (c == '*') stars++;
            else if (c == '?') marks++;
            else return false;
        }
        return stars > 0 && marks <= length;
    }

    private static HashSet<int> StatesAfter(string pattern, string text)
    {
        var states = Closure(pattern, new HashSet<int> { 0 });
        foreach (var c in text)
        {
            var next = new HashSet<int>();
            foreach (var s in states)
            {
                if (s >= pattern.Length) continue;
                var p = pattern[s];
                if (p == '*') next.Add(s);
                else if (p == '?' || char.ToLowerInvariant(p) == char.ToLowerInvariant(c)) next.Add(s + 1);
            }
            states = Closure(pattern, next);
            if (states.Count == 0) break;
        }
        return states;
    }

    private static HashSet<int> Closure(string pattern, HashSet<int> states)
    {
        var stack = new Stack<int>(states);
        while (stack.Count > 0)
        {
            var s = stack.Pop();
            if (s < pattern.Length && pattern[s] == '*' && states.Add(s + 1)) stack.Push(s + 1);
        }
        return states;
    }
}
