namespace PublishPipeline.Infra.Tests;

/// <summary>
/// The preflight hook (preflight.sh under sh, preflight.ps1 under PowerShell 7) against a recording
/// stand-in for azd: it stops before anything is built or created, naming what to run, when azd is
/// too old, its alpha feature language.custom is off, or LANGUAGE_MODE lacks what it needs.
/// </summary>
public sealed class PreflightHookTests : IDisposable
{
    private readonly HookHarness _hook = new();

    public void Dispose() => _hook.Dispose();

    public static TheoryData<string> Shells => HookHarness.Shells;

    [Theory]
    [MemberData(nameof(Shells))]
    public void The_alpha_feature_off_stops_with_the_command_that_turns_it_on(string shell)
    {
        var run = Run(shell);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("Run: azd config set alpha.language.custom on", run.Output, StringComparison.Ordinal);
        Assert.Contains("AZD_ALPHA_ENABLE_LANGUAGE_CUSTOM=true", run.Output, StringComparison.Ordinal);
        Assert.Contains(_hook.AzdCalls, c => c.Command == "config get alpha.language.custom");
    }

    [Theory]
    [MemberData(nameof(Shells))]
    public void The_alpha_feature_is_read_as_azd_reads_it(string shell)
    {
        _hook.SetAzdConfig("alpha.language.custom", "on");
        Assert.Equal(0, Run(shell).ExitCode);

        // An environment variable wins over the configuration, either way.
        Assert.NotEqual(0, Run(shell, ("AZD_ALPHA_ENABLE_LANGUAGE_CUSTOM", "false")).ExitCode);
        File.Delete(Path.Combine(_hook.State, "config-alpha.language.custom"));
        Assert.Equal(0, Run(shell, ("AZD_ALPHA_ENABLE_LANGUAGE_CUSTOM", "true")).ExitCode);
        Assert.Equal(0, Run(shell, ("AZD_ALPHA_ENABLE_LANGUAGE.CUSTOM", "1")).ExitCode);

        // alpha.all turns every alpha feature on.
        _hook.SetAzdConfig("alpha.all", "on");
        Assert.Equal(0, Run(shell).ExitCode);
    }

    [Theory]
    [MemberData(nameof(Shells))]
    public void An_azd_older_than_1_20_stops_with_what_to_install(string shell)
    {
        _hook.SetAzdConfig("alpha.language.custom", "on");
        File.WriteAllText(Path.Combine(_hook.State, "azd-version"), "1.19.3");

        var run = Run(shell);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("azd 1.19.3 is too old", run.Output, StringComparison.Ordinal);
        Assert.Contains("azd 1.20.0 or later", run.Output, StringComparison.Ordinal);
        Assert.Contains("https://aka.ms/azd-install", run.Output, StringComparison.Ordinal);

        File.WriteAllText(Path.Combine(_hook.State, "azd-version"), "1.38.0");
        Assert.Equal(0, Run(shell).ExitCode);
    }

    [Theory]
    [MemberData(nameof(Shells))]
    public void Language_create_stops_until_the_responsible_ai_terms_are_confirmed(string shell)
    {
        _hook.SetAzdConfig("alpha.language.custom", "on");

        var run = Run(shell, ("LANGUAGE_MODE", "create"));

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("ResourceKindRequireAcceptTerms", run.Output, StringComparison.Ordinal);
        Assert.Contains("azd env set LANGUAGE_TERMS_ACCEPTED true", run.Output, StringComparison.Ordinal);
        Assert.Contains("azd env set LANGUAGE_MODE none", run.Output, StringComparison.Ordinal);
        Assert.Equal(0, Run(shell, ("LANGUAGE_MODE", "create"), ("LANGUAGE_TERMS_ACCEPTED", "true")).ExitCode);
    }

    [Theory]
    [MemberData(nameof(Shells))]
    public void Language_existing_needs_an_endpoint_and_a_well_formed_account_id(string shell)
    {
        _hook.SetAzdConfig("alpha.language.custom", "on");
        const string Endpoint = "https://lang-ward.cognitiveservices.azure.com/";
        const string Account = "/subscriptions/0000/resourceGroups/rg-lang/providers/Microsoft.CognitiveServices/accounts/lang-ward";

        var noEndpoint = Run(shell, ("LANGUAGE_MODE", "existing"));
        Assert.NotEqual(0, noEndpoint.ExitCode);
        Assert.Contains("azd env set LANGUAGE_EXISTING_ENDPOINT", noEndpoint.Output, StringComparison.Ordinal);

        var badId = Run(shell, ("LANGUAGE_MODE", "existing"), ("LANGUAGE_EXISTING_ENDPOINT", Endpoint), ("LANGUAGE_EXISTING_RESOURCE_ID", "lang-ward"));
        Assert.NotEqual(0, badId.ExitCode);
        Assert.Contains("is not a Language account's resource id", badId.Output, StringComparison.Ordinal);

        var same = Run(shell, ("LANGUAGE_MODE", "existing"), ("LANGUAGE_EXISTING_ENDPOINT", Endpoint), ("LANGUAGE_EXISTING_RESOURCE_ID", Account), ("AZURE_SUBSCRIPTION_ID", "0000"));
        Assert.True(same.ExitCode == 0, same.Output);
        Assert.DoesNotContain("granted by hand", same.Output, StringComparison.Ordinal);

        var elsewhere = Run(shell, ("LANGUAGE_MODE", "existing"), ("LANGUAGE_EXISTING_ENDPOINT", Endpoint), ("LANGUAGE_EXISTING_RESOURCE_ID", Account), ("AZURE_SUBSCRIPTION_ID", "1111"));
        Assert.True(elsewhere.ExitCode == 0, elsewhere.Output);
        Assert.Contains("another subscription: the app's role on it must be granted by hand", elsewhere.Output, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Shells))]
    public void An_unknown_language_mode_is_named(string shell)
    {
        _hook.SetAzdConfig("alpha.language.custom", "on");

        var run = Run(shell, ("LANGUAGE_MODE", "Create"));

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("LANGUAGE_MODE must be none, create or existing, not 'Create'", run.Output, StringComparison.Ordinal);
    }

    private (int ExitCode, string Output) Run(string shell, params (string Name, string? Value)[] extra) =>
        _hook.Run(shell, "preflight", extra.ToDictionary(e => e.Name, e => e.Value));
}
