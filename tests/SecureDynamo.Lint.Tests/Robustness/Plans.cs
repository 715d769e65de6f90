namespace SecureDynamo.Lint.Tests.Robustness;

/// <summary>Small plan documents to break in controlled ways.</summary>
public static class Plans
{
    public static readonly string TableChange = Quote(
        "{'address':'aws_dynamodb_table.t','mode':'managed','type':'aws_dynamodb_table','name':'t','provider_name':'registry.terraform.io/hashicorp/aws'," +
        "'change':{'actions':['create'],'before':null,'after':{'name':'orders','point_in_time_recovery':[{'enabled':true}]},'after_unknown':{'arn':true},'before_sensitive':false,'after_sensitive':{}}}");

    public static readonly string BucketChange = Quote(
        "{'address':'aws_s3_bucket.b','mode':'managed','type':'aws_s3_bucket','name':'b','provider_name':'registry.terraform.io/hashicorp/aws'," +
        "'change':{'actions':['create'],'before':null,'after':{'bucket':'logs'},'after_unknown':{'arn':true},'before_sensitive':false,'after_sensitive':{}}}");

    /// <summary>A valid plan: one table, one bucket, a configuration.</summary>
    public static string Valid(string? changes = null, string configuration = "{\"root_module\":{}}") =>
        "{\"format_version\":\"1.2\",\"terraform_version\":\"1.9.5\",\"resource_changes\":[" + (changes ?? TableChange + "," + BucketChange) + "],\"configuration\":" + configuration + "}";

    /// <summary>JSON written with single quotes for readability.</summary>
    public static string Quote(string json) => json.Replace('\'', '"');

    /// <summary>Every policy fixture case in the repository: realistic plans to mutate.</summary>
    public static IReadOnlyList<byte[]> Seeds { get; } = System.IO.Directory
        .EnumerateFiles(Support.RepositoryPaths.Policies, "*.json", SearchOption.AllDirectories)
        .Where(p => p.Contains($"{System.IO.Path.DirectorySeparatorChar}cases{System.IO.Path.DirectorySeparatorChar}", StringComparison.Ordinal) && !p.EndsWith(".expected.json", StringComparison.Ordinal))
        .OrderBy(p => p, StringComparer.Ordinal)
        .Select(File.ReadAllBytes)
        .ToArray();
}
