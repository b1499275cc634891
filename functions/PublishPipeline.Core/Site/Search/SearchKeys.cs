using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace PublishPipeline.Site.Search;

/// <summary>
/// Stable document keys: what postings call a minutes. A key is its meeting day (days since
/// 1868-01-01) × 1,024 + a slot taken from a hash of its id, above 2²⁰; undated minutes get a
/// slot below 2²⁰. Newest first is simply descending key order, a date range is a key range, and
/// adding a minutes never renumbers the others: the only exception is two minutes of one day whose
/// ids hash to the same slot, where the one with the later id moves to the next free slot.
/// Keys are not positions, so shards that do not hold a new document's terms keep their bytes.
/// </summary>
internal static class SearchKeys
{
    public const long UndatedSpace = 1L << 20;

    public const int SlotsPerDay = 1024;

    public static readonly DateOnly Epoch = new(1868, 1, 1);

    /// <summary>32 bits of SHA-256 of the id: the preferred slot and the fragment file name.</summary>
    public static uint IdHash(string id) => BinaryPrimitives.ReadUInt32BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes(id)));

    /// <summary>The fragment files' name stem, unique among minutes of the same day (checked by <see cref="Assign"/>).</summary>
    public static string FragmentName(string id) => IdHash(id).ToString("x8", CultureInfo.InvariantCulture);

    /// <summary>yyyyMMdd of the key's day (dates before the epoch count as the epoch), or "undated".</summary>
    public static string DateFolder(DateOnly? date) =>
        date is DateOnly d ? Epoch.AddDays((int)Day(d)).ToString("yyyyMMdd", CultureInfo.InvariantCulture) : "undated";

    /// <summary>Where chunk <paramref name="chunk"/> of a minutes' search fragments lives; search.js builds the same path from the key.</summary>
    public static string FragmentPath(string id, DateOnly? date, int chunk) =>
        $"{SiteUrls.SearchFragmentsPrefix}{DateFolder(date)}/{FragmentName(id)}-{chunk.ToString(CultureInfo.InvariantCulture)}.json";

    public static long Day(DateOnly date) => Math.Max(0, date.DayNumber - Epoch.DayNumber);

    /// <summary>Keys for a whole set (ids distinct). Deterministic: the set decides, not the order given.</summary>
    /// <exception cref="InvalidOperationException">More minutes on one day than slots, or two minutes of one day whose fragment names collide.</exception>
    public static Dictionary<string, long> Assign(IEnumerable<(string Id, DateOnly? Date)> documents)
    {
        var keys = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var day in documents.GroupBy(d => d.Date))
        {
            var capacity = day.Key is null ? UndatedSpace : SlotsPerDay;
            var baseKey = day.Key is DateOnly date ? UndatedSpace + (Day(date) * SlotsPerDay) : 0;
            var members = day.OrderBy(d => d.Id, StringComparer.Ordinal).ToList();
            if (members.Count > capacity)
            {
                throw new InvalidOperationException($"{members.Count} minutes dated {DateFolder(day.Key)}: the search index holds at most {capacity} per day.");
            }

            var taken = new HashSet<long>();
            var names = new Dictionary<uint, string>();
            foreach (var (id, _) in members)
            {
                var hash = IdHash(id);
                if (!names.TryAdd(hash, id))
                {
                    throw new InvalidOperationException(
                        $"Minutes {names[hash]} and {id} (both dated {DateFolder(day.Key)}) share the search fragment name {hash:x8}; rename one upload.");
                }

                var slot = hash % capacity;
                while (!taken.Add(slot))
                {
                    slot = (slot + 1) % capacity;
                }

                keys[id] = baseKey + slot;
            }
        }

        return keys;
    }
}
