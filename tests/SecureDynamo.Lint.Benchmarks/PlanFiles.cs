namespace SecureDynamo.Lint.Benchmarks;

/// <summary>Generated plans, written once per generator version and reused.</summary>
public static class PlanFiles
{
    private const string GeneratorVersion = "v3";

    public static string Ensure(BenchmarkContext context, PlanShape shape)
    {
        var path = context.Input($"plan-{shape.Name}-{GeneratorVersion}.json");
        if (File.Exists(path)) return path;
        Directory.CreateDirectory(context.WorkDirectory);
        var temp = path + ".tmp";
        PlanGenerator.Write(temp, shape);
        File.Move(temp, path, true);
        return path;
    }
}
