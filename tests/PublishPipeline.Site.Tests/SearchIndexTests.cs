using System.Buffers;
using System.Text.Json;
using PublishPipeline.Model;
using PublishPipeline.Site.Search;

namespace PublishPipeline.Site.Tests;

/// <summary>The search index as search.js reads it: postings, stable keys, shards that change only with their terms.</summary>
public class SearchIndexTests
{
    private static readonly SiteOptions Options = new() { BaseUrl = new Uri("https://gikai.example.jp/") };

    private static readonly string[] Topics =
    [
        "待機児童の解消に向けた保育所の整備", "道路の補修と歩道の段差解消", "防災訓練の実施と避難所の運営", "図書館の開館時間の延長",
        "ごみの分別と資源回収", "公園の遊具の点検", "高齢者の見守りと配食サービス", "商店街の活性化とプレミアム商品券",
        "小学校の給食費の無償化", "自転車駐車場の再整備", "空き家の適正管理", "河川の氾濫対策と雨水貯留",
    ];

    private static readonly string[] Bodies = ["子ども・子育て会議", "都市計画審議会", "地域保健福祉計画推進会議"];

    /// <summary>An archive over several fiscal years, each minutes with a topic of its own.</summary>
    private static List<Minutes> Archive(int count) =>
        [.. Enumerable.Range(0, count).Select(i => WithTopic(TestMinutes.Sample($"archive/{i}.txt", new DateOnly(2016, 4, 1).AddDays(i * 40), Bodies[i % Bodies.Length]), $"{Topics[i % Topics.Length]}について（第{i}号）"))];

    private static Minutes WithTopic(Minutes m, string topic) => m with
    {
        Sections = [.. m.Sections, new Section("その他", [new SpeakerTurn { Speaker = "〇〇委員", Text = topic + "、区の考えを伺います。" }, new SpeakerTurn { Speaker = "課長", Text = topic + "は、来年度に検討します。" }])],
    };

    private static SearchContribution[] Contributions(IEnumerable<Minutes> minutes) => [.. minutes.Select(SearchContribution.Of)];

    [Fact]
    public void A_posting_holds_exactly_the_units_whose_text_contains_the_pair()
    {
        var set = TestMinutes.Set().Append(TestMinutes.Hostile()).ToList();
        var builder = new SiteBuilder(Options);
        var files = builder.BuildIndexes(set).Concat(set.SelectMany(builder.BuildSearchFragments)).ToList();
        var index = new SearchIndexReader(files);
        var byPath = files.ToDictionary(f => f.Path, StringComparer.Ordinal);
        var keys = SearchKeys.Assign(set.Select(m => (m.Id, m.Date)));

        foreach (var pair in new[] { "パブ", "公表", "審議", "dx", "本部", "委員", "\u003Cs" })
        {
            var postings = index.Postings(pair);
            foreach (var m in set)
            {
                // Every unit of the minutes, read back from its fragment files.
                var expected = new List<int>();
                for (var chunk = 0; byPath.TryGetValue(SearchKeys.FragmentPath(m.Id, m.Date, chunk), out var fragment); chunk++)
                {
                    using var json = JsonDocument.Parse(fragment.Content);
                    Assert.Equal(builder.Urls.Url(SiteUrls.MinutesPagePath(m.Id)), json.RootElement.GetProperty("u").GetString());
                    var units = json.RootElement.GetProperty("x").EnumerateArray().ToList();
                    for (var slot = 0; slot < units.Count; slot++)
                    {
                        var fields = chunk == 0 && slot == 0
                            ? units[slot].EnumerateArray().Select(f => f.GetString()!).ToList()
                            : units[slot].EnumerateArray().Skip(1).Select(f => f.ValueKind == JsonValueKind.Null ? "" : f.GetString()!).ToList();
                        if (fields.Any(f => SearchText.Fold(f).Contains(pair, StringComparison.Ordinal)))
                        {
                            expected.Add((chunk * SearchLayout.SlotsPerChunk) + slot);
                        }
                    }
                }

                var key = keys[m.Id];
                Assert.Equal(expected, postings.TryGetValue(key, out var ids) ? ids : []);
            }
        }
    }

