namespace SecureDynamo.Lint.Benchmarks;

/// <summary>How many resources a generated plan holds; <see cref="Full"/> is the 110 MB plan of the targets.</summary>
public sealed record PlanShape(string Name, int Tables, int UnrelatedResources)
{
    public static readonly PlanShape Full = new("16x", 6000, 36000);

    /// <summary>1/16, 4/16 and 16/16 of the full plan: cost must grow linearly across them.</summary>
    public static IReadOnlyList<PlanShape> Linearity { get; } =
    [
        new("1x", Full.Tables / 16, Full.UnrelatedResources / 16),
        new("4x", Full.Tables / 4, Full.UnrelatedResources / 4),
        Full,
    ];

    public static readonly PlanShape Tiny = new("tiny", 1, 2);
}
