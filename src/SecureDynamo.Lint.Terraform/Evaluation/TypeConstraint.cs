using SecureDynamo.Lint.Core.Values;
using SecureDynamo.Lint.Hcl.Syntax;
using SecureDynamo.Lint.Hcl.Values;
using HclExpression = SecureDynamo.Lint.Hcl.Syntax.Expression;

namespace SecureDynamo.Lint.Terraform.Evaluation;

/// <summary>
/// A variable's <c>type</c>: Terraform converts every input value to it before the module sees it, so
/// an object type fills absent <c>optional(...)</c> attributes with null or their default, drops
/// undeclared attributes, and turns <c>"true"</c> into a bool.
/// </summary>
internal sealed class TypeConstraint
{
    public static readonly TypeConstraint Any = new(TypeKind.Any, null, Array.Empty<TypeConstraint>(), new Dictionary<string, ObjectAttributeType>());

    private TypeConstraint(TypeKind kind, TypeConstraint? element, IReadOnlyList<TypeConstraint> elements, IReadOnlyDictionary<string, ObjectAttributeType> attributes)
    {
        Kind = kind;
        Element = element;
        Elements = elements;
        Attributes = attributes;
    }

    public TypeKind Kind { get; }

    /// <summary>The element type of a list, set or map.</summary>
    public TypeConstraint? Element { get; }

    /// <summary>The element types of a tuple.</summary>
    public IReadOnlyList<TypeConstraint> Elements { get; }

    /// <summary>The attributes of an object type.</summary>
    public IReadOnlyDictionary<string, ObjectAttributeType> Attributes { get; }

    /// <summary>Reads a type expression; optional defaults are evaluated with <paramref name="evaluator"/>. An expression that is not a type raises <see cref="EvaluationError"/>.</summary>
    public static TypeConstraint Parse(HclExpression e, ExpressionEvaluator evaluator)
    {
        switch (e)
        {
            case ScopeTraversal { Traversal: [TraverseRoot root] }:
                return root.Name switch
                {
                    "any" => Any,
                    "string" => Primitive(TypeKind.String),
                    "number" => Primitive(TypeKind.Number),
                    "bool" => Primitive(TypeKind.Bool),
                    _ => throw new EvaluationError($"\"{root.Name}\" is not a type", e.Range),
                };
            case Parenthesized p:
                return Parse(p.Inner, evaluator);
            case FunctionCall { Name: "list" or "set" or "map", Args: [var element] } f:
                var kind = f.Name switch { "list" => TypeKind.List, "set" => TypeKind.Set, _ => TypeKind.Map };
                return new TypeConstraint(kind, Parse(element, evaluator), Array.Empty<TypeConstraint>(), NoAttributes);
            case FunctionCall { Name: "tuple", Args: [TupleCons items] }:
                return new TypeConstraint(TypeKind.Tuple, null, items.Items.Select(i => Parse(i, evaluator)).ToList(), NoAttributes);
            case FunctionCall { Name: "object", Args: [ObjectCons o] }:
                var attributes = new Dictionary<string, ObjectAttributeType>(StringComparer.Ordinal);
                foreach (var item in o.Items) attributes[KeyName(item.Key)] = Attribute(item.Value, evaluator);
                return new TypeConstraint(TypeKind.Object, null, Array.Empty<TypeConstraint>(), attributes);
            default:
                throw new EvaluationError("the type constraint is not understood", e.Range);
        }
    }

    private static readonly IReadOnlyDictionary<string, ObjectAttributeType> NoAttributes = new Dictionary<string, ObjectAttributeType>();

    private static TypeConstraint Primitive(TypeKind kind) => new(kind, null, Array.Empty<TypeConstraint>(), NoAttributes);

    private static ObjectAttributeType Attribute(HclExpression e, ExpressionEvaluator evaluator)
    {
        if (e is not FunctionCall { Name: "optional" } f) return new ObjectAttributeType(Parse(e, evaluator), false, null);
        if (f.Args.Count is < 1 or > 2) throw new EvaluationError("optional takes a type and an optional default", f.Range);
        var type = Parse(f.Args[0], evaluator);
        Value? fallback = f.Args.Count == 2 ? evaluator.Evaluate(f.Args[1], Bindings.Empty) : null;
        return new ObjectAttributeType(type, true, fallback);
    }

    private static string KeyName(ObjectConsKey key) => key.Wrapped switch
    {
        ScopeTraversal { Traversal: [TraverseRoot root] } => root.Name,
        TemplateExpr { Parts: [LiteralValue { Value: HclString s }] } => s.Value,
        _ => throw new EvaluationError("an object type's attribute names must be literal", key.Range),
    };
}