    [Fact]
    public void Keys_sort_newest_first_and_do_not_move_when_minutes_are_added()
    {
        var set = Archive(30);
        var keys = SearchKeys.Assign(set.Select(m => (m.Id, m.Date)));
        Assert.Equal(
            set.OrderByDescending(m => m.Date).Select(m => m.Id),
            keys.OrderByDescending(kv => kv.Value).Select(kv => kv.Key));

        // Another minutes on a day that already has one, and an undated one: nobody else moves.
        var sameDay = TestMinutes.Sample("archive/same-day.txt", set[7].Date);
        var undated = TestMinutes.Sample("archive/undated.txt") with { Date = null };
        var more = SearchKeys.Assign(set.Append(sameDay).Append(undated).Select(m => (m.Id, m.Date)));
        Assert.All(set, m => Assert.Equal(keys[m.Id], more[m.Id]));
        Assert.Equal(keys[set[7].Id] >> 10, more[sameDay.Id] >> 10);
        Assert.True(more[undated.Id] < SearchKeys.UndatedSpace);
        Assert.True(more.Where(kv => kv.Key != undated.Id).All(kv => kv.Value > more[undated.Id]));

        // Ids whose hashes share a slot on one day: both get a key, the earlier id keeps its slot.
        var date = new DateOnly(2024, 6, 3);
        var slot = SearchKeys.IdHash("clash-0") % SearchKeys.SlotsPerDay;
        var other = Enumerable.Range(1, 100_000).Select(i => $"clash-{i}").First(id => SearchKeys.IdHash(id) % SearchKeys.SlotsPerDay == slot);
        var clash = SearchKeys.Assign([("clash-0", date), (other, date)]);
        Assert.NotEqual(clash["clash-0"], clash[other]);
        Assert.Equal(SearchKeys.UndatedSpace + (SearchKeys.Day(date) * SearchKeys.SlotsPerDay) + slot, clash[string.CompareOrdinal("clash-0", other) < 0 ? "clash-0" : other]);
    }

    [Fact]
    public void Adding_one_minutes_rewrites_only_the_shards_that_hold_its_terms()
    {
        var set = Archive(40);
        var urls = new SiteUrls(Options);
        var search = new SearchIndex(urls, shardBytes: 2048);
        var before = search.Build(Contributions(set));
        Assert.True(before.Shards.Count > 30, $"only {before.Shards.Count} shards");

        // A new meeting in the newest 年度 (the recent tier), then a late upload of an old one (the archive tier).
        foreach (var (label, date, tier) in new[] { ("newest", set.Max(m => m.Date!.Value).AddDays(1), "search/sr"), ("late upload of an old meeting", new DateOnly(2017, 1, 20), "search/sa") })
        {
            var added = WithTopic(TestMinutes.Sample($"added/{label}.txt", date, "新設の会議体"), "学校体育館の空調設備の設置");
            var contribution = SearchContribution.Of(added);
            var after = search.Build([.. Contributions(set), contribution]);
            Assert.Equal(1, after.TiersRebuilt); // the other tier is reused as it was

            // The shards whose postings name the new minutes (its terms in its tier).
            var keys = contribution.IndexKeys().ToHashSet(StringComparer.Ordinal);
            var documentKey = SearchKeys.Assign(set.Append(added).Select(m => (m.Id, m.Date)))[added.Id];
            var holding = after.Shards.Where(f => SearchIndexReader.Postings(f).Any(p => keys.Contains(p.Key) && p.Value.ContainsKey(documentKey))).ToList();
            var old = before.Shards.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
            var rewritten = after.Shards.Where(f => !old.Contains(f.Path)).ToList();
            Assert.NotEmpty(rewritten);
            Assert.All(rewritten, f => Assert.StartsWith(tier, f.Path, StringComparison.Ordinal));
            Assert.Equal(holding.Select(f => f.Path).Order(StringComparer.Ordinal), rewritten.Select(f => f.Path).Order(StringComparer.Ordinal));

            // Back to the set as it was: the same bytes as the first build.
            var again = search.Build(Contributions(set));
            Assert.Equal(before.Shards.Select(f => f.Path), again.Shards.Select(f => f.Path));
            Assert.True(before.Manifest.Content.Span.SequenceEqual(again.Manifest.Content.Span));
        }
    }

