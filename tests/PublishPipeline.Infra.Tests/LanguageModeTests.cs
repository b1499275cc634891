using System.Text.RegularExpressions;

namespace PublishPipeline.Infra.Tests;

/// <summary>
/// languageMode none | create | existing: the template builds and lints cleanly with each, and each
/// deploys exactly the Language resources and roles it should (conditions evaluated, ArmDeployment).
/// </summary>
public sealed partial class LanguageModeTests(MainTemplateFixture fixture) : IClassFixture<MainTemplateFixture>
{
    private const string Subscription = "00000000-0000-0000-0000-00000000aaaa";
    private const string Endpoint = "https://lang-ward.cognitiveservices.azure.com/";
    private const string CognitiveServicesUser = "a97b65f3-24c7-4388-baec-2e87135dc908";

    private static string AccountIn(string subscription) =>
        $"/subscriptions/{subscription}/resourceGroups/rg-lang/providers/Microsoft.CognitiveServices/accounts/lang-ward";

    // What each mode's .bicepparam adds to environmentName, location and languageMode.
    private static readonly Dictionary<string, string> ModeParameters = new(StringComparer.Ordinal)
    {
        ["none"] = "",
        ["create"] = "",
        ["existing"] = $"param languageEndpoint = '{Endpoint}'\nparam languageResourceId = '{AccountIn(Subscription)}'\n",
    };

    // The three files in one folder, built once and linted once (one bicep start each, not six).
    private static readonly Lazy<(BicepBatch Build, BicepBatch Lint, string Folder)> ModeFiles = new(BuildModeFiles);

    public static TheoryData<string> Modes => [.. ModeParameters.Keys];

    [Theory]
    [MemberData(nameof(Modes))]
    public void Builds_and_lints_without_any_diagnostic_in_every_mode(string mode)
    {
        var (build, lint, folder) = ModeFiles.Value;
        var file = Path.Combine(folder, $"{mode}.bicepparam");

        Assert.True(build.ExitClears(file) && build.DiagnosticsFor(file).Count == 0, $"bicep build-params ({mode}) {build.Describe(file)}");
        var parameters = System.Text.Json.Nodes.JsonNode.Parse(build.Output(file) ?? "{}")!;
        Assert.Equal(mode, parameters["parameters"]?["languageMode"]?["value"]?.GetValue<string>());

        Assert.Contains(file, lint.Files);
        Assert.True(lint.ExitClears(file) && lint.DiagnosticsFor(file).Count == 0, $"bicep lint ({mode}) {lint.Describe(file)}");
    }

