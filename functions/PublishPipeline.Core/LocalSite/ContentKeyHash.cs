using System.Buffers;
using System.Security.Cryptography;

namespace PublishPipeline.LocalSite;

/// <summary>
/// <see cref="ContentKeys.OfSerialized"/> taken in pieces, as the normalise stage writes the JSON
/// (<c>StreamedDocument</c>): the stage knows the content key when the write ends, so the folder
/// publisher need not read the document back (60 MB of JSON for a 30 MB upload) to learn it. The id's
/// value, near the start, is left out once the first pieces are in; the last <see cref="Window"/>
/// bytes are held back unhashed, since only at the end is it known where the source, the last
/// property, starts. A source longer than that, or JSON not in the form <c>Serialize</c> writes,
/// gives no key (null): the caller reads the stored document as before.
/// </summary>
internal sealed class ContentKeyHash : IDisposable
{
    private const int Window = 64 * 1024; // a document's source (name, format, encoding, hash) is far shorter

    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private byte[] _pending = ArrayPool<byte>.Shared.Rent(4 * Window);
    private int _length;
    private bool _idLeftOut;
    private bool _failed;

    private static ReadOnlySpan<byte> IdProperty => "\n  \"id\": \""u8;

    private static ReadOnlySpan<byte> SourceProperty => "\n  \"source\": "u8;

    /// <summary>The next piece of the JSON.</summary>
    public void Append(ReadOnlySpan<byte> json)
    {
        while (!_failed && json.Length > 0)
        {
            var taken = Math.Min(_pending.Length - _length, json.Length);
            json[..taken].CopyTo(_pending.AsSpan(_length));
            _length += taken;
            json = json[taken..];
            if (_length == _pending.Length)
            {
                Release();
            }
        }
    }

    /// <summary>The content key of the JSON appended, or null when it is not in the form expected.</summary>
    public string? Finish()
    {
        if (_failed || (!_idLeftOut && !LeaveOutId()))
        {
            return null;
        }

        var rest = _pending.AsSpan(0, _length);
        var source = rest.LastIndexOf(SourceProperty);
        if (source < 0 || !rest.EndsWith("\n}"u8))
        {
            return null;
        }

        _hash.AppendData(rest[..(source + SourceProperty.Length)]);
        _hash.AppendData("null\n}"u8);
        return "minutes:" + Convert.ToHexStringLower(_hash.GetHashAndReset());
    }

    public void Dispose()
    {
        _hash.Dispose();
        ArrayPool<byte>.Shared.Return(_pending);
        _pending = [];
    }

    // Hashes all but the last Window bytes held.
    private void Release()
    {
        if (!_idLeftOut && !LeaveOutId())
        {
            _failed = true;
            return;
        }

        if (_length > Window)
        {
            var hashed = _length - Window;
            _hash.AppendData(_pending.AsSpan(0, hashed));
            _pending.AsSpan(hashed, Window).CopyTo(_pending);
            _length = Window;
        }
    }

    // Hashes up to the id's value and drops the value (the first top-level "id": no other property
    // starts a line with two spaces in the indented form, and a string holds no raw line break).
    private bool LeaveOutId()
    {
        var held = _pending.AsSpan(0, _length);
        var id = held.IndexOf(IdProperty);
        if (id < 0)
        {
            return false;
        }

        var start = id + IdProperty.Length;
        var length = held[start..].IndexOf((byte)'"');
        if (length < 0 || held.Slice(start, length).Contains((byte)'\\'))
        {
            return false;
        }

        _hash.AppendData(held[..start]);
        held[(start + length)..].CopyTo(_pending);
        _length -= start + length;
        _idLeftOut = true;
        return true;
    }
}
