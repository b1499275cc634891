using System.Buffers;
using System.Text;

namespace PublishPipeline.Site.Rendering;

/// <summary>
/// A page written into a stream as UTF-8 while it is rendered: the renderer writes into a small
/// <see cref="StringBuilder"/>, and <see cref="Drain"/> encodes what it holds into the stream and
/// empties it, so a large document's page (50 MB for a 30 MB upload) is never one string or array.
/// The bytes are those <c>SiteBuilder</c> makes of the whole page: one encoder, so a surrogate pair
/// cut between two drains is one character.
/// </summary>
internal sealed class PageStream : IDisposable
{
    /// <summary>Characters gathered before they are encoded and written.</summary>
    private const int DrainAt = 32 * 1024;

    private readonly Stream _destination;
    private readonly Encoder _encoder = Encoding.UTF8.GetEncoder();
    private byte[] _bytes = ArrayPool<byte>.Shared.Rent(64 * 1024);

    public PageStream(Stream destination) => _destination = destination;

    /// <summary>Writes what <paramref name="sb"/> holds once it holds enough (or always when <paramref name="final"/>), and empties it.</summary>
    public void Drain(StringBuilder sb, bool final = false)
    {
        if (!final && sb.Length < DrainAt)
        {
            return;
        }

        foreach (var chunk in sb.GetChunks())
        {
            Encode(chunk.Span, flush: false);
        }

        if (final)
        {
            Encode([], flush: true);
        }

        sb.Clear();
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_bytes);
        _bytes = [];
    }

    private void Encode(ReadOnlySpan<char> chars, bool flush)
    {
        bool completed;
        do
        {
            _encoder.Convert(chars, _bytes, flush, out var used, out var written, out completed);
            _destination.Write(_bytes, 0, written);
            chars = chars[used..];
        }
        while (!chars.IsEmpty || (flush && !completed));
    }
}