    [Fact]
    public void A_mode_outside_the_three_is_refused_by_the_compiler()
    {
        var dir = Directory.CreateTempSubdirectory("bicepparam-");
        try
        {
            var file = Path.Combine(dir.FullName, "bad.bicepparam");
            File.WriteAllText(file, $"using '{Using(dir)}'\n\nparam environmentName = 'ward'\nparam location = 'japaneast'\nparam languageMode = 'Create'\n");
            Assert.NotEqual(0, Bicep.Run("build-params", file, "--stdout").ExitCode);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void None_deploys_no_language_account_no_role_and_an_empty_endpoint()
    {
        var deployment = Deploy(("languageMode", "none"));

        Assert.DoesNotContain("language", deployment.DeployedModules);
        Assert.DoesNotContain("languageAccess", deployment.DeployedModules);
        Assert.DoesNotContain(deployment.Resources, r => r.Type == "Microsoft.CognitiveServices/accounts");
        Assert.Empty(LanguageRoles(deployment));
        Assert.Equal("", deployment.ModuleParameters["functionApp"]["languageEndpoint"]);
    }

    [Fact]
    public void Create_deploys_a_keyless_account_and_grants_the_app_cognitive_services_user_on_it_alone()
    {
        var deployment = Deploy(("languageMode", "create"));

        var account = Assert.Single(deployment.Resources, r => r.Type == "Microsoft.CognitiveServices/accounts");
        Assert.Equal("language", account.Module);
        Assert.True(account.Properties["disableLocalAuth"]!.GetValue<bool>());
        var role = Assert.Single(LanguageRoles(deployment));
        Assert.Equal("rbac", role.Module);
        Assert.StartsWith("[resourceId('Microsoft.CognitiveServices/accounts'", role.Scope, StringComparison.Ordinal);
        Assert.Equal("[parameters('appPrincipalId')]", role.Properties["principalId"]!.GetValue<string>());
        Assert.Same(ArmDeployment.DeploymentValue, deployment.ModuleParameters["functionApp"]["languageEndpoint"]);
    }

    [Fact]
    public void Existing_in_this_subscription_grants_the_role_on_that_account_and_makes_none()
    {
        var deployment = Deploy(("languageMode", "existing"), ("languageEndpoint", Endpoint), ("languageResourceId", AccountIn(Subscription)));

        Assert.DoesNotContain(deployment.Resources, r => r.Type == "Microsoft.CognitiveServices/accounts");
        var role = Assert.Single(LanguageRoles(deployment));
        Assert.Equal("languageAccess", role.Module);
        Assert.Equal("lang-ward", deployment.ModuleParameters["languageAccess"]["languageAccountName"]);
        Assert.Equal(Endpoint, deployment.ModuleParameters["functionApp"]["languageEndpoint"]);
    }

    [Theory]
    [InlineData("00000000-0000-0000-0000-00000000bbbb")]
    [InlineData(null)]
    public void Existing_elsewhere_or_unnamed_grants_nothing_and_still_uses_the_endpoint(string? otherSubscription)
    {
        var deployment = Deploy(("languageMode", "existing"), ("languageEndpoint", Endpoint), ("languageResourceId", otherSubscription is null ? "" : AccountIn(otherSubscription)));

        Assert.DoesNotContain("languageAccess", deployment.DeployedModules);
        Assert.Empty(LanguageRoles(deployment));
        Assert.DoesNotContain(deployment.Resources, r => r.Type == "Microsoft.CognitiveServices/accounts");
        Assert.Equal(Endpoint, deployment.ModuleParameters["functionApp"]["languageEndpoint"]);
    }

    [Theory]
    [InlineData("none")]
    [InlineData("create")]
    [InlineData("existing")]
    public void Every_mode_keeps_the_storage_and_role_invariants(string mode)
    {
        var deployment = Deploy(("languageMode", mode), ("languageEndpoint", Endpoint), ("languageResourceId", AccountIn(Subscription)));

        // The app still only reads uploads, owns only its host storage, and every role has one resource as scope.
        var roles = deployment.Resources.Where(r => r.Type == "Microsoft.Authorization/roleAssignments").ToList();
        Assert.All(roles, r => Assert.False(string.IsNullOrEmpty(r.Scope), $"{r} has no scope"));
        Assert.Single(roles, r => RoleId(r) == "b7e6dc6d-f1e8-4753-8033-0f276bb0955b");
        Assert.All(deployment.Resources.Where(r => r.Type == "Microsoft.Storage/storageAccounts"), a => Assert.False(a.Properties["allowSharedKeyAccess"]!.GetValue<bool>()));
    }

    private static (BicepBatch Build, BicepBatch Lint, string Folder) BuildModeFiles()
    {
        var dir = Directory.CreateTempSubdirectory("bicepparam-");
        try
        {
            foreach (var (mode, extra) in ModeParameters)
            {
                File.WriteAllText(Path.Combine(dir.FullName, $"{mode}.bicepparam"), $"using '{Using(dir)}'\n\nparam environmentName = 'ward'\nparam location = 'japaneast'\nparam languageMode = '{mode}'\n{extra}");
            }

            // A diagnostic of main.bicep names no file of the batch: it counts against every mode, as before.
            return (BicepBatch.Run("build-params", dir.FullName, ".bicepparam"), BicepBatch.Run("lint", dir.FullName, ".bicepparam"), dir.FullName);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    /// <summary>Bicep takes only a relative path after `using`.</summary>
    private static string Using(DirectoryInfo dir) => Path.GetRelativePath(dir.FullName, InfraPaths.MainBicep).Replace('\\', '/');

    private ArmDeployment Deploy(params (string Name, object? Value)[] parameters) =>
        new(fixture.Template, parameters.ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal)
            .Concat(new Dictionary<string, object?> { ["environmentName"] = "ward", ["location"] = "japaneast" })
            .ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal), Subscription);

    private static IEnumerable<ArmResource> LanguageRoles(ArmDeployment deployment) =>
        deployment.Resources.Where(r => r.Type == "Microsoft.Authorization/roleAssignments" && RoleId(r) == CognitiveServicesUser);

    private static string RoleId(ArmResource assignment) =>
        RoleGuid().Match(assignment.Properties["roleDefinitionId"]?.GetValue<string>() ?? "").Value;

    [GeneratedRegex(@"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", RegexOptions.IgnoreCase)]
    private static partial Regex RoleGuid();
}