    [Fact]
    public void A_tier_kept_by_an_earlier_process_is_reused_without_its_bytes_while_the_site_holds_its_shards()
    {
        // 40 minutes over five 年度 and two undated ones: the recent tier is the newest 年度 alone.
        var set = Archive(40).Concat([TestMinutes.Sample("archive/undated-1.txt") with { Date = null }, TestMinutes.Sample("archive/undated-2.txt") with { Date = null }]).ToList();
        var urls = new SiteUrls(Options);
        var first = new SearchIndex(urls, shardBytes: 2048).Build(Contributions(set));
        var site = first.Shards.ToDictionary(f => f.Path, f => f.ContentHash, StringComparer.Ordinal);
        Assert.Equal(["a", "r"], first.Tiers.Select(t => t.Id));
        Assert.Equal(site.OrderBy(f => f.Key, StringComparer.Ordinal), first.Tiers.SelectMany(t => t.Shards).Select(s => KeyValuePair.Create(s.Path, s.Sha256)).OrderBy(f => f.Key, StringComparer.Ordinal));

        // A new process: no tier in memory, only the descriptors the first one kept.
        var newest = set.Where(m => m.Date is not null).Max(m => m.Date!.Value);
        var added = WithTopic(TestMinutes.Sample("added/new.txt", newest.AddDays(1), "新設の会議体"), "学校体育館の空調設備の設置");
        var all = Contributions(set.Append(added));
        var byId = all.ToDictionary(c => c.Id, StringComparer.Ordinal);
        var next = new SearchIndex(urls, shardBytes: 2048);
        next.Remember(first.Tiers);
        bool OnSite(string path, string sha) => site.TryGetValue(path, out var held) && held == sha;
        var summaries = all.Select(c => c.Summary).ToList();
        var encode = next.MembersToEncode(summaries, OnSite);
        var recent = set.Append(added).Where(m => m.Date is DateOnly d && JapaneseEra.FiscalYear(d) == JapaneseEra.FiscalYear(newest)).Select(m => m.Id).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(recent.Order(StringComparer.Ordinal), encode.Order(StringComparer.Ordinal)); // not the undated, not the older 年度
        var asked = new List<string>();
        var built = next.Build(summaries, id => { asked.Add(id); return byId[id]; }, OnSite);
        Assert.Equal(encode.Order(StringComparer.Ordinal), asked.Order(StringComparer.Ordinal));
        Assert.Equal(1, built.TiersRebuilt);
        Assert.Equal(first.Tiers[0].Shards, built.Kept); // the archive tier: on the site already, not made again

        // The same index as a fresh build of the whole set, byte for byte.
        var fresh = new SearchIndex(urls, shardBytes: 2048).Build(all);
        Assert.Equal(fresh.Shards.Select(f => f.Path).Order(StringComparer.Ordinal), built.Shards.Select(f => f.Path).Concat(built.Kept.Select(k => k.Path)).Order(StringComparer.Ordinal));
        Assert.True(fresh.Manifest.Content.Span.SequenceEqual(built.Manifest.Content.Span));
        Assert.Equal(fresh.Roles, built.Roles);

        // A shard missing from the site: its tier cannot be reused without bytes, so it is made again.
        var lost = first.Tiers[0].Shards[0].Path;
        var again = new SearchIndex(urls, shardBytes: 2048);
        again.Remember(first.Tiers);
        bool Damaged(string path, string sha) => path != lost && OnSite(path, sha);
        Assert.Equal(set.Append(added).Select(m => m.Id).Order(StringComparer.Ordinal), again.MembersToEncode(summaries, Damaged).Order(StringComparer.Ordinal));
        var repaired = again.Build(summaries, id => byId[id], Damaged);
        Assert.Empty(repaired.Kept);
        Assert.Contains(repaired.Shards, f => f.Path == lost && f.ContentHash == site[lost]);
    }

