using SecureDynamo.Lint.Core.Values;

namespace SecureDynamo.Lint.Terraform.Evaluation;

/// <summary>
/// Names bound around an expression: <c>each</c>, <c>count</c>, <c>for</c> variables, <c>dynamic</c>
/// iterators. Immutable; inner bindings shadow outer ones.
/// </summary>
internal sealed class Bindings
{
    public static readonly Bindings Empty = new(null, "", Value.Null);

    private readonly Bindings? _parent;
    private readonly string _name;
    private readonly Value _value;

    private Bindings(Bindings? parent, string name, Value value)
    {
        _parent = parent;
        _name = name;
        _value = value;
    }

    public Bindings With(string name, Value value) => new(this, name, value);

    public bool TryGet(string name, out Value value)
    {
        for (var b = this; b is not null && b._parent is not null; b = b._parent)
        {
            if (b._name == name)
            {
                value = b._value;
                return true;
            }
        }
        value = Value.Null;
        return false;
    }
}
