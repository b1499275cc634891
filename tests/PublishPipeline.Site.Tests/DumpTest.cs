namespace PublishPipeline.Site.Tests;
public class DumpTest
{
    [Fact]
    public void Dump()
    {
        var files = new SiteBuilder(new SiteOptions()).BuildAll([.. TestMinutes.Set(), TestMinutes.Hostile()]);
        SiteDirectory.Write("/tmp/sitedump", files);
    }
}
