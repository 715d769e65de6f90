using SecureDynamo.Lint.Core.Diagnostics;
using SecureDynamo.Lint.Core.Values;
using SecureDynamo.Lint.Terraform.Evaluation;

namespace SecureDynamo.Lint.Terraform.Functions;

/// <summary>A <c>templatefile</c> template sees only the variables passed to it, plus the functions.</summary>
internal sealed class TemplateScope : IModuleScope
{
    private readonly IModuleScope _caller;

    public TemplateScope(IModuleScope caller) => _caller = caller;

    public string ModulePath => _caller.ModulePath;
    public string ModuleDirectory => _caller.ModuleDirectory;
    public string Workspace => _caller.Workspace;
    public string RootDirectoryOnDisk => _caller.RootDirectoryOnDisk;

    public Value Variable(string name, SourceRange range) => throw new EvaluationError("a template cannot refer to var.*; pass values in templatefile's second argument", range);
    public Value Local(string name, SourceRange range) => throw new EvaluationError("a template cannot refer to local.*", range);
    public Value ModuleCall(string name, SourceRange range) => throw new EvaluationError("a template cannot refer to module.*", range);
    public Hcl.Syntax.Block? ManagedResource(string type, string name) => null;
    public void Warn(string message, SourceRange? range) => _caller.Warn(message, range);
}
