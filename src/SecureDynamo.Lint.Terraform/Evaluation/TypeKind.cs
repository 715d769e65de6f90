namespace SecureDynamo.Lint.Terraform.Evaluation;

/// <summary>The kinds of Terraform type constraints.</summary>
internal enum TypeKind
{
    Any,
    String,
    Number,
    Bool,
    List,
    Set,
    Map,
    Tuple,
    Object,
}
