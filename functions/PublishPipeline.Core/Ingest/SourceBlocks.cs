using System.Collections;

namespace PublishPipeline.Ingest;

/// <summary>
/// An upload being read (<see cref="MinutesReader.Open"/>): what <see cref="SourceDocument"/> says
/// of it, and its blocks in reading order, composed (<see cref="MinutesReader.Composed"/>), as the
/// reader gives them. They can be enumerated once. The reading clock (<see cref="ReadLimits"/>) runs
/// while the reader makes them, with the time <see cref="MinutesReader.Open"/> left (what the
/// consumer does between blocks does not count), and a reader's failure or an upload without a block is the
/// <see cref="MinutesFormatException"/> <see cref="MinutesReader.Read"/> throws.
/// </summary>
internal sealed class SourceBlocks(string name, SourceFormat format, string encodingName, string sha256, long length, IEnumerable<SourceBlock> blocks, long readingTimeLeft)
{
    private readonly IEnumerable<SourceBlock> _blocks = blocks;
    private readonly long _readingTimeLeft = readingTimeLeft;
    private bool _taken;

    public string Name { get; } = name;

    public SourceFormat Format { get; } = format;

    public string EncodingName { get; } = encodingName;

    public string Sha256 { get; } = sha256;

    public long Length { get; } = length;

    public IEnumerable<SourceBlock> Blocks
    {
        get
        {
            if (_taken)
            {
                throw new InvalidOperationException("an upload's blocks are read once");
            }

            _taken = true;
            return new Reading(this);
        }
    }

    /// <summary>One pass over the blocks, as an enumerator: an iterator cannot catch around its yield.</summary>
    private sealed class Reading(SourceBlocks source) : IEnumerable<SourceBlock>, IEnumerator<SourceBlock>
    {
        private IEnumerator<SourceBlock>? _inner;
        private long _timeLeft = source._readingTimeLeft;
        private int _count;

        public SourceBlock Current { get; private set; } = null!;

        object IEnumerator.Current => Current;

        public IEnumerator<SourceBlock> GetEnumerator() => this;

        IEnumerator IEnumerable.GetEnumerator() => this;

        public bool MoveNext()
        {
            bool more;
            var clock = ReadLimits.Start(_timeLeft);
            try
            {
                _inner ??= source._blocks.GetEnumerator();
                more = _inner.MoveNext();
            }
            catch (Exception ex) when (MinutesReader.Failure(source.Name, ex) is { } failure)
            {
                Dispose();
                throw failure;
            }
            finally
            {
                _timeLeft = ReadLimits.Remaining();
                clock.Dispose();
            }

            if (!more)
            {
                Dispose();
                return _count > 0 ? false : throw new MinutesFormatException(source.Name, $"no text found in the {source.Format} file") { Code = "empty" };
            }

            _count++;
            Current = MinutesReader.Composed(_inner.Current);
            return true;
        }

        public void Reset() => throw new NotSupportedException();

        public void Dispose() => _inner?.Dispose();
    }
}
