using System.Buffers;
using System.Security.Cryptography;
using PublishPipeline.Model;

namespace PublishPipeline.Site.Search;

/// <summary>
/// What one minutes adds to the search index, computed from that document alone: for every bigram
/// (and every speaker role) the encoded set of units where it occurs. Immutable and compact (a few
/// bytes per term), so a caller that publishes incrementally can keep one per document, in memory
/// or on disk (<see cref="ToBytes"/>), and hand them all to <see cref="SearchIndex.Build"/>.
/// </summary>
public sealed class SearchContribution
{
    private const byte FormatVersion = 1;

    // Bigrams ascending: [LEB128 key delta][LEB128 length][encoded unit ids], repeated.
    private readonly byte[] _terms;

    private SearchContribution(string id, DateOnly? date, string body, byte[] terms, int termCount, (string Role, byte[] Units, int Count)[] roles)
    {
        Id = id;
        Date = date;
        Body = body;
        _terms = terms;
        TermCount = termCount;
        Roles = roles;
        Digest = ComputeDigest();
    }

    public string Id { get; }

    public DateOnly? Date { get; }

    /// <summary>The 会議体 as the site names it (for the filter).</summary>
    public string Body { get; }

    /// <summary>Distinct bigrams.</summary>
    public int TermCount { get; }

    /// <summary>Hash of everything the index takes from this document: equal digests, equal postings.</summary>
    public string Digest { get; }

    /// <summary>What the index takes from this document besides its postings (made once).</summary>
    public SearchSummary Summary => _summary ??= new(Id, Date, Body, Digest, [.. Roles.Select(r => (r.Role, r.Count))]);

    private SearchSummary? _summary;

    /// <summary>Roles with their encoded units and how many turns each spoke.</summary>
    internal (string Role, byte[] Units, int Count)[] Roles { get; }

    /// <summary>Approximate memory held, in bytes.</summary>
    public int Size => _terms.Length + Roles.Sum(r => r.Units.Length + (2 * r.Role.Length) + 32) + 128;

    /// <summary>Every index key this document contributes to: its bigrams and <c>role:</c> keys.</summary>
    public IReadOnlyList<string> IndexKeys()
    {
        var keys = new List<string>(TermCount + Roles.Length);
        foreach (var (term, _) in Terms())
        {
            keys.Add(SearchText.BigramOf(term));
        }

        foreach (var role in Roles)
        {
            keys.Add(SearchIndex.RoleKey(role.Role));
        }

        return keys;
    }

    /// <summary>Builds the contribution of redacted minutes.</summary>
    public static SearchContribution Of(Minutes minutes) => OfBatched(minutes, BatchOccurrences);

