using SecureDynamo.Lint.Core.Values;

namespace SecureDynamo.Lint.Policies.Iam;

/// <summary>The judgement of one statement, with the reason shown in messages.</summary>
public sealed record DynamoDbGrant(DynamoDbGrantKind Kind, string Reason)
{
    public static readonly DynamoDbGrant None = new(DynamoDbGrantKind.None, "");

    /// <summary>
    /// Judges <paramref name="statement"/>: an Allow of <c>dynamodb:*</c>, <c>*</c> or <c>*:*</c>, any
    /// NotAction that leaves DynamoDB actions allowed, or DynamoDB actions on <c>*</c>, on
    /// account/region-wide table wildcards or through NotResource, is overbroad.
    /// </summary>
    public static DynamoDbGrant Of(PolicyStatement statement)
    {
        if (statement.Effect == PolicyEffect.Deny) return None;
        var grant = Judge(statement);
        if (statement.Effect == PolicyEffect.Unknown && grant.Kind is DynamoDbGrantKind.Overbroad or DynamoDbGrantKind.Scoped)
        {
            return new DynamoDbGrant(DynamoDbGrantKind.Unknown, $"{grant.Reason}, but {statement.EffectUnknown ?? "its effect is known only after apply"}");
        }
        return grant;
    }

    /// <summary>A value known in part, its unknown parts shown as such.</summary>
    private static string Shown(string partial) => partial.Replace(Expression.UnknownMarker, "${…}", StringComparison.Ordinal);

    private static DynamoDbGrant Judge(PolicyStatement s)
    {
        var granted = new List<string>();
        string? actionsUnknown = null;
        if (s.NotAction is { } notAction)
        {
            if (notAction.Values.Any(p => ActionPattern.GrantsEveryActionOf(p, "dynamodb"))) return None;
            if (notAction.HasUnknown) actionsUnknown = notAction.Unknown;
            else
            {
                return new DynamoDbGrant(DynamoDbGrantKind.Overbroad,
                    $"{s.Name} allows NotAction {notAction}, which grants every action it does not list, DynamoDB actions included");
            }
        }
        else if (s.Action is { } action)
        {
            var every = action.Values.FirstOrDefault(p => ActionPattern.GrantsEveryActionOf(p, "dynamodb"));
            if (every is not null)
            {
                var scope = ActionPattern.GrantsEveryActionOf(every, "s3") ? "every action of every service, DynamoDB's included" : "every DynamoDB action";
                return new DynamoDbGrant(DynamoDbGrantKind.Overbroad, $"{s.Name} allows Action \"{every}\", which grants {scope}");
            }
            granted.AddRange(action.Values.Where(p => ActionPattern.GrantsSomeActionOf(p, "dynamodb")));
            actionsUnknown = action.Unknown;
        }
        else
        {
            return None;
        }

        if (granted.Count == 0 && actionsUnknown is null) return None;
        var what = granted.Count > 0 ? string.Join(", ", granted.Select(g => $"\"{g}\"")) : "actions";
        if (s.NotResource is { } notResource)
        {
            if (granted.Count > 0)
            {
                return new DynamoDbGrant(DynamoDbGrantKind.Overbroad,
                    $"{s.Name} allows {what} with NotResource {notResource}, which covers every table it does not list");
            }
            return new DynamoDbGrant(DynamoDbGrantKind.Unknown, $"{s.Name} uses NotResource and {actionsUnknown}");
        }
        var partial = s.Resource?.Partial.Select(p => (Text: Shown(p), Wide: ResourcePattern.IsDynamoDbWide(p, Expression.UnknownMarker))).ToList() ?? [];
        var wide = s.Resource?.Values.FirstOrDefault(ResourcePattern.IsDynamoDbWide) ?? partial.FirstOrDefault(p => p.Wide == true).Text;
        if (wide is not null && granted.Count > 0 && granted.All(ActionPattern.IsAccountLevelDynamoDbAction))
        {
            // ListTables, DescribeLimits...: no resource-level permissions exist, so "*" is the narrowest grant there is.
            return new DynamoDbGrant(DynamoDbGrantKind.Scoped, $"{s.Name} allows {what} on Resource \"{wide}\", the only resource these account-level actions take");
        }
        if (wide is not null && granted.Count > 0)
        {
            return new DynamoDbGrant(DynamoDbGrantKind.Overbroad, $"{s.Name} allows {what} on Resource \"{wide}\", every table of the account or region");
        }
        if (actionsUnknown is not null) return new DynamoDbGrant(DynamoDbGrantKind.Unknown, $"{s.Name}: {actionsUnknown}");
        // Values known in part that name tables whatever the unknown parts are (...:table/orders) decide as known ones do.
        var partlyNamed = s.Resource is { OnlyPartlyUnknown: true } && partial.All(p => p.Wide == false);
        if (s.Resource?.Unknown is { } resourcesUnknown && !partlyNamed)
        {
            return new DynamoDbGrant(DynamoDbGrantKind.Unknown, $"{s.Name} allows {what}, but {resourcesUnknown}");
        }
        var named = s.Resource is null ? ""
            : string.Join(", ", s.Resource.Values.Select(r => $"\"{r}\"").Concat(partial.Select(p => $"\"{p.Text}\"")).Concat(s.Resource.TableReferences.Select(t => $"{t} (known after apply)")));
        var resources = named.Length == 0 ? "no Resource" : named;
        return new DynamoDbGrant(DynamoDbGrantKind.Scoped, $"{s.Name} allows {what} on {resources}");
    }
}