    [Fact]
    public void The_merge_is_deterministic_whatever_the_order_and_the_cache()
    {
        var set = Archive(25);
        var urls = new SiteUrls(Options);
        var cached = new SearchIndex(urls, shardBytes: 2048);
        cached.Build(Contributions(set.Take(20)));
        var first = cached.Build(Contributions(set));
        var fresh = new SearchIndex(urls, shardBytes: 2048).Build(Contributions(Enumerable.Reverse(set)));
        Assert.Equal(first.Shards.Select(f => f.Path), fresh.Shards.Select(f => f.Path));
        Assert.All(first.Shards.Zip(fresh.Shards), p => Assert.True(p.First.Content.Span.SequenceEqual(p.Second.Content.Span), p.First.Path));
        Assert.True(first.Manifest.Content.Span.SequenceEqual(fresh.Manifest.Content.Span));
        Assert.Equal(first.Roles, fresh.Roles);
    }

    [Fact]
    public void A_tier_encoded_range_by_range_has_the_bytes_of_one_encoded_at_once()
    {
        var all = Contributions(Archive(30).Concat([TestMinutes.Sample("archive/undated.txt") with { Date = null }]));
        var urls = new SiteUrls(Options);
        var once = new SearchIndex(urls, shardBytes: 2048).Build(all);
        var ranged = new SearchIndex(urls, shardBytes: 2048) { RangeBytes = 4096 }.Build(all); // two shards or so per range
        Assert.True(once.Shards.Count > 30, $"only {once.Shards.Count} shards");
        Assert.Equal(once.Shards.Select(f => f.Path), ranged.Shards.Select(f => f.Path));
        Assert.All(once.Shards.Zip(ranged.Shards), p => Assert.True(p.First.Content.Span.SequenceEqual(p.Second.Content.Span), p.First.Path));
        Assert.True(once.Manifest.Content.Span.SequenceEqual(ranged.Manifest.Content.Span));
    }

    [Fact]
    public void A_tier_encoded_in_several_ranges_is_collected_between_them()
    {
        // What one range left (its posting lists, its shards' JSON) is collected before the next
        // range is filled, so a large tier's heap does not hold every range's garbage at its end.
        var all = Contributions(Archive(30));
        var urls = new SiteUrls(Options);
        var before = GC.CollectionCount(2);
        var ranged = new SearchIndex(urls, shardBytes: 2048) { RangeBytes = 4096 }.Build(all);
        Assert.True(GC.CollectionCount(2) - before >= 10, $"{GC.CollectionCount(2) - before} full collections for {ranged.Shards.Count} shards in ranges of about two");
    }

    [Fact]
    public void A_shard_the_site_lacks_is_held_as_its_gzip_bytes_and_one_it_holds_is_not_compressed()
    {
        var set = Archive(30).Concat([TestMinutes.Sample("archive/undated.txt") with { Date = null }]).ToList();
        var urls = new SiteUrls(Options);
        var first = new SearchIndex(urls, shardBytes: 2048).Build(Contributions(set));
        Assert.True(first.Shards.Count > 10, $"only {first.Shards.Count} shards");
        foreach (var shard in first.Shards)
        {
            // The stored bytes are kept (the same array each time), not compressed again on each
            // write, and they are what the plain JSON compresses to.
            Assert.Same(ArrayOf(shard.StoredContent()), ArrayOf(shard.StoredContent()));
            Assert.True(shard.StoredContent().Span.SequenceEqual(Precompression.Compress(shard.Content.Span)), shard.Path);
            using var json = JsonDocument.Parse(shard.Content);
            Assert.Equal(JsonValueKind.Object, json.RootElement.ValueKind);
        }

        // The site holds every shard but one: the tier is encoded again, and only the lost shard,
        // which will be written, is compressed; the others keep their JSON.
        var site = first.Shards.ToDictionary(f => f.Path, f => f.ContentHash, StringComparer.Ordinal);
        var lost = first.Shards[0].Path;
        var again = new SearchIndex(urls, shardBytes: 2048).Build([.. Contributions(set).Select(c => c.Summary)], id => Contributions(set.Where(m => m.Id == id)).Single(), (path, sha) => path != lost && site.GetValueOrDefault(path) == sha);
        Assert.Equal(first.Shards.Select(f => f.Path), again.Shards.Select(f => f.Path));
        foreach (var shard in again.Shards)
        {
            Assert.Equal(shard.Path == lost, ReferenceEquals(ArrayOf(shard.StoredContent()), ArrayOf(shard.StoredContent())));
            Assert.Equal(site[shard.Path], shard.ContentHash);
        }
    }

