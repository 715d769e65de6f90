using Newtonsoft.Json.Linq;

namespace SecureDynamo.Lint.Tests.Corpus;

/// <summary>Reads (policy, address, status) rows from a JSON report.</summary>
public static class ReportRows
{
    public static IReadOnlyList<ExpectedRow> From(string jsonReport) =>
        ((JArray)JObject.Parse(jsonReport)["results"]!)
            .Select(r => new ExpectedRow((string)r["policyId"]!, (string)r["resource"]!["address"]!, (string)r["status"]!))
            .OrderBy(r => r.ToString(), StringComparer.Ordinal)
            .ToList();
}
