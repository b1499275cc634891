using Azure.Identity;

namespace PublishPipeline.Functions.Tests;

/// <summary>Application Insights has local auth off: the handler's own exporter must authenticate with the app's identity.</summary>
public class TelemetryCredentialTests
{
    [Fact]
    public void Entra_authentication_string_gives_a_managed_identity_credential() =>
        Assert.IsType<ManagedIdentityCredential>(HandlerApp.TelemetryCredential("ClientId=00000000-0000-0000-0000-000000000001;Authorization=AAD"));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("InstrumentationKey=abc")]
    public void Without_Entra_authentication_no_credential_is_used(string? authentication) =>
        Assert.Null(HandlerApp.TelemetryCredential(authentication));
}