    private static byte[]? ArrayOf(ReadOnlyMemory<byte> bytes) =>
        System.Runtime.InteropServices.MemoryMarshal.TryGetArray(bytes, out var segment) ? segment.Array : null;

    [Theory]
    [InlineData(1)]
    [InlineData(64)]
    [InlineData(1000)]
    public void A_contribution_sorted_in_batches_and_merged_is_the_one_sorted_at_once(int batch)
    {
        // A long document's occurrences are sorted a batch at a time and merged: the same bytes.
        var set = TestMinutes.Set().Append(TestMinutes.Hostile()).Append(WithTopic(TestMinutes.Sample(), "公園の遊具の点検")).ToList();
        foreach (var minutes in set)
        {
            var once = SearchContribution.OfBatched(minutes, int.MaxValue);
            var merged = SearchContribution.OfBatched(minutes, batch);
            Assert.Equal(once.ToBytes(), merged.ToBytes());
            Assert.Equal(once.Digest, merged.Digest);
            Assert.Equal(once.ToBytes(), SearchContribution.Of(minutes).ToBytes());
        }
    }

    [Fact]
    public void A_contribution_round_trips_through_its_bytes()
    {
        var minutes = WithTopic(TestMinutes.Sample(), "公園の遊具の点検");
        var contribution = SearchContribution.Of(minutes);
        var back = SearchContribution.FromBytes(contribution.ToBytes());
        Assert.Equal(contribution.Digest, back.Digest);
        Assert.Equal(contribution.IndexKeys(), back.IndexKeys());
        Assert.Equal((contribution.Id, contribution.Date, contribution.Body), (back.Id, back.Date, back.Body));
        Assert.Contains("遊具", contribution.IndexKeys());
        Assert.Contains(SearchIndex.RoleKey("委員"), contribution.IndexKeys());

        var wrongVersion = contribution.ToBytes();
        wrongVersion[0] = 99;
        Assert.Throws<InvalidDataException>(() => SearchContribution.FromBytes(wrongVersion));
        Assert.Throws<InvalidDataException>(() => SearchContribution.FromBytes(contribution.ToBytes().AsSpan(0, 20)));
    }

    [Fact]
    public void A_contribution_is_written_in_the_layout_a_BinaryWriter_writes()
    {
        // Entries kept on disk were written by a BinaryWriter and are read by a BinaryReader: the
        // writer into one array keeps that layout, a 会議体 name longer than 127 UTF-8 bytes too.
        var longBody = string.Concat(Enumerable.Repeat("地域保健福祉計画推進会議", 6));
        var set = TestMinutes.Set().Append(TestMinutes.Hostile()).Append(WithTopic(TestMinutes.Sample("long/body.txt", new DateOnly(2020, 5, 1), longBody), "公園の遊具の点検")).ToList();
        foreach (var contribution in set.Select(SearchContribution.Of))
        {
            var expected = AsBinaryWriterWritesIt(contribution);
            Assert.Equal(expected.Length, contribution.SerializedLength);
            Assert.Equal(expected, contribution.ToBytes());
            var into = new byte[expected.Length + 3];
            contribution.WriteTo(into);
            Assert.Equal(expected, into[..expected.Length]);
        }
    }

