namespace SecureDynamo.Lint.Terraform.Evaluation;

/// <summary>The named values being computed right now, innermost last: a re-entered name closes a cycle.</summary>
internal sealed class EvaluationStack
{
    private readonly List<string> _names = new();

    public void Push(string name) => _names.Add(name);

    public void Pop() => _names.RemoveAt(_names.Count - 1);

    public IReadOnlyList<string> CycleTo(string name)
    {
        var start = _names.LastIndexOf(name);
        var cycle = start < 0 ? new List<string>() : _names.Skip(start).ToList();
        cycle.Add(name);
        return cycle;
    }
}
