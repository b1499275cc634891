using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace PublishPipeline.Infra.Tests;

/// <summary>Security invariants asserted on the compiled ARM template of infra/main.bicep.</summary>
public partial class SecurityInvariantTests(MainTemplateFixture fixture) : IClassFixture<MainTemplateFixture>
{
    private const string StorageAccounts = "Microsoft.Storage/storageAccounts";
    private const string BlobServices = "Microsoft.Storage/storageAccounts/blobServices";
    private const string Containers = "Microsoft.Storage/storageAccounts/blobServices/containers";
    private const string RoleAssignments = "Microsoft.Authorization/roleAssignments";

    internal static readonly string[] PipelineContainers = ["uploads", "normalized", "redacted", "audit", "held", "quarantine", "$web"];

    private ArmTemplate Template => fixture.Template;

    [Fact]
    public void Storage_accounts_are_https_only_tls12_without_public_blobs_or_shared_keys()
    {
        var accounts = Template.OfType(StorageAccounts).ToList();
        Assert.Equal(2, accounts.Count); // minutes content + Functions host

        foreach (var account in accounts)
        {
            var p = account.Properties;
            Assert.True(Bool(p["supportsHttpsTrafficOnly"]), $"{account}: supportsHttpsTrafficOnly");
            Assert.Equal("TLS1_2", p["minimumTlsVersion"]?.GetValue<string>());
            Assert.False(Bool(p["allowBlobPublicAccess"], whenMissing: true), $"{account}: allowBlobPublicAccess");
            Assert.False(Bool(p["allowSharedKeyAccess"], whenMissing: true), $"{account}: allowSharedKeyAccess");
            Assert.Contains("AzureServices", p["networkAcls"]?["bypass"]?.GetValue<string>() ?? "", StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_container_is_private_and_the_pipeline_containers_all_exist()
    {
        var containers = Template.OfType(Containers).ToList();
        Assert.NotEmpty(containers);
        foreach (var container in containers)
        {
            var access = container.Properties["publicAccess"]?.GetValue<string>() ?? "None";
            Assert.True(access == "None", $"{container}: publicAccess {access}");
        }

        Assert.Superset(PipelineContainers.ToHashSet(), ContentContainerNames(Template).ToHashSet());
    }

    [Fact]
    public void Only_the_minutes_account_serves_a_static_website_with_index_and_404_pages()
    {
        var services = Template.OfType(BlobServices).ToList();
        var websites = services.Where(s => s.Properties["staticWebsite"] is not null).ToList();

        var website = Assert.Single(websites);
        Assert.Equal("contentStorage", website.Module);
        // Measured: Bicep 0.49.2 only knows staticWebsite from this API version on.
        Assert.Equal("2026-04-01", website.ApiVersion);
        var settings = website.Properties["staticWebsite"]!;
        Assert.True(Bool(settings["enabled"]));
        Assert.Equal("index.html", settings["indexDocument"]?.GetValue<string>());
        Assert.Equal("404.html", settings["errorDocument404Path"]?.GetValue<string>());
        Assert.Null(settings["defaultIndexDocumentPath"]); // per-folder index.html, not an SPA fallback
    }

    [Fact]
    public void Uploads_are_never_lost_versioning_and_soft_delete_are_on()
    {
        var service = Assert.Single(Template.OfType(BlobServices), s => s.Module == "contentStorage");
        var p = service.Properties;

        Assert.True(Bool(p["isVersioningEnabled"]), "blob versioning");
        Assert.True(Bool(p["deleteRetentionPolicy"]?["enabled"]), "blob soft delete");
        Assert.True(Bool(p["containerDeleteRetentionPolicy"]?["enabled"]), "container soft delete");
        var days = Template.Literal(service, p["deleteRetentionPolicy"]?["days"]);
        Assert.NotNull(days);
        Assert.InRange(days.GetValue<int>(), 7, 365);

        // Lifecycle management may expire old versions of derived files, never of uploads.
        foreach (var policy in Template.OfType("Microsoft.Storage/storageAccounts/managementPolicies"))
        {
            var prefixes = policy.Properties.ToJsonString();
            Assert.DoesNotContain("\"uploads", prefixes, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Writes_and_deletes_on_the_minutes_blobs_are_logged_to_log_analytics()
    {
        var setting = Assert.Single(Template.OfType("Microsoft.Insights/diagnosticSettings"));
        Assert.Equal("contentStorage", setting.Module);
        Assert.Contains("blobServices", setting.Scope, StringComparison.Ordinal);
        Assert.NotNull(setting.Properties["workspaceId"]);
        var enabled = (setting.Properties["logs"] as JsonArray ?? [])
            .Where(l => Bool(l?["enabled"]))
            .Select(l => l!["category"]!.GetValue<string>())
            .ToHashSet();
        Assert.Superset(new HashSet<string> { "StorageWrite", "StorageDelete" }, enabled);
    }

    [Fact]
    public void No_key_secret_or_sas_is_read_anywhere_in_the_templates()
    {
        foreach (var forbidden in new[] { "listKeys(", "listAccountSas(", "listServiceSas(", "listSecrets(", "AccountKey=", "SharedAccessSignature" })
        {
            Assert.DoesNotContain(forbidden, Template.Json, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void App_settings_name_endpoints_and_identities_never_keys()
    {
        var settings = AppSettings(Template);

        string[] required =
        [
            "AzureWebJobsStorage__blobServiceUri", "AzureWebJobsStorage__queueServiceUri", "AzureWebJobsStorage__tableServiceUri",
            "AzureWebJobsStorage__credential", "AzureWebJobsStorage__clientId",
            "MinutesStorage__blobServiceUri", "MinutesStorage__queueServiceUri",
            "MinutesStorage__credential", "MinutesStorage__clientId",
            "LANGUAGE_ENDPOINT", "SITE_BASE_URL", "RERENDER_SCHEDULE",
            "APPLICATIONINSIGHTS_CONNECTION_STRING", "APPLICATIONINSIGHTS_AUTHENTICATION_STRING",
        ];
        Assert.Empty(required.Except(settings.Keys));

        foreach (var (name, value) in settings.Where(s => s.Key.EndsWith("__credential", StringComparison.Ordinal)))
        {
            Assert.True(value == "managedidentity", $"{name} = {value}");
        }

        Assert.Contains("Authorization=AAD", settings["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"], StringComparison.Ordinal);
        Assert.Contains("primaryEndpoints.web", settings["SITE_BASE_URL"], StringComparison.Ordinal);
        Assert.Contains("primaryEndpoints.blob", settings["MinutesStorage__blobServiceUri"], StringComparison.Ordinal);
        Assert.Contains("primaryEndpoints.queue", settings["MinutesStorage__queueServiceUri"], StringComparison.Ordinal);

        // Secret-bearing or Flex-incompatible settings (Flex takes the runtime from functionAppConfig).
        string[] forbidden =
        [
            "AzureWebJobsStorage", "MinutesStorage", "AzureWebJobsDashboard", "FUNCTIONS_WORKER_RUNTIME",
            "FUNCTIONS_EXTENSION_VERSION", "WEBSITE_RUN_FROM_PACKAGE", "WEBSITE_CONTENTSHARE",
            "WEBSITE_CONTENTAZUREFILECONNECTIONSTRING", "WEBSITE_TIME_ZONE", "TZ",
            "SCM_DO_BUILD_DURING_DEPLOYMENT", "ENABLE_ORYX_BUILD", "APPINSIGHTS_INSTRUMENTATIONKEY",
        ];
        Assert.Empty(forbidden.Intersect(settings.Keys));

        foreach (var (name, value) in settings)
        {
            Assert.False(SecretLike().IsMatch(value), $"app setting {name} looks like it carries a secret: {value}");
            Assert.False(name.Contains("KEY", StringComparison.OrdinalIgnoreCase) || name.Contains("SECRET", StringComparison.OrdinalIgnoreCase)
                || name.Contains("PASSWORD", StringComparison.OrdinalIgnoreCase) || name.EndsWith("__connectionString", StringComparison.OrdinalIgnoreCase),
                $"app setting {name} names a secret");
        }
    }

    [Fact]
    public void Function_app_is_flex_consumption_linux_https_only_with_identity_based_deployment_storage()
    {
        var plan = Assert.Single(Template.OfType("Microsoft.Web/serverfarms"));
        Assert.Equal("FC1", plan.Json["sku"]?["name"]?.GetValue<string>());
        Assert.Equal("FlexConsumption", plan.Json["sku"]?["tier"]?.GetValue<string>());
        Assert.True(Bool(plan.Properties["reserved"]), "Linux plan");

        var app = Assert.Single(Template.OfType("Microsoft.Web/sites"));
        Assert.Equal("functionapp,linux", app.Json["kind"]?.GetValue<string>());
        Assert.True(Bool(app.Properties["httpsOnly"]), "httpsOnly");
        Assert.Equal("1.2", app.Properties["siteConfig"]?["minTlsVersion"]?.GetValue<string>());
        Assert.Equal("UserAssigned", app.Json["identity"]?["type"]?.GetValue<string>());

        var config = app.Properties["functionAppConfig"]!;
        Assert.Equal("blobContainer", config["deployment"]?["storage"]?["type"]?.GetValue<string>());
        Assert.Equal("UserAssignedIdentity", config["deployment"]?["storage"]?["authentication"]?["type"]?.GetValue<string>());
        Assert.Null(config["deployment"]?["storage"]?["authentication"]?["storageAccountConnectionStringName"]);

        // Runtime: custom/1.0 by default (see docs/infra.md for the node/22 fallback).
        Assert.Equal("custom", Template.Literal(app, config["runtime"]?["name"])?.GetValue<string>());
        Assert.Equal("1.0", Template.Literal(app, config["runtime"]?["version"])?.GetValue<string>());
        var main = Template.Root["parameters"]!;
        Assert.Equal("custom", main["functionRuntimeName"]?["defaultValue"]?.GetValue<string>());
        Assert.Equal("1.0", main["functionRuntimeVersion"]?["defaultValue"]?.GetValue<string>());

        // azd finds the app by this tag; it must name the service in azure.yaml.
        Assert.Contains("azd-service-name", app.Json["tags"]?.ToJsonString() ?? "", StringComparison.Ordinal);
        Assert.Equal(AzdLayoutTests.ServiceName, Template.Root["variables"]?["serviceName"]?.GetValue<string>());

        // Basic-auth (FTP/SCM) publishing is off.
        var policies = Template.OfType("Microsoft.Web/sites/basicPublishingCredentialsPolicies").ToList();
        Assert.Equal(2, policies.Count);
        Assert.All(policies, p => Assert.False(Bool(p.Properties["allow"], whenMissing: true)));
    }

    [Fact]
    public void Language_and_monitoring_have_local_auth_off()
    {
        var language = Assert.Single(Template.OfType("Microsoft.CognitiveServices/accounts"));
        Assert.Equal("TextAnalytics", language.Json["kind"]?.GetValue<string>());
        Assert.True(Bool(language.Properties["disableLocalAuth"]), "Language disableLocalAuth");
        Assert.NotNull(language.Properties["customSubDomainName"]); // Entra tokens need the custom subdomain

        var insights = Assert.Single(Template.OfType("Microsoft.Insights/components"));
        Assert.True(Bool(insights.Properties["DisableLocalAuth"]), "Application Insights DisableLocalAuth");
        Assert.NotNull(insights.Properties["WorkspaceResourceId"]);

        var workspace = Assert.Single(Template.OfType("Microsoft.OperationalInsights/workspaces"));
        Assert.True(Bool(workspace.Properties["features"]?["disableLocalAuth"]), "Log Analytics disableLocalAuth");
    }

    [Fact]
    public void Every_role_assignment_is_a_known_built_in_role_scoped_to_the_resource_it_needs()
    {
        var assignments = Template.OfType(RoleAssignments).ToList();
        Assert.NotEmpty(assignments);

        foreach (var assignment in assignments)
        {
            var roleId = RoleId(assignment);
            Assert.True(BuiltInRoles.TryGetValue(roleId, out var role), $"{assignment}: unknown role definition {roleId}");

            var scope = assignment.Scope;
            Assert.False(string.IsNullOrEmpty(scope), $"{assignment} ({role.Name}) has no scope: it would apply to the whole resource group");
            var scopeType = ScopeType().Match(scope!);
            Assert.True(scopeType.Success, $"{assignment}: scope {scope} is not a single resource");
            Assert.True(role.Scopes.Contains(scopeType.Groups["type"].Value),
                $"{role.Name} is scoped to {scopeType.Groups["type"].Value}; allowed: {string.Join(", ", role.Scopes)}");

            Assert.StartsWith("[guid(", assignment.Json["name"]?.GetValue<string>(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_app_can_read_uploads_but_never_change_them_and_owns_only_its_host_storage()
    {
        var app = AppAssignments(Template).ToList();

        var onUploads = app.Where(a => ContainerOf(a) == "uploads").Select(a => BuiltInRoles[RoleId(a)].Name).ToList();
        Assert.Equal(["Storage Blob Data Reader"], onUploads);

        // Blob Data Owner only on the Functions host account, never on the minutes account.
        var owners = app.Where(a => BuiltInRoles[RoleId(a)].Name == "Storage Blob Data Owner").ToList();
        var owner = Assert.Single(owners);
        Assert.Contains("hostStorageAccountName", owner.Scope, StringComparison.Ordinal);

        // Writes go to exactly the containers a stage writes.
        var written = app.Where(a => BuiltInRoles[RoleId(a)].Name == "Storage Blob Data Contributor").Select(ContainerOf).Order().ToList();
        Assert.Equal(new[] { "$web", "audit", "held", "normalized", "quarantine", "redacted" }, written);

        // Everything the app needs besides storage.
        var names = app.Select(a => BuiltInRoles[RoleId(a)].Name).ToHashSet();
        Assert.Contains("Cognitive Services User", names);
        Assert.Contains("Monitoring Metrics Publisher", names);
        Assert.Contains("Storage Queue Data Contributor", names);
    }

    [Fact]
    public void Each_role_assignment_is_justified_by_a_comment_in_the_bicep_source()
    {
        var declarations = 0;
        foreach (var file in InfraPaths.BicepFiles)
        {
            var lines = File.ReadAllLines(file);
            foreach (var (line, i) in lines.Select((line, i) => (line, i))
                .Where(x => x.line.StartsWith("resource ", StringComparison.Ordinal) && x.line.Contains($"'{RoleAssignments}@", StringComparison.Ordinal)))
            {
                declarations++;
                Assert.True(i > 0 && lines[i - 1].TrimStart().StartsWith("//", StringComparison.Ordinal), $"no justification comment above, in {Path.GetFileName(file)}: {line}");
            }
        }

        Assert.Equal(Template.OfType(RoleAssignments).Count(), declarations);
    }

    [Fact]
    public void Outputs_give_the_site_url_the_upload_container_url_and_the_function_app_name()
    {
        var outputs = Template.Root["outputs"]!.AsObject();
        foreach (var name in new[] { "SITE_URL", "UPLOAD_CONTAINER_URL", "AZURE_FUNCTION_APP_NAME", "AZURE_RESOURCE_GROUP", "AZURE_EVENTGRID_SYSTEM_TOPIC_NAME" })
        {
            Assert.True(outputs.ContainsKey(name), $"output {name} missing");
        }

        Assert.Contains("webEndpoint", outputs["SITE_URL"]!["value"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("uploads", outputs["UPLOAD_CONTAINER_URL"]!["value"]!.GetValue<string>(), StringComparison.Ordinal);
        var web = Template.Module("contentStorage")["outputs"]!["webEndpoint"]!["value"]!.GetValue<string>();
        Assert.Contains("primaryEndpoints.web", web, StringComparison.Ordinal);
    }

    [Fact]
    public void Event_grid_system_topic_watches_the_minutes_account()
    {
        var topic = Assert.Single(Template.OfType("Microsoft.EventGrid/systemTopics"));
        Assert.Equal("Microsoft.Storage.StorageAccounts", topic.Properties["topicType"]?.GetValue<string>());
        Assert.Contains("Microsoft.Storage/storageAccounts", topic.Properties["source"]?.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("storageAccountName", Assert.Single(Template.Module("eventGrid")["parameters"]!.AsObject(), p => p.Key.Contains("storage", StringComparison.OrdinalIgnoreCase)).Key);
        var passed = Template.Root["resources"]!["eventGrid"]!["properties"]!["parameters"]!["storageAccountName"]!["value"]!.GetValue<string>();
        Assert.Contains("contentStorage", passed, StringComparison.Ordinal);
    }

    // ---- helpers shared with the package tests ----------------------------------------------------

    internal static IReadOnlyDictionary<string, string> AppSettings(ArmTemplate template)
    {
        var app = Assert.Single(template.OfType("Microsoft.Web/sites"));
        var list = app.Properties["siteConfig"]?["appSettings"] as JsonArray ?? [];
        return list.OfType<JsonObject>().ToDictionary(
            s => s["name"]!.GetValue<string>(),
            s => s["value"]?.ToString() ?? "",
            StringComparer.Ordinal);
    }

    /// <summary>Container names of the minutes account: the module's list plus literal names.</summary>
    internal static IEnumerable<string> ContentContainerNames(ArmTemplate template)
    {
        var module = template.Module("contentStorage");
        foreach (var name in module["variables"]?["privateContainers"] as JsonArray ?? [])
        {
            yield return name!.GetValue<string>();
        }

        foreach (var container in template.OfType(Containers).Where(c => c.Module == "contentStorage"))
        {
            var literal = LiteralContainerName().Match(container.Json["name"]?.GetValue<string>() ?? "");
            if (literal.Success)
            {
                yield return literal.Groups["name"].Value;
            }
        }
    }

    private static IEnumerable<ArmResource> AppAssignments(ArmTemplate template) =>
        template.OfType(RoleAssignments).Where(a => a.Properties["principalId"]?.GetValue<string>() == "[parameters('appPrincipalId')]");

    private static string RoleId(ArmResource assignment) =>
        RoleGuid().Match(assignment.Properties["roleDefinitionId"]?.GetValue<string>() ?? "") is { Success: true } m ? m.Value : "";

    private static string? ContainerOf(ArmResource assignment) =>
        ContainerScope().Match(assignment.Scope ?? "") is { Success: true } m ? m.Groups["name"].Value : null;

    private static bool Bool(JsonNode? node, bool whenMissing = false) =>
        node is null ? whenMissing : node.GetValue<bool>();

    private sealed record Role(string Name, string[] Scopes);

    // Every role this deployment may hand out, with the resource types it may be scoped to.
    private static readonly Dictionary<string, Role> BuiltInRoles = new(StringComparer.OrdinalIgnoreCase)
    {
        ["b7e6dc6d-f1e8-4753-8033-0f276bb0955b"] = new("Storage Blob Data Owner", [StorageAccounts]),
        ["ba92f5b4-2d11-453d-a403-e96b0029c9fe"] = new("Storage Blob Data Contributor", [Containers]),
        ["2a2b9908-6ea1-4ae2-8e65-a410df84e7d1"] = new("Storage Blob Data Reader", [Containers]),
        ["974c5e8b-45b9-4653-ba55-5f855dd0fb88"] = new("Storage Queue Data Contributor", [StorageAccounts]),
        ["0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3"] = new("Storage Table Data Contributor", [StorageAccounts]),
        ["a97b65f3-24c7-4388-baec-2e87135dc908"] = new("Cognitive Services User", ["Microsoft.CognitiveServices/accounts"]),
        ["3913510d-42f4-4e42-8a64-420c390055eb"] = new("Monitoring Metrics Publisher", ["Microsoft.Insights/components"]),
    };

    [GeneratedRegex(@"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", RegexOptions.IgnoreCase)]
    private static partial Regex RoleGuid();

    [GeneratedRegex(@"^\[resourceId\('(?<type>[^']+)'")]
    private static partial Regex ScopeType();

    [GeneratedRegex(@"blobServices/containers', [^,]+, 'default', '(?<name>[^']+)'\)\]$")]
    private static partial Regex ContainerScope();

    [GeneratedRegex(@"'default', '(?<name>[^']+)'\)\]$")]
    private static partial Regex LiteralContainerName();

    [GeneratedRegex(@"listKeys|AccountKey|SharedAccessSignature|sig=|primaryKey|secondaryKey|connectionStrings|\.keys\b", RegexOptions.IgnoreCase)]
    private static partial Regex SecretLike();
}
