using PublishPipeline.Model;

namespace PublishPipeline.Site.Tests;

/// <summary>
/// <see cref="SiteBuilder.Order"/> (newest first, undated last, then the later start time, then
/// the id) is one comparison sort: it gives the order the LINQ key chain it replaced gave, for any
/// input order, with dates, start times (null, equal, differing) and ids tied in every way.
/// </summary>
public class MinutesOrderTests
{
    [Fact]
    public void The_order_is_the_key_chains_for_every_input_order()
    {
        var dates = new DateOnly?[] { null, new DateOnly(2023, 3, 31), new DateOnly(2023, 4, 1), new DateOnly(2025, 12, 1) };
        var starts = new[] { null, "", "9:30", "10:00", "午後1時" };
        var all = new List<Minutes>();
        var n = 0;
        foreach (var date in dates)
        {
            foreach (var start in starts)
            {
                for (var copy = 0; copy < 3; copy++)
                {
                    all.Add(TestMinutes.Sample($"order/架空-{n++:D3}.txt") with { Date = date, FiscalYear = null, StartTime = start });
                }
            }
        }

        var expected = all.OrderByDescending(m => m.Date.HasValue)
            .ThenByDescending(m => m.Date)
            .ThenByDescending(m => m.StartTime, StringComparer.Ordinal)
            .ThenBy(m => m.Id, StringComparer.Ordinal)
            .Select(m => m.Id)
            .ToList();
        var random = new Random(20261207);
        for (var round = 0; round < 20; round++)
        {
            var shuffled = all.ToArray();
            random.Shuffle(shuffled);
            Assert.Equal(expected, SiteBuilder.Order(shuffled).Select(m => m.Id));
        }

        Assert.Null(SiteBuilder.Order(all)[^1].Date);
        Assert.Equal(new DateOnly(2025, 12, 1), SiteBuilder.Order(all)[0].Date);
    }
}
