using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using SecureDynamo.Lint.Core.Diagnostics;

namespace SecureDynamo.Lint.Plan.Json;

/// <summary>
/// Pulls JSON tokens from a UTF-8 stream of any size through a bounded buffer. The plan reader
/// navigates the document structure token by token, skips what no policy reads in one tight
/// <see cref="Utf8JsonReader"/> loop, and captures the raw bytes of the few values it builds.
/// The buffer only ever holds one value being captured (or one token), never the document.
/// </summary>
internal sealed class JsonTokenStream
{
    public const int MaxDepth = 1000;

    /// <summary>The largest single captured value or token; beyond it the input is refused rather than buffered.</summary>
    public const int MaxValueBytes = 64 << 20;

    private const int InitialBufferBytes = 1 << 16;

    private readonly Stream _stream;
    private readonly string _file;
    private readonly ReadProgress _progress;
    // Several values are allowed so that a second document gets its own message, not a syntax error.
    private readonly JsonReaderOptions _options = new() { MaxDepth = MaxDepth, CommentHandling = JsonCommentHandling.Disallow, AllowMultipleValues = true };
    // The buffer is shared with captured values handed to other threads (CaptureShared); while it is,
    // reading on goes to a fresh buffer from the pool instead of moving bytes inside it.
    private readonly System.Collections.Concurrent.ConcurrentQueue<SharedBuffer> _pool = new();
    private SharedBuffer _shared;
    private byte[] _buffer;
    private long _bufferOffset;
    private int _pos;
    private int _end;
    private int _validated;
    private int _anchor = -1;
    private int _tokenStart;
    private int _depth;
    private bool _eof;
    private JsonReaderState _state;
    private readonly TextPosition _position = new();

    public JsonTokenStream(string file, Stream stream, ReadProgress progress)
    {
        _file = file;
        _stream = stream;
        _progress = progress;
        _state = new JsonReaderState(_options);
        _shared = SharedBuffer.Take(InitialBufferBytes, _pool);
        _buffer = _shared.Bytes;
        Fill();
        if (_end >= 3 && _buffer[0] == 0xEF && _buffer[1] == 0xBB && _buffer[2] == 0xBF) _pos = _tokenStart = 3;
    }

    public JsonTokenType TokenType { get; private set; }

    /// <summary>The text of the current property name, string, number or literal token.</summary>
    public string? Text { get; private set; }

    /// <summary>Where the current token starts in the input, counted from 0.</summary>
    public long TokenOffset => _bufferOffset + _tokenStart;

    /// <summary>Moves to the next token; false at the end of the input.</summary>
    public bool Read()
    {
        while (true)
        {
            var reader = new Utf8JsonReader(_buffer.AsSpan(_pos, _end - _pos), _eof, _state);
            bool got;
            try
            {
                got = reader.Read();
                if (got)
                {
                    TokenType = reader.TokenType;
                    _tokenStart = _pos + (int)reader.TokenStartIndex;
                    _depth = reader.CurrentDepth;
                    Text = TokenType switch
                    {
                        JsonTokenType.PropertyName or JsonTokenType.String => reader.GetString(),
                        JsonTokenType.Number => Encoding.UTF8.GetString(reader.ValueSpan),
                        JsonTokenType.True => "true",
                        JsonTokenType.False => "false",
                        _ => null,
                    };
                }
            }
            catch (JsonException e) { throw Problem(e); }
            _pos += (int)reader.BytesConsumed;
            _state = reader.CurrentState;
            if (got) return true;
            if (_eof) return false;
            Fill();
        }
    }

    /// <summary>Reads the next token, which must exist (the document is not finished yet).</summary>
    public void ReadRequired()
    {
        if (!Read()) throw new InputException(_file, JsonProblems.Truncated, Position().Line, Position().Column);
    }

    /// <summary>
    /// Inside an object: moves to the next property's value and returns its name, or null at the
    /// object's end. The caller then consumes the value (<see cref="Skip"/>, <see cref="Capture"/> or descends).
    /// </summary>
    public string? NextProperty()
    {
        ReadRequired();
        if (TokenType != JsonTokenType.PropertyName) return null;
        var name = Text!;
        ReadRequired();
        return name;
    }

    /// <summary>Inside an array: moves to the next item's first token; false at the array's end.</summary>
    public bool NextItem()
    {
        ReadRequired();
        return TokenType != JsonTokenType.EndArray;
    }

    /// <summary>True when the current value is an object; false for null; otherwise an error naming <paramref name="what"/>.</summary>
    public bool ObjectOrNull(string what)
    {
        if (TokenType == JsonTokenType.StartObject) return true;
        if (TokenType == JsonTokenType.Null) return false;
        throw Error($"\"{what}\" must be an object, found {JsonProblems.Describe(TokenType)}");
    }

