using System.Security.Cryptography;
using System.Text;
using SecureDynamo.Lint.Core.Diagnostics;

namespace SecureDynamo.Lint.Core.Evaluation;

/// <summary>
/// The stable identity of a finding: the same policy on the same resource in the same input gives
/// the same fingerprint across runs and when lines move (no line or message goes into it). Used by
/// SARIF <c>partialFingerprints</c> and by baselines.
/// </summary>
public static class FindingFingerprint
{
    /// <summary>The SARIF <c>partialFingerprints</c> key (versioned: a change of recipe gets a new key).</summary>
    public const string SarifKey = "securedynamoFinding/v1";

    /// <summary>The fingerprint of <paramref name="result"/>, its input made relative to <paramref name="root"/>.</summary>
    public static string Of(EvaluationResult result, SourceRoot root) => Of(result.PolicyId, result.ResourceAddress, root.Display(result.Input));

    /// <param name="input">The input path relative to the repository root, with forward slashes.</param>
    public static string Of(string policyId, string resourceAddress, string input)
    {
        // SHA-256 of "policy\nresource\ninput" in UTF-8; the first 16 bytes in lower-case hex. One string per call:
        // reports fingerprint every result.
        var length = Encoding.UTF8.GetMaxByteCount(policyId.Length + resourceAddress.Length + input.Length + 2);
        byte[]? rented = null;
        var bytes = length <= 1024 ? stackalloc byte[1024] : (rented = System.Buffers.ArrayPool<byte>.Shared.Rent(length));
        var n = Encoding.UTF8.GetBytes(policyId, bytes);
        bytes[n++] = (byte)'\n';
        n += Encoding.UTF8.GetBytes(resourceAddress, bytes[n..]);
        bytes[n++] = (byte)'\n';
        n += Encoding.UTF8.GetBytes(input, bytes[n..]);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(bytes[..n], hash);
        if (rented is not null) System.Buffers.ArrayPool<byte>.Shared.Return(rented);
        return Convert.ToHexStringLower(hash[..16]);
    }
}
