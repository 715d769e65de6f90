namespace SecureDynamo.Lint.Tests.Corpus;

/// <summary>One expected (policy, address, status) row of a corpus expected file.</summary>
public sealed record ExpectedRow(string Policy, string Address, string Status)
{
    public override string ToString() => $"{Policy} {Address} {Status}";
}