    [Fact]
    public void The_units_one_at_a_time_are_the_chunks_units_in_order()
    {
        // The contribution and the fragments read the units one at a time and cut chunks by id:
        // the same units, ids and chunks as the whole layout, long turns and the header included.
        var turns = Enumerable.Range(0, 300)
            .Select(i => new SpeakerTurn { Speaker = i % 5 == 0 ? null : "〇〇委員", Text = new string('議', i % 7 == 0 ? 4500 : 30 + i) })
            .ToList();
        foreach (var minutes in TestMinutes.Set().Append(TestMinutes.Sample() with { Sections = [new Section("一般質問", turns), new Section("閉会", [])] }))
        {
            var chunks = SearchLayout.Chunks(minutes);
            var units = SearchLayout.Units(minutes).Select(Shown).ToList();
            Assert.Equal(chunks.SelectMany(c => c).Select(Shown), units);
            Assert.All(units, u => Assert.Equal(u, Shown(chunks[u.Id / SearchLayout.SlotsPerChunk][u.Id % SearchLayout.SlotsPerChunk])));
        }

        static (int Id, int Section, int Turn, string? Speaker, string Text, string? Role, string Fields) Shown(SearchUnit u) =>
            (u.Id, u.Section, u.Turn, u.Speaker, u.Text, u.Role, string.Join('\u0001', u.Fields));
    }

    [Fact]
    public void A_long_documents_contribution_allocates_little_beside_its_postings()
    {
        // Each sorted batch was written into a buffer guessed at 3 bytes an occurrence and copied
        // out, the postings into one reserved at 2 bytes an occurrence and copied out, and every
        // unit was made first: over ten times the postings' bytes beside what folding the text
        // allocates (13.6 MB for 1.34 MB). Now each batch's run and the postings' pieces are
        // written once, and the result copied once. And the text was folded into a builder and a
        // string per field (≈ 4 bytes a character, most of a 30 MB upload's contribution): now
        // into one buffer for the whole document, so the whole allocation is counted.
        var turns = Enumerable.Range(0, 40_000)
            .Select(i => new SpeakerTurn { Speaker = "〇〇委員", Text = $"{Topics[i % Topics.Length]}について、第{i}号の{(char)('亜' + (i % 3000))}{(char)('亜' + (i * 7 % 3001))}を伺います。" })
            .ToList();
        var minutes = TestMinutes.Sample() with { Sections = [new Section("一般質問", turns)] };
        var once = SearchContribution.OfBatched(minutes, int.MaxValue);

        var folding = 0L;
        var fields = 0L;
        foreach (var unit in SearchLayout.Units(minutes))
        {
            foreach (var field in unit.Fields)
            {
                var before = GC.GetAllocatedBytesForCurrentThread();
                _ = SearchText.Fold(field);
                folding += GC.GetAllocatedBytesForCurrentThread() - before;
                fields += field.Length;
            }
        }

        // The units themselves (a record, its fields and its role each) are the layout's, not counted here.
        var units = GC.GetAllocatedBytesForCurrentThread();
        foreach (var unit in SearchLayout.Units(minutes))
        {
            _ = unit;
        }

        units = GC.GetAllocatedBytesForCurrentThread() - units;
        var start = GC.GetAllocatedBytesForCurrentThread();
        var batched = SearchContribution.OfBatched(minutes, 4096);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - start - units;
        Assert.Equal(once.ToBytes(), batched.ToBytes());
        var postings = batched.SerializedLength;
        Assert.True(folding > 4 * fields, $"folding {fields} characters a string each allocated {folding}");
        Assert.True(allocated < 7.5 * postings, $"{allocated} bytes allocated beside the units ({units}; folding a string a field: {folding}) for postings of {postings}");
    }

