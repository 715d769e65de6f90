namespace SecureDynamo.Lint.Reporting;

/// <summary>One scanned input: its path as given, what it was read as, and how many resources it has.</summary>
public sealed record ScanInput(string Path, string Kind, int Resources);
