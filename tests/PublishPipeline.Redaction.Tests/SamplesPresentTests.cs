namespace PublishPipeline.Redaction.Tests;

public class SamplesPresentTests
{
    [Fact]
    public void SamplesAreInTheRepository() => Assert.Equal(5, PublishPipeline.Tests.RepoPaths.SampleFiles.Count);
}
