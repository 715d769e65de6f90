namespace SecureDynamo.Lint.Policies.Iam;

/// <summary>Recognises AWS account ids in principals and condition values.</summary>
public static class AccountIds
{
    /// <summary>Whether <paramref name="s"/> is a 12-digit account id.</summary>
    public static bool IsAccountId(string s) => s.Length == 12 && s.All(char.IsAsciiDigit);

    /// <summary>The account of <c>123456789012</c>, <c>arn:aws:iam::123456789012:root</c> or <c>arn:aws:sts::123456789012:assumed-role/…</c>; else null.</summary>
    public static string? FromPrincipal(string identifier)
    {
        if (IsAccountId(identifier)) return identifier;
        var parts = identifier.Split(':');
        if (parts.Length >= 6 && parts[0] == "arn" && parts[2] is "iam" or "sts" && IsAccountId(parts[4])) return parts[4];
        return null;
    }
}