    [Fact]
    public void Folding_into_a_reused_buffer_gives_what_folding_each_field_alone_gives()
    {
        // The contribution folds every field into one buffer: a field after a longer one, or
        // starting with a half-width sound mark, must not see what the last field left there.
        string[] fields =
        [
            "ｶﾞﾊﾞﾒﾝﾄ ﾊﾟﾌﾞﾘｯｸｺﾒﾝﾄについて伺います。",
            "ﾞﾊﾟ",
            "ＡＢＣ　１２３ 会議",
            string.Empty,
            "  ",
            "𠮷野家の件（ﾎﾟｲﾝﾄ）",
            "ﾟ",
            new string('議', 5000) + "ｳﾞ",
            "ﾀﾞ",
        ];
        char[]? buffer = null;
        foreach (var field in fields)
        {
            var length = SearchText.FoldInto(field, ref buffer);
            Assert.Equal(SearchText.Fold(field), new string(buffer!, 0, length));
        }

        Assert.Equal(5002, buffer!.Length); // grown to the longest field, not once per field
        var bigrams = new List<ulong>();
        buffer = null;
        foreach (var field in fields)
        {
            SearchText.AddBigrams(field, bigrams, ref buffer);
        }

        var each = fields.SelectMany(f => PairsOf(SearchText.Fold(f))).ToList();
        Assert.Equal(each, bigrams);

        static IEnumerable<ulong> PairsOf(string folded)
        {
            var runes = folded.EnumerateRunes().Select(r => (ulong)(uint)r.Value).ToList();
            return runes.Zip(runes.Skip(1), (a, b) => (a << 21) | b);
        }
    }

