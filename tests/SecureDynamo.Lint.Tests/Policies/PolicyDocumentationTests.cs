using Newtonsoft.Json.Linq;
using SecureDynamo.Lint.Core.Evaluation;
using SecureDynamo.Lint.Policies.Engine;
using SecureDynamo.Lint.Tests.Support;

namespace SecureDynamo.Lint.Tests.Policies;

/// <summary>
/// Every <c>policies/*/README.md</c> starts with the part <see cref="PolicyDocumentation.RenderGenerated"/>
/// renders from its <c>policy.json</c>. With <c>SECUREDYNAMO_UPDATE_DOCS=1</c> the test rewrites
/// the pages instead of failing.
/// </summary>
public sealed class PolicyDocumentationTests
{
    private const string UpdateVariable = "SECUREDYNAMO_UPDATE_DOCS";

    public static TheoryData<string> PolicyFolders()
    {
        var data = new TheoryData<string>();
        foreach (var dir in Directory.GetDirectories(RepositoryPaths.Policies).Order(StringComparer.Ordinal)) data.Add(Path.GetFileName(dir));
        return data;
    }

    [Theory]
    [MemberData(nameof(PolicyFolders))]
    public void Page_starts_with_the_part_generated_from_its_metadata(string folder)
    {
        var dir = Path.Combine(RepositoryPaths.Policies, folder);
        var readme = Path.Combine(dir, "README.md");
        Assert.True(File.Exists(readme), $"policies/{folder} has no README.md");
        var page = Normalize(File.ReadAllText(readme));
        var metadata = ReadMetadata(dir, page);
        var expected = PolicyDocumentation.Regenerate(metadata, page);

        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            if (expected != page) File.WriteAllText(readme, expected);
            return;
        }
        Assert.True(expected == page,
            $"policies/{folder}/README.md: the generated part is missing or differs from policy.json. " +
            $"Regenerate with `{UpdateVariable}=1 dotnet test tests/SecureDynamo.Lint.Tests --filter FullyQualifiedName~PolicyDocumentationTests`, then review the diff.");
    }

    [Fact]
    public void Regenerate_keeps_the_hand_written_part_and_replaces_a_stale_generated_part()
    {
        var metadata = ReadMetadata(Path.Combine(RepositoryPaths.Policies, "dynamodb-002-table-has-point-in-time-recovery"), "");
        var handWritten = "## Why\nbecause\n";
        var stale = PolicyDocumentation.Begin + "\n# old title\n" + PolicyDocumentation.End + "\n\n" + handWritten;

        var fresh = PolicyDocumentation.Regenerate(metadata, stale);

        Assert.StartsWith(PolicyDocumentation.RenderGenerated(metadata), fresh, StringComparison.Ordinal);
        Assert.EndsWith("\n" + handWritten, fresh, StringComparison.Ordinal);
        Assert.DoesNotContain("old title", fresh, StringComparison.Ordinal);
        Assert.Equal(fresh, PolicyDocumentation.Regenerate(metadata, fresh));
        // a page without markers gets the generated part in front of what it had
        Assert.Equal(PolicyDocumentation.RenderGenerated(metadata) + "\n" + handWritten, PolicyDocumentation.Regenerate(metadata, handWritten));
    }

    [Fact]
    public void Generated_part_shows_the_metadata()
    {
        var metadata = ReadMetadata(Path.Combine(RepositoryPaths.Policies, "dynamodb-007-dax-cluster-encrypted-at-rest"), "");
        var part = PolicyDocumentation.RenderGenerated(metadata);
        Assert.Contains("# dynamodb:007: " + metadata.Title, part, StringComparison.Ordinal);
        Assert.Contains("| Severity | high |", part, StringComparison.Ordinal);
        Assert.Contains("`aws_dax_cluster`", part, StringComparison.Ordinal);
        Assert.Contains("| AWS Security Hub | [DynamoDB.3](", part, StringComparison.Ordinal);
        Assert.Contains("`CKV_AWS_47`", part, StringComparison.Ordinal);
        Assert.Contains(metadata.Remediation, part, StringComparison.Ordinal);
    }

    internal static PolicyMetadata ReadMetadata(string dir, string page)
    {
        var file = Path.Combine(dir, "policy.json");
        return MetadataReader.Read(file, Path.GetFileName(dir), JObject.Parse(File.ReadAllText(file)), page);
    }

    // Pages are committed with LF line endings (.gitattributes); a checkout with CRLF compares the same.
    private static string Normalize(string text) => text.Replace("\r\n", "\n");
}
