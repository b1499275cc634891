using PublishPipeline.Ingest;

namespace PublishPipeline.Normalization.Proceedings;

/// <summary>
/// The text of the turn being built. Most turns are one line, so that line's string becomes the
/// turn's text as it is, without a copy; only when a paragraph is appended are the parts gathered,
/// in one buffer reused from turn to turn and rented from the pool (a StringBuilder copied every
/// turn once more and, after a long turn, left its chunks behind at every Clear).
/// </summary>
internal sealed class TurnText
{
    // The first line's text, as a range of a string: kept until a second part comes.
    private string? _single;
    private int _start;
    private int _count;
    private char[] _buffer = [];
    private int _length;

    public int Length => _single is null ? _length : _count;

    public char this[int index] => _single is { } single ? single[_start + index] : _buffer[index];

    /// <summary>Starts a new turn with a range of <paramref name="line"/> (kept by reference).</summary>
    public void Start(string line, int start, int length)
    {
        _single = line;
        _start = start;
        _count = length;
        _length = 0;
    }

    public void Append(char c)
    {
        Gather(1);
        _buffer[_length++] = c;
    }

    public void Append(string text)
    {
        Gather(text.Length);
        text.CopyTo(_buffer.AsSpan(_length));
        _length += text.Length;
    }

    /// <summary>Cuts the text back to its first <paramref name="length"/> characters (a part appended that is no part of it).</summary>
    public void Truncate(int length)
    {
        if (_single is null)
        {
            _length = Math.Min(_length, length);
        }
        else
        {
            _count = Math.Min(_count, length);
        }
    }

    /// <summary>The turn's text without <paramref name="trim"/> at either end; the first line itself when nothing was appended.</summary>
    public string ToTrimmedString(char[] trim)
    {
        if (_single is { } single)
        {
            var text = single.AsSpan(_start, _count).Trim(trim);
            return text.Length == single.Length ? single : new string(text);
        }

        return new string(_buffer.AsSpan(0, _length).Trim(trim));
    }

    /// <summary>Gives the buffer back to the pool; the text is empty after it.</summary>
    public void Release()
    {
        if (_buffer.Length > 0)
        {
            CharBuffers.Return(_buffer);
        }

        _buffer = [];
        _length = 0;
    }

    // Moves a kept line into the buffer and makes room for `more` characters after it.
    private void Gather(int more)
    {
        var single = _single;
        var length = Length;
        if (length + more > _buffer.Length)
        {
            // Rented: a new builder per document would otherwise grow its own buffer to the longest speech.
            var grown = CharBuffers.Rent(Math.Max(Math.Max(_buffer.Length * 2, 256), length + more));
            if (single is null)
            {
                _buffer.AsSpan(0, _length).CopyTo(grown);
            }

            if (_buffer.Length > 0)
            {
                CharBuffers.Return(_buffer);
            }

            _buffer = grown;
        }

        if (single is not null)
        {
            single.AsSpan(_start, _count).CopyTo(_buffer);
            _length = _count;
            _single = null;
        }
    }
}
