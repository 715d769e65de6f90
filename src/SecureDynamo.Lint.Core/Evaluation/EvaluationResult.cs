using SecureDynamo.Lint.Core.Diagnostics;

namespace SecureDynamo.Lint.Core.Evaluation;

/// <summary>One (policy, resource) verdict, as reported.</summary>
/// <remarks>
/// A result made by <see cref="Addressed"/> keeps only the text after "address: " (which results of one
/// policy often share) and writes <see cref="Message"/> out when asked: a large plan has tens of thousands
/// of results, and each keeping its own copy of the address and the text is most of their memory.
/// </remarks>
public sealed record EvaluationResult(
    string PolicyId,
    string PolicyTitle,
    Severity Severity,
    Status Status,
    string ResourceAddress,
    string ResourceType,
    string Message,
    string? Attribute,
    SourceRange? Location,
    string Input,
    string? SuppressionReason = null,
    Status? SuppressedStatus = null,
    SuppressionKind? SuppressionKind = null)
{
    private readonly string? _message = Message;
    private string? _text;
    // The address the text was said of (a copy `with` another address keeps its message).
    private string? _about;

    /// <summary>The message: "address: text" for a result about a resource.</summary>
    public string Message
    {
        get => _message ?? string.Concat(_about, ": ", _text);
        init
        {
            _message = value;
            _text = null;
            _about = null;
        }
    }

    /// <summary>The message without a leading "address: " (the resource's own address), when it has one.</summary>
    public ReadOnlySpan<char> MessageText
    {
        get
        {
            if (_text is not null && _about == ResourceAddress) return _text;
            if (_text is not null) return Message;
            var message = _message.AsSpan();
            return message.StartsWith(ResourceAddress, StringComparison.Ordinal) && message[ResourceAddress.Length..].StartsWith(": ", StringComparison.Ordinal)
                ? message[(ResourceAddress.Length + 2)..]
                : message;
        }
    }

    /// <summary>Whether <see cref="Message"/> is the address, ": " and <see cref="MessageText"/> (so it can be written in parts).</summary>
    public bool MessageHasAddress => _text is not null ? _about == ResourceAddress : MessageText.Length != _message!.Length;

    /// <summary>A result whose message is "<paramref name="resourceAddress"/>: <paramref name="text"/>", kept as its text.</summary>
    public static EvaluationResult Addressed(string policyId, string policyTitle, Severity severity, Status status, string resourceAddress,
        string resourceType, string text, string? attribute, SourceRange? location, string input) =>
        new(policyId, policyTitle, severity, status, resourceAddress, resourceType, null!, attribute, location, input) { _text = text, _about = resourceAddress };

    // Equality is by what a result says, whichever way its message is kept.
    public bool Equals(EvaluationResult? other) =>
        other is not null && (ReferenceEquals(this, other) ||
            (PolicyId == other.PolicyId && PolicyTitle == other.PolicyTitle && Severity == other.Severity && Status == other.Status &&
             ResourceAddress == other.ResourceAddress && ResourceType == other.ResourceType && Message == other.Message &&
             Attribute == other.Attribute && Equals(Location, other.Location) && Input == other.Input &&
             SuppressionReason == other.SuppressionReason && SuppressedStatus == other.SuppressedStatus && SuppressionKind == other.SuppressionKind));

    public override int GetHashCode() => HashCode.Combine(PolicyId, ResourceAddress, Status, Message, Input, Attribute);
}
