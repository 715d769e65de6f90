using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace SecureDynamo.Lint.Policies.Engine;

/// <summary>Reads policy definition JSON exactly as written.</summary>
/// <remarks>
/// Newtonsoft's defaults would turn an ISO-8601 string such as <c>"2024-01-01T00:00:00Z"</c> into a
/// date and render it back differently, so a rule's <c>value</c> would silently stop matching;
/// dates stay strings here, duplicate keys are errors and nothing may follow the object.
/// </remarks>
internal static class PolicyJson
{
    public static JObject Parse(string text)
    {
        using var reader = new JsonTextReader(new StringReader(text)) { DateParseHandling = DateParseHandling.None };
        var settings = new JsonLoadSettings { DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error, LineInfoHandling = LineInfoHandling.Load };
        var token = JToken.ReadFrom(reader, settings);
        while (reader.Read())
        {
            if (reader.TokenType != JsonToken.Comment) throw new JsonReaderException($"Additional text after the JSON object. Path '{reader.Path}', line {reader.LineNumber}, position {reader.LinePosition}.", reader.Path, reader.LineNumber, reader.LinePosition, null);
        }
        return token as JObject ?? throw new JsonReaderException($"The file holds a JSON {token.Type.ToString().ToLowerInvariant()}, not an object. Path '', line 1, position 1.", "", 1, 1, null);
    }
}
