using SecureDynamo.Lint.Hcl;
using SecureDynamo.Lint.Hcl.Syntax;

namespace SecureDynamo.Lint.Terraform.Building;

/// <summary>A resource block as written, in the module at <see cref="ModulePath"/>, with the comments of its file.</summary>
internal sealed record DeclaredResource(string ModulePath, string ConfigAddress, Block Block, HclFile File);
