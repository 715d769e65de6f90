using System.Text;
using System.Text.RegularExpressions;
using SecureDynamo.Lint.Core.Values;
using SecureDynamo.Lint.Terraform.Evaluation;
using static SecureDynamo.Lint.Terraform.Functions.FunctionLibrary;

namespace SecureDynamo.Lint.Terraform.Functions;

/// <summary>Terraform's string functions.</summary>
internal static class StringFunctions
{
    public static void Register(Dictionary<string, Func<IReadOnlyList<Value>, FunctionContext, Value>> f)
    {
        f["format"] = (a, _) => { RequireKnown(a); if (a.Count < 1) throw new EvaluationError("takes at least 1 argument"); return Value.String(FormatVerbs.Format(ValueOps.ToText(a[0]), a.Skip(1).ToList())); };
        f["formatlist"] = (a, _) => FormatList(a);
        f["join"] = (a, _) =>
        {
            if (a.Count < 2) throw new EvaluationError("takes a separator and at least one list");
            var sep = ValueOps.ToText(a[0]);
            var parts = new List<string>();
            foreach (var list in a.Skip(1)) foreach (var item in ValueOps.ToItems(list)) parts.Add(ValueOps.ToText(item));
            return Value.String(StringLimit.Join(sep, parts));
        };
        f["split"] = (a, _) =>
        {
            Arity(a, 2);
            var sep = ValueOps.ToText(a[0]);
            var s = ValueOps.ToText(a[1]);
            if (s.Length == 0) return Value.List(new[] { Value.String("") });
            var pieces = sep.Length == 0 ? s.Select(c => c.ToString()).ToArray() : s.Split(sep);
            return Value.List(pieces.Select(Value.String).ToList());
        };
        f["lower"] = (a, _) => { Arity(a, 1); return Value.String(ValueOps.ToText(a[0]).ToLowerInvariant()); };
        f["upper"] = (a, _) => { Arity(a, 1); return Value.String(ValueOps.ToText(a[0]).ToUpperInvariant()); };
        f["title"] = (a, _) => { Arity(a, 1); return Value.String(Regex.Replace(ValueOps.ToText(a[0]), @"\b\p{Ll}", m => m.Value.ToUpperInvariant())); };
        f["chomp"] = (a, _) => { Arity(a, 1); return Value.String(ValueOps.ToText(a[0]).TrimEnd('\n', '\r')); };
        f["trimspace"] = (a, _) => { Arity(a, 1); return Value.String(ValueOps.ToText(a[0]).Trim()); };
        f["trim"] = (a, _) => { Arity(a, 2); return Value.String(ValueOps.ToText(a[0]).Trim(ValueOps.ToText(a[1]).ToCharArray())); };
        f["trimprefix"] = (a, _) =>
        {
            Arity(a, 2);
            var s = ValueOps.ToText(a[0]);
            var p = ValueOps.ToText(a[1]);
            return Value.String(s.StartsWith(p, StringComparison.Ordinal) ? s[p.Length..] : s);
        };
        f["trimsuffix"] = (a, _) =>
        {
            Arity(a, 2);
            var s = ValueOps.ToText(a[0]);
            var p = ValueOps.ToText(a[1]);
            return Value.String(s.EndsWith(p, StringComparison.Ordinal) ? s[..^p.Length] : s);
        };
        f["substr"] = (a, _) =>
        {
            Arity(a, 3);
            var s = ValueOps.ToText(a[0]);
            var offset = ValueOps.ToInt(a[1]);
            var length = ValueOps.ToInt(a[2]);
            if (offset < 0) offset = Math.Max(0, s.Length + offset);
            if (offset > s.Length) throw new EvaluationError("offset is beyond the end of the string");
            if (length < 0 || offset + length > s.Length) length = s.Length - offset;
            return Value.String(s.Substring(offset, length));
        };
        f["startswith"] = (a, _) => { Arity(a, 2); return Value.Bool(ValueOps.ToText(a[0]).StartsWith(ValueOps.ToText(a[1]), StringComparison.Ordinal)); };
        f["endswith"] = (a, _) => { Arity(a, 2); return Value.Bool(ValueOps.ToText(a[0]).EndsWith(ValueOps.ToText(a[1]), StringComparison.Ordinal)); };
        f["strcontains"] = (a, _) => { Arity(a, 2); return Value.Bool(ValueOps.ToText(a[0]).Contains(ValueOps.ToText(a[1]), StringComparison.Ordinal)); };
        f["strrev"] = (a, _) => { Arity(a, 1); var c = ValueOps.ToText(a[0]).ToCharArray(); Array.Reverse(c); return Value.String(new string(c)); };
        f["replace"] = (a, _) =>
        {
            Arity(a, 3);
            var s = ValueOps.ToText(a[0]);
            var search = ValueOps.ToText(a[1]);
            var with = ValueOps.ToText(a[2]);
            if (search.Length > 1 && search.StartsWith('/') && search.EndsWith('/'))
            {
                return Value.String(TerraformRegex.Create(search[1..^1]).Replace(s, with));
            }
            return Value.String(search.Length == 0 ? s : s.Replace(search, with, StringComparison.Ordinal));
        };
        f["regex"] = (a, _) =>
        {
            Arity(a, 2);
            var m = TerraformRegex.Create(ValueOps.ToText(a[0])).Match(ValueOps.ToText(a[1]));
            if (!m.Success) throw new EvaluationError("pattern did not match any part of the given string");
            return MatchValue(m);
        };
        f["regexall"] = (a, _) =>
        {
            Arity(a, 2);
            var matches = TerraformRegex.Create(ValueOps.ToText(a[0])).Matches(ValueOps.ToText(a[1]));
            return Value.List(matches.Select(MatchValue).ToList());
        };
    }

    private static Value FormatList(IReadOnlyList<Value> a)
    {
        if (a.Count < 1) throw new EvaluationError("takes at least 1 argument");
        RequireKnown(a);
        var format = ValueOps.ToText(a[0]);
        var n = -1;
        foreach (var arg in a.Skip(1))
        {
            if (arg.Kind != ValueKind.List) continue;
            if (n >= 0 && n != arg.Items.Count) throw new EvaluationError("all list arguments must have the same length");
            n = arg.Items.Count;
        }
        if (n < 0) n = 1;
        var result = new List<Value>();
        for (var i = 0; i < n; i++)
        {
            result.Add(Value.String(FormatVerbs.Format(format, a.Skip(1).Select(x => x.Kind == ValueKind.List ? x.Items[i] : x).ToList())));
        }
        return Value.List(result);
    }

    private static Value MatchValue(Match m)
    {
        var groups = m.Groups.Cast<Group>().Skip(1).ToList();
        if (groups.Count == 0) return Value.String(m.Value);
        var named = groups.Where(g => !int.TryParse(g.Name, out _)).ToList();
        if (named.Count > 0) return Value.Map(named.ToDictionary(g => g.Name, g => g.Success ? Value.String(g.Value) : Value.Null, StringComparer.Ordinal));
        return Value.List(groups.Select(g => g.Success ? Value.String(g.Value) : Value.Null).ToList());
    }
}