    [Fact]
    public async Task A_long_documents_index_entry_is_made_in_one_array()
    {
        // Before, the entry was a BinaryWriter's growing buffer, its copy and the entry's array:
        // about four times the postings (≈ 110 MB beside them for a 30 MB upload).
        var turns = Enumerable.Range(0, 40_000)
            .Select(i => new SpeakerTurn { Speaker = "〇〇委員", Text = $"{Topics[i % Topics.Length]}について、第{i}号の{(char)('亜' + (i % 3000))}{(char)('亜' + (i * 7 % 3001))}を伺います。" })
            .ToList();
        var minutes = SiteBuilder.ForIndexes(TestMinutes.Sample() with { Sections = [new Section("一般質問", turns)] });
        var contribution = SiteBuilder.SearchContributionOf(minutes);
        Assert.True(contribution.SerializedLength > 1_000_000, $"postings of {contribution.SerializedLength} bytes");
        var folder = Directory.CreateTempSubdirectory("index-entries-");
        try
        {
            var store = new PublishPipeline.Storage.FileSystemObjectStore(folder.FullName);
            var before = GC.GetAllocatedBytesForCurrentThread();
            var write = PublishPipeline.Pipeline.IndexEntries.WriteAsync(store, minutes.Id, "\"v1\"", minutes, CancellationToken.None);
            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            await write;
            Assert.True(allocated < (contribution.SerializedLength * 3 / 2) + (256 * 1024), $"{allocated} bytes allocated for an entry of {contribution.SerializedLength}");

            var back = await PublishPipeline.Pipeline.IndexEntries.ReadAsync(store, minutes.Id, "\"v1\"", CancellationToken.None);
            Assert.Equal(contribution.Digest, SiteBuilder.SearchContributionOf(back!).Digest);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>The layout <see cref="SearchContribution.FromBytes"/> reads, as a BinaryWriter writes it.</summary>
    private static byte[] AsBinaryWriterWritesIt(SearchContribution contribution)
    {
        var terms = new ArrayBufferWriter<byte>();
        ulong previous = 0;
        foreach (var (term, units) in contribution.Terms())
        {
            SearchContribution.WriteLeb(term - previous, terms);
            SearchContribution.WriteLeb((ulong)units.Length, terms);
            terms.Write(units);
            previous = term;
        }

        using var buffer = new MemoryStream();
        using (var w = new BinaryWriter(buffer, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            w.Write((byte)1);
            w.Write(contribution.Id);
            w.Write(contribution.Date?.DayNumber ?? -1);
            w.Write(contribution.Body);
            w.Write(contribution.TermCount);
            w.Write(terms.WrittenCount);
            w.Write(terms.WrittenSpan);
            w.Write(contribution.Roles.Length);
            foreach (var (role, units, count) in contribution.Roles)
            {
                w.Write(role);
                w.Write(count);
                w.Write(units.Length);
                w.Write(units);
            }
        }

        return buffer.ToArray();
    }

    [Fact]
    public void Unit_sets_are_written_as_the_shorter_of_a_list_and_a_bitmap()
    {
        int[][] sets = [[0], [5], [1, 2, 3], [0, 200], [.. Enumerable.Range(0, 64)], [.. Enumerable.Range(0, 300).Where(i => i % 3 == 0)], [31, 32, 33, 1000, 100_000]];
        foreach (var ids in sets)
        {
            var encoded = PostingCodec.EncodeIds(ids);
            var posting = System.Text.Encoding.ASCII.GetString([.. System.Text.Encoding.ASCII.GetBytes("Q"), .. encoded]); // key 16, then the set
            var decoded = PostingCodec.Decode(posting);
            Assert.Equal(ids, decoded[16]);
            Assert.All(encoded, b => Assert.Contains((char)b, PostingCodec.Alphabet));
        }

        Assert.True(PostingCodec.EncodeIds([.. Enumerable.Range(0, 64)]).Length <= 13); // dense: a bitmap
        Assert.Equal(4, PostingCodec.EncodeIds([0, 200]).Length); // sparse: a list
        Assert.Throws<ArgumentException>(() => PostingCodec.EncodeIds([3, 3]));
    }

    [Fact]
    public void Units_are_cut_into_chunks_by_slots_and_characters()
    {
        var longText = new string('議', SearchLayout.CharsPerChunk + 10);
        var minutes = TestMinutes.Sample() with
        {
            Sections =
            [
                new Section("一", [.. Enumerable.Range(0, 40).Select(i => new SpeakerTurn { Speaker = "委員", Text = $"短い発言{i}" })]),
                new Section("二", [new SpeakerTurn { Text = longText }, new SpeakerTurn { Text = "次の発言" }]),
            ],
        };
        var chunks = SearchLayout.Chunks(minutes);
        Assert.Equal(SearchLayout.SlotsPerChunk, chunks[0].Count); // header + 31 turns
        Assert.Equal(0, chunks[0][0].Id);
        Assert.Null(chunks[0][0].Anchor);
        Assert.All(chunks.SelectMany((c, ci) => c.Select((u, slot) => (u, ci, slot))), x => Assert.Equal((x.ci * SearchLayout.SlotsPerChunk) + x.slot, x.u.Id));
        var alone = chunks.Single(c => c.Any(u => u.Text == longText));
        Assert.Single(alone); // a turn longer than a chunk stands alone
        Assert.Equal("s2-t2", chunks[^1][^1].Anchor);
        Assert.Equal(42, chunks.Sum(c => c.Count(u => u.Anchor is not null)));
    }

    [Theory]
    [InlineData("〇〇委員(会長)", "委員(会長)")]
    [InlineData("○議長（〇〇君）", "議長")]
    [InlineData("〇〇（〇〇）委員", "委員")]
    [InlineData("A委員", "委員")]
    [InlineData("DX推進担当課長", "DX推進担当課長")]
    [InlineData("情報公開課長", "情報公開課長")]
    [InlineData("〇〇", null)]
    [InlineData(null, null)]
    public void The_role_of_a_turn_is_its_label_without_the_masked_name(string? label, string? role)
    {
        Assert.Equal(role, SpeakerRole.Of(new SpeakerTurn { Speaker = label, Text = "x" }));
        Assert.Equal("議長", SpeakerRole.Of(new SpeakerTurn { Speaker = "〇〇議長", Text = "x", Person = new PersonMention { Written = "〇〇議長", Role = "議長" } }));
    }
}
