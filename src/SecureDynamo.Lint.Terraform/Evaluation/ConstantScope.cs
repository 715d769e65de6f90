using SecureDynamo.Lint.Core.Diagnostics;
using SecureDynamo.Lint.Core.Values;

namespace SecureDynamo.Lint.Terraform.Evaluation;

/// <summary>The scope of a <c>.tfvars</c> file or <c>--var</c> value: literals and functions only.</summary>
internal sealed class ConstantScope : IModuleScope
{
    private readonly Action<string, SourceRange?> _warn;

    public ConstantScope(string rootOnDisk, Action<string, SourceRange?> warn)
    {
        RootDirectoryOnDisk = rootOnDisk;
        _warn = warn;
    }

    public string ModulePath => "";
    public string ModuleDirectory => ".";
    public string RootDirectoryOnDisk { get; }

    public Value Variable(string name, SourceRange range) => throw new EvaluationError("variables may not be used here", range);
    public Value Local(string name, SourceRange range) => throw new EvaluationError("local values may not be used here", range);
    public Value ModuleCall(string name, SourceRange range) => throw new EvaluationError("module outputs may not be used here", range);
    public Hcl.Syntax.Block? ManagedResource(string type, string name) => null;
    public void Warn(string message, SourceRange? range) => _warn(message, range);
}
