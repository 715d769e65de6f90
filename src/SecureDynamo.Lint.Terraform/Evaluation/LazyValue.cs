using SecureDynamo.Lint.Core.Diagnostics;
using SecureDynamo.Lint.Core.Values;

namespace SecureDynamo.Lint.Terraform.Evaluation;

/// <summary>A named value computed on first use (locals, variables, module outputs); re-entry is a cycle.</summary>
internal sealed class LazyValue
{
    private readonly Func<Value> _compute;
    private readonly EvaluationStack _stack;
    private Value? _value;
    private bool _running;

    /// <param name="definedAt">Where the value is written (named in a cycle's error).</param>
    public LazyValue(string name, EvaluationStack stack, Func<Value> compute, SourceRange? definedAt = null)
    {
        Name = name;
        _stack = stack;
        _compute = compute;
        _definedAt = definedAt;
    }

    private readonly SourceRange? _definedAt;

    public string Name { get; }

    public Value Get()
    {
        if (_value is not null) return _value;
        if (_running) throw new CycleException(_stack.CycleTo(Name), _definedAt);
        _running = true;
        _stack.Push(Name);
        try
        {
            _value = _compute();
        }
        finally
        {
            _stack.Pop();
            _running = false;
        }
        return _value;
    }
}
