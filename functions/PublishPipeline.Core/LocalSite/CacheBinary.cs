namespace PublishPipeline.LocalSite;

/// <summary>The pieces the work folder caches' codecs share (<see cref="WorkFolderCodec{TValue}"/>).</summary>
internal static class CacheBinary
{
    /// <summary>A count written before the items it counts; one the rest of the part cannot hold is damage (the part is made again).</summary>
    public static int ReadCount(BinaryReader reader)
    {
        var count = reader.ReadInt32();
        return count >= 0 && count <= reader.BaseStream.Length - reader.BaseStream.Position
            ? count
            : throw new EndOfStreamException("count past the end of the part");
    }

    public static void Write(BinaryWriter writer, long[] values)
    {
        writer.Write(values.Length);
        foreach (var value in values)
        {
            writer.Write(value);
        }
    }

    public static long[] ReadLongs(BinaryReader reader)
    {
        var values = new long[ReadCount(reader)];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = reader.ReadInt64();
        }

        return values;
    }
}