    /// <summary>True when the current value is an array; false for null; otherwise an error naming <paramref name="what"/>.</summary>
    public bool ArrayOrNull(string what)
    {
        if (TokenType == JsonTokenType.StartArray) return true;
        if (TokenType == JsonTokenType.Null) return false;
        throw Error($"\"{what}\" must be an array, found {JsonProblems.Describe(TokenType)}");
    }

    /// <summary>Skips the current value: nothing for a scalar, up to the matching end for an object or array.</summary>
    public void Skip()
    {
        if (TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray)) return;
        var depth = _depth;
        while (true)
        {
            var reader = new Utf8JsonReader(_buffer.AsSpan(_pos, _end - _pos), _eof, _state);
            var done = false;
            try
            {
                while (reader.Read())
                {
                    if (reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray && reader.CurrentDepth == depth)
                    {
                        done = true;
                        TokenType = reader.TokenType;
                        break;
                    }
                }
            }
            catch (JsonException e) { throw Problem(e); }
            _pos += (int)reader.BytesConsumed;
            _state = reader.CurrentState;
            if (done) return;
            if (_eof) throw new InputException(_file, JsonProblems.Truncated, Position().Line, Position().Column);
            Fill();
        }
    }

    /// <summary>
    /// Skips the current object or array, a value of the document's top-level object, by its
    /// structure alone (<see cref="StructureScanner"/>: several times faster than reading its tokens)
    /// and returns where it lies. Its grammar is not checked here: the caller must have it checked
    /// (<see cref="SkippedValueCheck"/>) before trusting anything read after it. The input may end
    /// before the value does: that is the usual truncated-input error.
    /// </summary>
    public (long Offset, long Length) SkipStructure()
    {
        if (TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray) || _depth != 1)
        {
            throw new InvalidOperationException("only an object or array at depth 1 is skipped by its structure");
        }
        var isObject = TokenType == JsonTokenType.StartObject;
        var start = _bufferOffset + _tokenStart;
        ScanToStructureEnd();
        // The reader goes on as if it had read the value: inside the top-level object, after a value.
        _state = isObject ? (_afterTopLevelObject ??= StateAfter("{}")) : (_afterTopLevelArray ??= StateAfter("[]"));
        TokenType = isObject ? JsonTokenType.EndObject : JsonTokenType.EndArray;
        return (start, _bufferOffset + _pos - start);
    }

    /// <summary>
    /// As <see cref="CaptureShared"/>, for an object that is an item of an array in the top-level
    /// object (an entry of <c>resource_changes</c>), found by its structure alone. Its grammar is not
    /// checked here: whoever uses the bytes must read them with a validating reader (one that is
    /// limited to <see cref="ItemMaxDepth"/>) and have the input read again by tokens if they are not JSON.
    /// </summary>
    public ReadOnlyMemory<byte> CaptureItemByStructure(out SharedBuffer holder)
    {
        if (TokenType != JsonTokenType.StartObject || _depth != 2)
        {
            throw new InvalidOperationException("only an object in an array of the top-level object is captured by its structure");
        }
        _anchor = _tokenStart;
        try
        {
            ScanToStructureEnd();
            _state = _afterItemObject ??= StateAfter("[{}");
            TokenType = JsonTokenType.EndObject;
            holder = _shared;
            holder.Retain();
            return _buffer.AsMemory(_anchor, _pos - _anchor);
        }
        finally { _anchor = -1; }
    }

    /// <summary>The depth an item of a top-level array may have inside itself, read on its own, within <see cref="MaxDepth"/> of the document.</summary>
    public const int ItemMaxDepth = MaxDepth - 2;

    private JsonReaderState? _afterTopLevelObject, _afterTopLevelArray, _afterItemObject;

    /// <summary>From just inside an object or array (its opening bracket read), moves past its closing bracket.</summary>
    private void ScanToStructureEnd()
    {
        var scan = new StructureScanner.State { Depth = 1 };
        while (true)
        {
            var end = StructureScanner.FindEnd(_buffer.AsSpan(_pos, _end - _pos), ref scan);
            if (end >= 0)
            {
                _pos += end + 1;
                return;
            }
            _pos = _end;
            if (_eof) throw new InputException(_file, JsonProblems.Truncated, Position().Line, Position().Column);
            Fill();
        }
    }

    /// <summary>The reader's state after <c>{"x":</c> and <paramref name="value"/>: where the reader goes on after a value found by its structure.</summary>
    private JsonReaderState StateAfter(string value)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes("{\"x\":" + value), false, new JsonReaderState(_options));
        while (reader.Read()) { }
        return reader.CurrentState;
    }

    /// <summary>
    /// Skips the current value and returns its bytes. They stay valid only until the next
    /// <see cref="Read"/> or <see cref="Skip"/>: build what you need from them at once.
    /// </summary>
    public ReadOnlyMemory<byte> Capture()
    {
        _anchor = _tokenStart;
        try
        {
            Skip();
            return _buffer.AsMemory(_anchor, _pos - _anchor);
        }
        finally { _anchor = -1; }
    }

    /// <summary>
    /// As <see cref="Capture"/>, but the bytes stay valid until <paramref name="holder"/> is released
    /// (once, by whoever uses them, on any thread): for values built elsewhere while the stream reads on.
    /// </summary>
    public ReadOnlyMemory<byte> CaptureShared(out SharedBuffer holder)
    {
        var captured = Capture();
        holder = _shared;
        holder.Retain();
        return captured;
    }

    /// <summary>Line and column (1-based, columns in UTF-16 code units as editors count) of the current token.</summary>
    public (int Line, int Column) Position() => _position.At(_buffer, _tokenStart);

    /// <summary>An error at the current token.</summary>
    public InputException Error(string problem)
    {
        var (line, column) = Position();
        return new InputException(_file, problem, line, column);
    }

    private void Fill()
    {
        _progress.Check(_bufferOffset + _pos);
        var keep = _anchor >= 0 ? _anchor : _pos;
        if (keep > 0)
        {
            _position.Advance(_buffer, keep);
            // Captured values still reading this buffer: carry on in another one.
            if (_shared.IsShared) MoveTo(_buffer.Length, keep);
            else Buffer.BlockCopy(_buffer, keep, _buffer, 0, _end - keep);
            _end -= keep;
            _pos -= keep;
            _validated -= keep;
            _tokenStart -= keep;
            if (_anchor >= 0) _anchor -= keep;
            _position.Shift(keep);
            _bufferOffset += keep;
        }
        if (_end == _buffer.Length)
        {
            if (_buffer.Length >= MaxValueBytes)
            {
                throw Error($"a single JSON value is larger than {MaxValueBytes >> 20} MiB; not a Terraform document this tool reads");
            }
            MoveTo(Math.Min(_buffer.Length * 2, MaxValueBytes), 0);
        }
        int n;
        try { n = _stream.Read(_buffer, _end, _buffer.Length - _end); }
        catch (IOException e) { throw new InputException(_file, $"cannot be read ({e.Message})"); }
        if (n == 0) _eof = true;
        _end += n;
        Validate();
    }

    /// <summary>Continues in a buffer of <paramref name="size"/> bytes holding this one's bytes from <paramref name="from"/> on; this one goes to whoever still holds it.</summary>
    private void MoveTo(int size, int from)
    {
        var next = SharedBuffer.Take(size, _pool);
        Buffer.BlockCopy(_buffer, from, next.Bytes, 0, _end - from);
        _shared.Release();
        _shared = next;
        _buffer = next.Bytes;
    }

    private void Validate()
    {
        var region = _buffer.AsSpan(_validated, _end - _validated);
        var complete = _eof ? region.Length : CompleteSequences(region);
        if (!Utf8.IsValid(region[..complete]))
        {
            var bad = _validated + FirstInvalid(region);
            var (line, column) = _position.At(_buffer, bad);
            throw new InputException(_file, $"is not valid UTF-8 text near byte {_bufferOffset + bad}", line, column);
        }
        _validated += complete;
    }

    /// <summary>The length of <paramref name="bytes"/> without an incomplete sequence at its end (the rest arrives with the next read).</summary>
    private static int CompleteSequences(ReadOnlySpan<byte> bytes)
    {
        for (int i = bytes.Length - 1, seen = 1; i >= 0 && seen <= 4; i--, seen++)
        {
            var b = bytes[i];
            if ((b & 0xC0) == 0x80) continue;
            var need = b < 0xC0 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
            return seen >= need ? bytes.Length : i;
        }
        return bytes.Length;
    }

    private static int FirstInvalid(ReadOnlySpan<byte> bytes)
    {
        var i = 0;
        while (i < bytes.Length)
        {
            if (System.Buffers.OperationStatus.Done != Rune.DecodeFromUtf8(bytes[i..], out _, out var used)) return i;
            i += used;
        }
        return i;
    }

    private InputException Problem(JsonException e)
    {
        var line = (int)Math.Min(int.MaxValue, (e.LineNumber ?? 0) + 1);
        var column = (int)Math.Min(int.MaxValue, (e.BytePositionInLine ?? 0) + 1);
        return new InputException(_file, JsonProblems.Describe(e, _eof), line, column);
    }
}
