using System.Buffers;

namespace PublishPipeline.Ingest;

/// <summary>
/// Scratch character buffers for decoding: pooled up to 1 M characters; a larger one (a line or a
/// head of a very large upload) is allocated and left to the collector, since the pool would keep
/// tens of MB alive after it.
/// </summary>
internal static class CharBuffers
{
    private const int MaxPooled = 1024 * 1024;

    public static char[] Rent(int length) =>
        length <= MaxPooled ? ArrayPool<char>.Shared.Rent(Math.Max(1, length)) : GC.AllocateUninitializedArray<char>(length);

    public static void Return(char[] buffer)
    {
        if (buffer.Length <= MaxPooled)
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }
}
