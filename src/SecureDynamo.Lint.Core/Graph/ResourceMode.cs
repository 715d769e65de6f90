namespace SecureDynamo.Lint.Core.Graph;

/// <summary>A managed resource (<c>resource</c> block) or a data source (<c>data</c> block).</summary>
public enum ResourceMode
{
    Managed,
    Data,
}
