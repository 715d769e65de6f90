namespace SecureDynamo.Lint.Reporting;

/// <summary>One scanned input: its path as given, what it was read as, and how many resources it has.</summary>
/// <param name="Unanalysed">Module calls whose code could not be read (not installed): what they define is unknown.</param>
public sealed record ScanInput(string Path, string Kind, int Resources, int Unanalysed = 0);
