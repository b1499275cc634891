namespace PublishPipeline.Redaction.Tests;

public class SkeletonTests
{
    [Fact]
    public void SamplesAreInTheRepository() => Assert.Equal(5, PublishPipeline.Tests.RepoPaths.SampleFiles.Count);
}
