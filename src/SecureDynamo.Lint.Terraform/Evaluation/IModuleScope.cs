using SecureDynamo.Lint.Core.Diagnostics;
using SecureDynamo.Lint.Core.Values;

namespace SecureDynamo.Lint.Terraform.Evaluation;

/// <summary>What an expression in one module instance can refer to.</summary>
internal interface IModuleScope
{
    /// <summary>Configuration path of the module ("" for the root, <c>module.a.module.b</c>).</summary>
    string ModulePath { get; }

    /// <summary><c>path.module</c>, relative to the scanned directory (<c>.</c> for the root).</summary>
    string ModuleDirectory { get; }

    /// <summary><c>terraform.workspace</c>.</summary>
    string Workspace => "default";

    /// <summary>The scanned (root module) directory on disk: <c>file()</c> paths are relative to it, as to Terraform's working directory.</summary>
    string RootDirectoryOnDisk { get; }

    Value Variable(string name, SourceRange range);

    Value Local(string name, SourceRange range);

    /// <summary><c>module.NAME</c>: an object of outputs, or a list/map of them for count/for_each calls.</summary>
    Value ModuleCall(string name, SourceRange range);

    /// <summary>The block of managed resource <c>type.name</c> declared in this module, if any.</summary>
    Hcl.Syntax.Block? ManagedResource(string type, string name);

    bool DeclaresResource(string type, string name) => ManagedResource(type, name) is not null;

    /// <summary>
    /// Resource <c>type.name</c> of this module (a data source's type written <c>data.TYPE</c>) as Terraform sees it before apply when which instances it has
    /// is known: the list (count) or map (for_each) of its instances, or its one instance without count or for_each,
    /// each an unknown value standing for that instance (<see cref="ResourceInstances"/>). Null otherwise.
    /// </summary>
    Value? Resource(string type, string name) => null;

    /// <summary>
    /// The value Terraform plans for argument <paramref name="attribute"/> of resource <c>type.name</c> (<c>data.TYPE</c> for a data source) of
    /// module <paramref name="module"/> (this one, or the root for a root resource passed in whole), instance
    /// <paramref name="key"/> (<c>["a"]</c>, <c>[0]</c>; null for a resource without count or for_each): its configured
    /// value when that is known before apply (a configured argument is planned as written), else null.
    /// </summary>
    Value? ConfiguredAttribute(string module, string type, string name, string? key, string attribute) => null;

    void Warn(string message, SourceRange? range);
}
