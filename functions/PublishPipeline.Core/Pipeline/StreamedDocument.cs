using System.Buffers;
using PublishPipeline.LocalSite;
using PublishPipeline.Model;

namespace PublishPipeline.Pipeline;

/// <summary>
/// A document's JSON written into a store's stream as it is made, 64 KB at a time, so a large
/// document (60 MB of JSON from a 30 MB upload) is never one array in memory. It also notes whether
/// the JSON holds an escaped replacement character (<c>\uFFFD</c>), which the stage hand-off must
/// know (<see cref="StageHandOff"/>) and could otherwise only tell from the whole bytes.
/// </summary>
internal sealed class StreamedDocument : IBufferWriter<byte>, IDisposable
{
    private const int ChunkSize = 64 * 1024;
    private const int Overlap = 5; // one byte short of the escape, so an escape cut by a chunk's end is found
    private readonly Stream _destination;
    private readonly ContentKeyHash? _key;
    private readonly byte[] _tail = new byte[Overlap];
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(ChunkSize);
    private int _written;
    private int _tailLength;

    internal StreamedDocument(Stream destination, ContentKeyHash? key = null)
    {
        _destination = destination;
        _key = key;
    }

    /// <summary>Whether the JSON written so far holds <c>\uFFFD</c> (either case).</summary>
    public bool HasReplacementEscape { get; private set; }

    /// <summary>
    /// Writes <paramref name="minutes"/> as <see cref="MinutesJson.Serialize"/> would into <paramref name="destination"/>
    /// (and into <paramref name="key"/>, which hashes it for the content key, when given); whether the JSON holds <c>\uFFFD</c>.
    /// </summary>
    public static async Task<bool> WriteAsync(Minutes minutes, Stream destination, CancellationToken cancellationToken, ContentKeyHash? key = null)
    {
        using var json = new StreamedDocument(destination, key);
        MinutesJson.SerializeInto(minutes, json);
        json.Flush();
        await destination.FlushAsync(cancellationToken).ConfigureAwait(false);
        return json.HasReplacementEscape;
    }

    public void Advance(int count) => _written += count;

    /// <summary>Writes what has been advanced so far to the stream.</summary>
    public void Flush() => WriteChunk();

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return _buffer.AsMemory(_written);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return _buffer.AsSpan(_written);
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }

    private void Reserve(int sizeHint)
    {
        var needed = Math.Max(sizeHint, 1);
        if (_buffer.Length - _written >= needed)
        {
            return;
        }

        WriteChunk();
        if (_buffer.Length < needed)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = ArrayPool<byte>.Shared.Rent(needed);
        }
    }

    private void WriteChunk()
    {
        if (_written == 0)
        {
            return;
        }

        var chunk = _buffer.AsSpan(0, _written);
        if (!HasReplacementEscape)
        {
            Span<byte> seam = stackalloc byte[2 * Overlap];
            _tail.AsSpan(0, _tailLength).CopyTo(seam);
            var head = chunk[..Math.Min(Overlap, chunk.Length)];
            head.CopyTo(seam[_tailLength..]);
            HasReplacementEscape = HasEscape(seam[..(_tailLength + head.Length)]) || HasEscape(chunk);
            var kept = seam[..(_tailLength + head.Length)];
            var tail = chunk.Length >= Overlap ? chunk[^Overlap..] : kept[Math.Max(0, kept.Length - Overlap)..];
            tail.CopyTo(_tail);
            _tailLength = tail.Length;
        }

        _destination.Write(chunk);
        _key?.Append(chunk);
        _written = 0;
    }

    private static bool HasEscape(ReadOnlySpan<byte> json) => json.IndexOf("\\uFFFD"u8) >= 0 || json.IndexOf("\\ufffd"u8) >= 0;
}
