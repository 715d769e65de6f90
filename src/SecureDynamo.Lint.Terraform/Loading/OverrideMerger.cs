using SecureDynamo.Lint.Hcl.Syntax;
using Attribute = SecureDynamo.Lint.Hcl.Syntax.Attribute;

namespace SecureDynamo.Lint.Terraform.Loading;

/// <summary>
/// Merges override files (<c>override.tf</c>, <c>*_override.tf</c>) into the primary blocks as
/// Terraform does: a block with the same type and labels takes the override's arguments, and a
/// nested block type present in the override replaces all nested blocks of that type.
/// </summary>
internal static class OverrideMerger
{
    public static void Merge(List<Block> blocks, Dictionary<string, Attribute> locals, IEnumerable<Block> overrides)
    {
        foreach (var o in overrides)
        {
            if (o.Type == "locals")
            {
                foreach (var a in o.Body.Attributes)
                {
                    if (!locals.ContainsKey(a.Name)) throw MissingBase($"local value \"{a.Name}\"", a.NameRange);
                    locals[a.Name] = a;
                }
                continue;
            }
            var i = blocks.FindIndex(b => b.Type == o.Type && b.Labels.SequenceEqual(o.Labels) && SameProviderAlias(b, o));
            if (i < 0)
            {
                // Terraform refuses an override of something the module does not declare (a misspelt resource name):
                // ignored, the hardening it was written for would be believed applied.
                if (o.Type is "resource" or "data" or "variable" or "output" or "module") throw MissingBase($"{o.Type} {string.Join(".", o.Labels)}", o.TypeRange);
                continue;
            }
            blocks[i] = blocks[i] with { Body = MergeBody(blocks[i].Body, o.Body) };
        }
    }

    private static Core.Diagnostics.InputException MissingBase(string what, Core.Diagnostics.SourceRange at) =>
        new(at.File, $"overrides {what}, which no other file of the module declares; Terraform refuses an override without its base (misspelt name?)", at.Start.Line, at.Start.Column);

    private static bool SameProviderAlias(Block a, Block b) =>
        a.Type != "provider" || AliasOf(a) == AliasOf(b);

    private static string? AliasOf(Block b) =>
        b.Body.Attributes.FirstOrDefault(x => x.Name == "alias")?.Expression is TemplateExpr { Parts: [LiteralValue { Value: Hcl.Values.HclString s }] } ? s.Value : null;

    public static Body MergeBody(Body primary, Body over)
    {
        var attributes = primary.Attributes.Where(a => over.Attributes.All(o => o.Name != a.Name)).Concat(over.Attributes).ToList();
        var replaced = over.Blocks.Select(b => b.Type == "dynamic" && b.Labels.Count == 1 ? b.Labels[0] : b.Type).ToHashSet(StringComparer.Ordinal);
        var blocks = primary.Blocks.Where(b => !replaced.Contains(b.Type == "dynamic" && b.Labels.Count == 1 ? b.Labels[0] : b.Type)).Concat(over.Blocks).ToList();
        return primary with { Attributes = attributes, Blocks = blocks };
    }
}
