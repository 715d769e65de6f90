using SecureDynamo.Lint.Core.Graph;
using SecureDynamo.Lint.Core.Values;

namespace SecureDynamo.Lint.Policies.Engine;

/// <summary>A policy defined by data: an <see cref="AttributeRule"/> applied to each resource of its types.</summary>
public sealed class DeclarativePolicy : ResourcePolicy
{
    private readonly string _id;

    public DeclarativePolicy(string id, AttributeRule rule, string? definitionFile)
    {
        _id = id;
        Rule = rule;
        DefinitionFile = definitionFile;
    }

    /// <summary>The custom policy file it was loaded from; null for a built-in policy.</summary>
    public string? DefinitionFile { get; }

    public override string Id => _id;

    public AttributeRule Rule { get; }

    protected override Verdict Judge(Resource resource, PolicyContext context)
    {
        var value = context.Effective(resource, Rule.Path);
        var shown = value.IsNull ? "not set" : value.IsUnknown ? "unknown" : value.ToDisplayString();
        return Rule.Holds(value) switch
        {
            true => Verdict.Pass(resource, $"{Rule.Path} is {shown}", Rule.Path),
            false => Verdict.Fail(resource, $"{Rule.Path} is {shown}; {Rule.Fix}", Rule.Path),
            null => Verdict.Unknown(resource,
                $"{Rule.Path} {context.Unknown(value)}; {Rule.Fix}", Rule.Path),
        };
    }
}