    /// <summary><see cref="Of(Minutes)"/>, the occurrences sorted at most <paramref name="batch"/> at a time (tests take small batches).</summary>
    internal static SearchContribution OfBatched(Minutes minutes, int batch)
    {
        ArgumentNullException.ThrowIfNull(minutes);

        // Every occurrence as one number, bigram then unit id; sorted, they group by bigram with
        // unit ids ascending (a radix sort: no hashing per occurrence, no list per term).
        // Sized once to the most the text can hold (a bigram per character): a long document's
        // list does not grow by doubling, leaving each smaller array behind.
        // The units are made one at a time (a long document has a hundred thousand), so the
        // capacity is counted from the document: its fields before they are trimmed.
        var capacity = 0L;
        foreach (var field in (IEnumerable<string?>)[minutes.Title, minutes.Body, minutes.Session, .. minutes.Agenda])
        {
            capacity += field?.Length ?? 0;
        }

        foreach (var section in minutes.Sections)
        {
            foreach (var turn in section.Turns)
            {
                capacity += (turn.Speaker?.Length ?? 0) + (turn.Text?.Length ?? 0);
            }
        }

        // A long document's occurrences are sorted a batch of units at a time and kept as sorted
        // runs of small deltas, merged at the end: not one list as long as its text and a sort's
        // scratch as long again (≈ 200 MB for a 30 MB upload). A batch never splits a unit.
        var occurrences = new List<ulong>((int)Math.Min(capacity, batch + (1L << 16)));
        var roles = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        SortedRuns? runs = null;
        char[]? folded = null; // every field folded into this one buffer, grown to the longest
        foreach (var unit in SearchLayout.Units(minutes))
        {
            if (unit.Id >= 1 << UnitBits)
            {
                throw new InvalidOperationException($"Minutes {minutes.Id} has more units than the search index can number ({1 << UnitBits}).");
            }

            var start = occurrences.Count;
            foreach (var field in unit.Fields)
            {
                SearchText.AddBigrams(field, occurrences, ref folded);
            }

            // A bigram counts once per unit: repeats are dropped here, so the list holds what
            // the postings hold instead of every occurrence of a long document's text.
            var added = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(occurrences)[start..];
            added.Sort();
            var distinct = 0;
            for (var i = 0; i < added.Length; i++)
            {
                if (distinct == 0 || added[i] != added[distinct - 1] >> UnitBits)
                {
                    added[distinct++] = (added[i] << UnitBits) | (uint)unit.Id;
                }
            }

            System.Runtime.InteropServices.CollectionsMarshal.SetCount(occurrences, start + distinct);

            if (occurrences.Count >= batch)
            {
                (runs ??= new SortedRuns()).Add(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(occurrences));
                occurrences.Clear();
            }

            if (unit.Role is { } role)
            {
                if (!roles.TryGetValue(role, out var list))
                {
                    roles[role] = list = [];
                }

                list.Add(unit.Id);
            }
        }

        var postings = new PostingsWriter();
        if (runs is null)
        {
            var all = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(occurrences);
            RadixSort(all, null);
            postings.Reserve(all.Length);
            foreach (var occurrence in all)
            {
                postings.Add(occurrence);
            }
        }
        else
        {
            runs.Add(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(occurrences));
            occurrences.Clear();
            occurrences.Capacity = 0; // copied into the runs
            runs.MergeInto(postings);
        }

        var (terms, termCount) = postings.Finish();
        var roleArray = roles
            .OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => (kv.Key, PostingCodec.EncodeIds(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(kv.Value)), kv.Value.Count))
            .ToArray();
        return new SearchContribution(minutes.Id, minutes.Date, SiteBuilder.BodyName(minutes), terms, termCount, roleArray);
    }

    /// <summary>Bits of the unit id in an occurrence: a minutes of up to a million units.</summary>
    private const int UnitBits = 20;

    /// <summary>
    /// Occurrences sorted at once: a document with more is sorted in batches and merged (<see cref="SortedRuns"/>).
    /// A quarter million (the batch and the sort's scratch 2 MB each): a million held 17 MB for a
    /// long document while it gathered, for a merge of four times fewer runs.
    /// </summary>
    internal const int BatchOccurrences = 1 << 18;

    /// <summary>LSD radix sort, 8 bits a pass; passes where every value has the same digit are skipped.</summary>
    /// <param name="scratch">At least as long as <paramref name="values"/>, or null to allocate it.</param>
    private static void RadixSort(Span<ulong> values, ulong[]? scratch)
    {
        if (values.Length < 64)
        {
            values.Sort();
            return;
        }

        scratch ??= new ulong[values.Length];
        Span<int> counts = stackalloc int[256];
        Span<ulong> from = values, to = scratch.AsSpan(0, values.Length);
        for (var shift = 0; shift < 64; shift += 8)
        {
            counts.Clear();
            foreach (var v in from)
            {
                counts[(int)((v >> shift) & 0xFF)]++;
            }

            if (counts[(int)((from[0] >> shift) & 0xFF)] == from.Length)
            {
                continue;
            }

            for (int d = 0, sum = 0; d < counts.Length; d++)
            {
                var c = counts[d];
                counts[d] = sum;
                sum += c;
            }

            foreach (var v in from)
            {
                to[counts[(int)((v >> shift) & 0xFF)]++] = v;
            }

            var swap = from;
            from = to;
            to = swap;
        }

        if (from != values)
        {
            from.CopyTo(values);
        }
    }

    /// <summary>The bigrams with their encoded units, ascending by packed key.</summary>
    internal TermEnumerator Terms() => new(_terms);

    /// <summary>A self-contained serialisation, for a cache on disk.</summary>
    public byte[] ToBytes()
    {
        var bytes = new byte[SerializedLength];
        WriteTo(bytes);
        return bytes;
    }

    /// <summary>The length of <see cref="ToBytes"/>.</summary>
    public int SerializedLength
    {
        get
        {
            var length = 1 + StringLength(Id) + sizeof(int) + StringLength(Body) + sizeof(int) + sizeof(int) + _terms.Length + sizeof(int);
            foreach (var (role, units, _) in Roles)
            {
                length += StringLength(role) + sizeof(int) + sizeof(int) + units.Length;
            }

            return length;
        }
    }

    /// <summary>
    /// Writes <see cref="ToBytes"/> into <paramref name="destination"/> (at least <see cref="SerializedLength"/>
    /// long), in <see cref="BinaryWriter"/>'s layout, so a cache entry is made in one array: a
    /// writer's growing buffer and its copy were three times a long document's postings (≈ 110 MB
    /// beside them for a 30 MB upload).
    /// </summary>
    public void WriteTo(Span<byte> destination)
    {
        var at = 0;
        destination[at++] = FormatVersion;
        WriteString(destination, ref at, Id);
        WriteInt(destination, ref at, Date?.DayNumber ?? -1);
        WriteString(destination, ref at, Body);
        WriteInt(destination, ref at, TermCount);
        WriteInt(destination, ref at, _terms.Length);
        _terms.CopyTo(destination[at..]);
        at += _terms.Length;
        WriteInt(destination, ref at, Roles.Length);
        foreach (var (role, units, count) in Roles)
        {
            WriteString(destination, ref at, role);
            WriteInt(destination, ref at, count);
            WriteInt(destination, ref at, units.Length);
            units.CopyTo(destination[at..]);
            at += units.Length;
        }
    }

    // A string as BinaryWriter writes it: its UTF-8 length as a 7-bit encoded number, then the bytes.
    private static int StringLength(string value)
    {
        var bytes = System.Text.Encoding.UTF8.GetByteCount(value);
        return SevenBitLength((uint)bytes) + bytes;
    }

    private static int SevenBitLength(uint value)
    {
        var length = 1;
        while (value >= 0x80)
        {
            value >>= 7;
            length++;
        }

        return length;
    }

    private static void WriteString(Span<byte> destination, ref int at, string value)
    {
        var length = (uint)System.Text.Encoding.UTF8.GetByteCount(value);
        while (length >= 0x80)
        {
            destination[at++] = (byte)(length | 0x80);
            length >>= 7;
        }

        destination[at++] = (byte)length;
        at += System.Text.Encoding.UTF8.GetBytes(value, destination[at..]);
    }

    private static void WriteInt(Span<byte> destination, ref int at, int value)
    {
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(destination[at..], value);
        at += sizeof(int);
    }

    /// <summary>Reads <see cref="ToBytes"/> back.</summary>
    /// <exception cref="InvalidDataException">Not a contribution of this format version.</exception>
    public static SearchContribution FromBytes(ReadOnlySpan<byte> bytes)
    {
        using var buffer = new MemoryStream(bytes.ToArray());
        using var r = new BinaryReader(buffer, System.Text.Encoding.UTF8);
        try
        {
            if (r.ReadByte() != FormatVersion)
            {
                throw new InvalidDataException("Search contribution of another format version: rebuild it from the document.");
            }

            var id = r.ReadString();
            var day = r.ReadInt32();
            var body = r.ReadString();
            var termCount = r.ReadInt32();
            var terms = r.ReadBytes(r.ReadInt32());
            var roles = new (string, byte[], int)[r.ReadInt32()];
            for (var i = 0; i < roles.Length; i++)
            {
                var role = r.ReadString();
                var count = r.ReadInt32();
                roles[i] = (role, r.ReadBytes(r.ReadInt32()), count);
            }

            return new SearchContribution(id, day < 0 ? null : DateOnly.FromDayNumber(day), body, terms, termCount, roles);
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException("Search contribution is truncated.", e);
        }
    }

    private string ComputeDigest()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(System.Text.Encoding.UTF8.GetBytes($"{Id}\n{Date?.DayNumber}\n{Body}\n"));
        hash.AppendData(_terms);
        foreach (var (role, units, _) in Roles)
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes("\n" + role + "\n"));
            hash.AppendData(units);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    internal static void WriteLeb(ulong value, ArrayBufferWriter<byte> output) => output.Advance(WriteLeb(value, output.GetSpan(10)));

    /// <summary>Writes <paramref name="value"/> as LEB128 at the start of <paramref name="destination"/>; returns its length.</summary>
    internal static int WriteLeb(ulong value, Span<byte> destination)
    {
        var n = 0;
        while (value >= 0x80)
        {
            destination[n++] = (byte)(value | 0x80);
            value >>= 7;
        }

        destination[n++] = (byte)value;
        return n;
    }

    /// <summary>The length of <paramref name="value"/> as LEB128 (seven bits a byte).</summary>
    internal static int LebLength(ulong value) => (System.Numerics.BitOperations.Log2(value | 1) / 7) + 1;

    internal static ulong ReadLeb(ReadOnlySpan<byte> data, ref int at)
    {
        ulong value = 0;
        var shift = 0;
        byte b;
        do
        {
            b = data[at++];
            value |= (ulong)(b & 0x7F) << shift;
            shift += 7;
        }
        while ((b & 0x80) != 0);
        return value;
    }

    /// <summary>
    /// Sorted occurrences (bigram, then unit) written as the terms stream: for each bigram, its key
    /// delta, then its units' encoded set.
    /// </summary>
    private sealed class PostingsWriter
    {
        private const ulong UnitMask = (1UL << UnitBits) - 1;
        private readonly List<int> _ids = new(64);
        private Pieces? _output;
        private ulong _term;
        private ulong _previous;
        private int _termCount;

        // A byte an occurrence to begin with (a long document's postings take about that): more
        // pieces are added as needed, nothing copied until the end.
        public void Reserve(long occurrences) => _output ??= new Pieces((int)Math.Clamp(occurrences, 256, Pieces.Longest));

        public void Add(ulong occurrence)
        {
            var term = occurrence >> UnitBits;
            if (_ids.Count > 0 && term != _term)
            {
                Flush();
            }

            _term = term;
            var unit = (int)(occurrence & UnitMask);
            if (_ids.Count == 0 || _ids[^1] != unit)
            {
                _ids.Add(unit);
            }
        }

        public (byte[] Terms, int Count) Finish()
        {
            if (_ids.Count > 0)
            {
                Flush();
            }

            return (_output is null ? [] : _output.ToArray(), _termCount);
        }

        private void Flush()
        {
            Reserve(256);
            var units = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_ids);
            var length = PostingCodec.EncodedLength(units);
            var span = _output!.GetSpan(20 + length);
            var at = WriteLeb(_term - _previous, span);
            at += WriteLeb((ulong)length, span[at..]);
            PostingCodec.Encode(units, span.Slice(at, length));
            _output.Advance(at + length);
            _previous = _term;
            _termCount++;
            _ids.Clear();
        }
    }

    /// <summary>
    /// Batches of occurrences, each sorted and kept as the deltas between its values (a few bytes
    /// each instead of eight), merged into one ascending sequence at the end.
    /// </summary>
    private sealed class SortedRuns
    {
        private readonly List<(byte[] Deltas, int Count)> _runs = [];
        private ulong[]? _scratch;
        private long _count;

        public void Add(Span<ulong> batch)
        {
            if (batch.IsEmpty)
            {
                return;
            }

            if (_scratch is null || _scratch.Length < batch.Length)
            {
                _scratch = new ulong[batch.Length];
            }

            RadixSort(batch, _scratch);

            // Measured first, then written into an array of that length: a buffer guessed and
            // copied out left two arrays per batch for the collector (≈ 100 MB for a 30 MB upload).
            var length = 0L;
            ulong previous = 0;
            foreach (var value in batch)
            {
                length += LebLength(value - previous);
                previous = value;
            }

            var deltas = new byte[length];
            var at = 0;
            previous = 0;
            foreach (var value in batch)
            {
                at += WriteLeb(value - previous, deltas.AsSpan(at));
                previous = value;
            }

            _runs.Add((deltas, batch.Length));
            _count += batch.Length;
        }

        public void MergeInto(PostingsWriter postings)
        {
            _scratch = null;
            postings.Reserve(_count);
            var at = new int[_runs.Count];
            var value = new ulong[_runs.Count];
            var heads = new PriorityQueue<int, ulong>(_runs.Count);
            for (var r = 0; r < _runs.Count; r++)
            {
                value[r] = ReadLeb(_runs[r].Deltas, ref at[r]);
                heads.Enqueue(r, value[r]);
            }

            while (heads.TryDequeue(out var r, out var smallest))
            {
                postings.Add(smallest);
                var deltas = _runs[r].Deltas;
                if (at[r] < deltas.Length)
                {
                    value[r] += ReadLeb(deltas, ref at[r]);
                    heads.Enqueue(r, value[r]);
                }
            }

            _runs.Clear(); // merged: not held while the postings are copied out
        }
    }

    /// <summary>
    /// Bytes written in pieces of up to a megabyte, each new one as long as all before it (as a
    /// growing buffer doubles), copied once into an array of the exact length at the end: a buffer
    /// reserved to a guess (2 bytes an occurrence) and then copied held three times a long
    /// document's postings at once (≈ 30 MB for a 30 MB upload's 10 MB).
    /// </summary>
    private sealed class Pieces(int first)
    {
        public const int Longest = 1 << 20;
        private readonly List<(byte[] Piece, int Length)> _full = [];
        private byte[] _piece = new byte[first];
        private int _at;
        private int _before;

        public Span<byte> GetSpan(int sizeHint)
        {
            if (_piece.Length - _at < sizeHint)
            {
                _full.Add((_piece, _at));
                _before += _at;
                _piece = new byte[Math.Max(sizeHint, Math.Min(Math.Max(_before, 256), Longest))];
                _at = 0;
            }

            return _piece.AsSpan(_at);
        }

        public void Advance(int count) => _at += count;

        public byte[] ToArray()
        {
            var bytes = new byte[_before + _at];
            var at = 0;
            foreach (var (piece, length) in _full)
            {
                piece.AsSpan(0, length).CopyTo(bytes.AsSpan(at));
                at += length;
            }

            _piece.AsSpan(0, _at).CopyTo(bytes.AsSpan(at));
            return bytes;
        }
    }

    /// <summary>Walks the packed bigram stream without allocating.</summary>
    internal ref struct TermEnumerator
    {
        private readonly ReadOnlySpan<byte> _data;
        private int _at;
        private ulong _term;

        public TermEnumerator(byte[] data)
        {
            _data = data;
            Current = default;
        }

        public TermEntry Current { get; private set; }

        public readonly TermEnumerator GetEnumerator() => this;

        public bool MoveNext()
        {
            if (_at >= _data.Length)
            {
                return false;
            }

            _term += ReadLeb();
            var length = (int)ReadLeb();
            Current = new TermEntry(_term, _data.Slice(_at, length));
            _at += length;
            return true;
        }

        private ulong ReadLeb() => SearchContribution.ReadLeb(_data, ref _at);
    }

    /// <summary>One bigram and its encoded units.</summary>
    internal readonly ref struct TermEntry(ulong term, ReadOnlySpan<byte> units)
    {
        public ulong Term { get; } = term;

        public ReadOnlySpan<byte> Units { get; } = units;

        public void Deconstruct(out ulong term, out ReadOnlySpan<byte> units)
        {
            term = Term;
            units = Units;
        }
    }
}
