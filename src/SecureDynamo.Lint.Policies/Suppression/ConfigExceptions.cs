using System.Globalization;
using SecureDynamo.Lint.Core.Evaluation;

namespace SecureDynamo.Lint.Policies.Suppression;

/// <summary>
/// The config file's exceptions as a suppression source. An exception past its expiry date no
/// longer applies, and the run gets a warning saying so.
/// </summary>
public sealed class ConfigExceptions : ISuppressionSource
{
    private readonly IReadOnlyList<ConfigException> _active;

    /// <param name="origin">The config file, named in warnings.</param>
    /// <param name="today">The date to judge expiry by (injected so runs are reproducible).</param>
    public ConfigExceptions(string origin, IReadOnlyList<ConfigException> exceptions, DateOnly today)
    {
        _active = exceptions.Where(e => !e.ExpiredOn(today)).ToArray();
        Warnings = exceptions.Where(e => e.ExpiredOn(today))
            .Select(e => $"{origin}: the exception for {e.Policy} on {e.Resource} expired on {e.Expires!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} and no longer applies (reason was: {e.Reason})")
            .ToArray();
    }

    public IReadOnlyList<string> Warnings { get; }

    public Suppression? Find(EvaluationResult result)
    {
        var match = _active.FirstOrDefault(e => e.Covers(result.PolicyId, result.ResourceAddress));
        return match is null ? null : new Suppression(match.Reason, SuppressionKind.External);
    }
}
