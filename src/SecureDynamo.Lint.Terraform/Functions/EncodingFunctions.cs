using System.Text;
using SecureDynamo.Lint.Core.Values;
using SecureDynamo.Lint.Terraform.Evaluation;
using static SecureDynamo.Lint.Terraform.Functions.FunctionLibrary;

namespace SecureDynamo.Lint.Terraform.Functions;

/// <summary>Terraform's encoding functions.</summary>
internal static class EncodingFunctions
{
    /// <summary>The string argument's UTF-8 bytes, passed through <paramref name="transform"/> (a hash), then written by <paramref name="encode"/>.</summary>
    private static Value OfBytes(IReadOnlyList<Value> a, Func<byte[], byte[]> transform, Func<byte[], string> encode)
    {
        Arity(a, 1);
        return Value.String(encode(transform(Encoding.UTF8.GetBytes(ValueOps.ToText(a[0])))));
    }

    public static void Register(Dictionary<string, Func<IReadOnlyList<Value>, FunctionContext, Value>> f)
    {
        f["jsonencode"] = (a, _) => { Arity(a, 1); return Value.String(Json.Encode(a[0])); };
        f["jsondecode"] = (a, _) => { Arity(a, 1); return Json.Decode(ValueOps.ToText(a[0])); };
        // Hashes of the string's UTF-8 bytes: lowercase hex, or base64 for the base64* forms.
        f["md5"] = (a, _) => OfBytes(a, System.Security.Cryptography.MD5.HashData, Convert.ToHexStringLower);
        f["sha1"] = (a, _) => OfBytes(a, System.Security.Cryptography.SHA1.HashData, Convert.ToHexStringLower);
        f["sha256"] = (a, _) => OfBytes(a, System.Security.Cryptography.SHA256.HashData, Convert.ToHexStringLower);
        f["sha512"] = (a, _) => OfBytes(a, System.Security.Cryptography.SHA512.HashData, Convert.ToHexStringLower);
        f["base64sha256"] = (a, _) => OfBytes(a, System.Security.Cryptography.SHA256.HashData, Convert.ToBase64String);
        f["base64sha512"] = (a, _) => OfBytes(a, System.Security.Cryptography.SHA512.HashData, Convert.ToBase64String);
        f["yamlencode"] = (a, _) => { Arity(a, 1); return Value.String(Yaml.Encode(a[0])); };
        f["yamldecode"] = (a, _) => { Arity(a, 1); return Yaml.Decode(ValueOps.ToText(a[0])); };
        f["base64encode"] = (a, _) => OfBytes(a, bytes => bytes, Convert.ToBase64String);
        f["base64decode"] = (a, _) =>
        {
            Arity(a, 1);
            try
            {
                return Value.String(new UTF8Encoding(false, true).GetString(Convert.FromBase64String(ValueOps.ToText(a[0]))));
            }
            catch (Exception e) when (e is FormatException or DecoderFallbackException)
            {
                throw new EvaluationError("the argument is not valid base64 of UTF-8 text");
            }
        };
        // Go's url.QueryEscape: the unreserved characters stay, a space is "+", everything else %XX of its UTF-8 bytes.
        f["urlencode"] = (a, _) => { Arity(a, 1); return Value.String(Uri.EscapeDataString(ValueOps.ToText(a[0])).Replace("%20", "+", StringComparison.Ordinal)); };
    }
}
