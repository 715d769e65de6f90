using System.Text.Json;
using Newtonsoft.Json;

namespace SecureDynamo.Lint.Benchmarks;

/// <summary>
/// The cost of reading a file at all: one bare pass of each candidate JSON reader over every token,
/// building nothing. <see cref="Utf8JsonReader"/> is the floor the scan is measured against.
/// </summary>
public static class JsonFloor
{
    /// <summary>One Utf8JsonReader pass over the file in 64 KiB chunks; returns the token count.</summary>
    public static long Utf8JsonReaderPass(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 0, FileOptions.SequentialScan);
        var buffer = new byte[1 << 16];
        var state = new JsonReaderState(new JsonReaderOptions { MaxDepth = 1000 });
        int start = 0, end = 0;
        long tokens = 0;
        var final = false;
        while (true)
        {
            if (start > 0)
            {
                Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
                end -= start;
                start = 0;
            }
            if (end == buffer.Length) Array.Resize(ref buffer, buffer.Length * 2);
            var n = file.Read(buffer, end, buffer.Length - end);
            if (n == 0) final = true;
            end += n;
            var reader = new Utf8JsonReader(buffer.AsSpan(0, end), final, state);
            while (reader.Read()) tokens++;
            start = (int)reader.BytesConsumed;
            state = reader.CurrentState;
            if (final) return tokens;
        }
    }

    /// <summary>One Newtonsoft.Json JsonTextReader pass (UTF-8 decoding included, as the old plan reader did).</summary>
    public static long JsonTextReaderPass(string path)
    {
        using var text = new StreamReader(path, new System.Text.UTF8Encoding(false, true), false, 1 << 16);
        using var reader = new JsonTextReader(text) { DateParseHandling = DateParseHandling.None, MaxDepth = 1000 };
        long tokens = 0;
        while (reader.Read()) tokens++;
        return tokens;
    }
}
