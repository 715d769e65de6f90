using System.Text;
using SecureDynamo.Lint.Core.Graph;
using SecureDynamo.Lint.Plan;

namespace SecureDynamo.Lint.Tests.Plan;

/// <summary>Reads plan JSON given as text or bytes, as a file named "plan.json".</summary>
internal static class PlanText
{
    public static ResourceGraph Read(string json) => Read(Encoding.UTF8.GetBytes(json));

    public static ResourceGraph Read(byte[] bytes) => PlanReader.Read("plan.json", new MemoryStream(bytes));

    /// <summary>A minimal plan with the given resource_changes and configuration root module (JSON fragments).</summary>
    public static string Plan(string resourceChanges, string rootModule = "{}", string formatVersion = "1.2", string extra = "") =>
        "{\"format_version\":\"" + formatVersion + "\",\"terraform_version\":\"1.9.5\"," + extra + "\"resource_changes\":[" + resourceChanges + "],\"configuration\":{\"root_module\":" + rootModule + "}}";
}
