using System.Text.RegularExpressions;
using SecureDynamo.Lint.Policies.Engine;
using SecureDynamo.Lint.Tests.Support;

namespace SecureDynamo.Lint.Tests.Policies;

/// <summary>The built-in catalogue is complete: metadata, documentation, ids and help links.</summary>
public sealed class PolicyCatalogueTests
{
    private static readonly string[] HandWrittenSections = ["## Why", "## Bad", "## Good", "## How to fix"];

    [Fact]
    public void Every_policy_folder_is_in_the_catalogue()
    {
        var folders = Directory.GetDirectories(RepositoryPaths.Policies).Select(Path.GetFileName).Order(StringComparer.Ordinal);
        var slugs = PolicyCatalog.BuiltIn().Policies.Select(p => p.Metadata.Slug).Order(StringComparer.Ordinal);
        Assert.Equal(folders, slugs);
    }

    [Fact]
    public void Every_policy_has_complete_metadata()
    {
        foreach (var policy in PolicyCatalog.BuiltIn().Policies)
        {
            var m = policy.Metadata;
            foreach (var (name, text) in new[] { ("title", m.Title), ("description", m.Description), ("rationale", m.Rationale), ("remediation", m.Remediation) })
            {
                Assert.False(string.IsNullOrWhiteSpace(text), $"{m.Id} has no {name}");
            }
            Assert.True(m.ResourceTypes.Count > 0, $"{m.Id} names no resourceTypes");
            Assert.True(m.Outcomes.Count > 0, $"{m.Id} declares no outcomes");
            Assert.True(m.Outcomes.Distinct().Count() == m.Outcomes.Count, $"{m.Id} lists an outcome twice");
            Assert.True(m.References.Any(r => r.Kind == "aws-docs" && r.Url is not null), $"{m.Id} has no AWS documentation reference with a url");
            foreach (var r in m.References)
            {
                Assert.True(r.Kind is "aws-docs" or "security-hub" or "checkov" or "trivy" or "kics", $"{m.Id}: unknown reference kind {r.Kind}");
                Assert.True(r.Url is null || r.Url.StartsWith("https://", StringComparison.Ordinal), $"{m.Id}: reference {r.Id} url is not https: {r.Url}");
            }
            Assert.True(m.Remediation.Contains("resource \"", StringComparison.Ordinal), $"{m.Id}: remediation should be an HCL example");
        }
    }

    [Fact]
    public void Ids_are_unique_and_match_the_folder_slug()
    {
        var policies = PolicyCatalog.BuiltIn().Policies;
        Assert.Equal(policies.Count, policies.Select(p => p.Id).Distinct(StringComparer.Ordinal).Count());
        foreach (var p in policies)
        {
            var m = Regex.Match(p.Id, "^([a-z]+):([0-9]{3})$");
            Assert.True(m.Success, $"built-in id {p.Id} is not prefix:NNN");
            var prefix = $"{m.Groups[1].Value}-{m.Groups[2].Value}-";
            Assert.True(p.Metadata.Slug.StartsWith(prefix, StringComparison.Ordinal) && p.Metadata.Slug.Length > prefix.Length,
                $"{p.Id} lives in policies/{p.Metadata.Slug}, which should start with {prefix}");
            Assert.Matches("^[a-z0-9-]+$", p.Metadata.Slug);
        }
    }

    [Fact]
    public void Every_page_has_the_hand_written_sections_in_order()
    {
        foreach (var p in PolicyCatalog.BuiltIn().Policies)
        {
            var page = File.ReadAllText(Path.Combine(RepositoryPaths.Policies, p.Metadata.Slug, "README.md")).Replace("\r\n", "\n");
            var handWritten = PolicyDocumentation.HandWritten(page);
            var last = -1;
            foreach (var section in HandWrittenSections)
            {
                var at = handWritten.IndexOf("\n" + section + "\n", StringComparison.Ordinal);
                if (at < 0 && handWritten.StartsWith(section + "\n", StringComparison.Ordinal)) at = 0;
                Assert.True(at >= 0, $"{p.Id}: README.md has no \"{section}\" section in its hand-written part");
                Assert.True(at > last, $"{p.Id}: \"{section}\" is out of order (expected {string.Join(", ", HandWrittenSections)})");
                last = at;
            }
            Assert.Contains("```hcl", handWritten, StringComparison.Ordinal);
            // the embedded copy the CLI shows (`securedynamo explain`) is the committed page
            Assert.Equal(page, p.Metadata.Documentation.Replace("\r\n", "\n"));
        }
    }

    [Fact]
    public void Help_links_point_at_existing_pages()
    {
        foreach (var p in PolicyCatalog.BuiltIn().Policies)
        {
            const string marker = "/blob/main/";
            var uri = p.Metadata.HelpUri;
            Assert.NotNull(uri);
            var at = uri.IndexOf(marker, StringComparison.Ordinal);
            Assert.True(at > 0, $"{p.Id}: help link {uri} does not point into the repository");
            var relative = uri[(at + marker.Length)..];
            Assert.True(File.Exists(Path.Combine(RepositoryPaths.Root, relative)), $"{p.Id}: help link {uri} names {relative}, which does not exist");
        }
    }

    [Fact]
    public void A_custom_policy_has_no_help_link_into_this_repository()
    {
        // Its page is not here: a link would lead nowhere (a policy may declare its own helpUri).
        var catalog = PolicyCatalog.BuiltInWith([RepositoryPaths.InFixtures("custom-policies", "acme")]);
        var custom = catalog.Policies.Where(p => !p.Id.StartsWith("dynamodb:", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(custom);
        Assert.All(custom, p => Assert.Null(p.Metadata.HelpUri));
    }
}
