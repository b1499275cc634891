using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace PublishPipeline.Infra.Tests;

/// <summary>The azd project (azure.yaml, parameters, hooks) fits the template and the scripts.</summary>
public partial class AzdLayoutTests(MainTemplateFixture fixture) : IClassFixture<MainTemplateFixture>
{
    /// <summary>The azure.yaml service; main.bicep tags the function app with it.</summary>
    internal const string ServiceName = "publisher";

    private static string AzureYaml => File.ReadAllText(Path.Combine(InfraPaths.Root, "azure.yaml"));

    [Fact]
    public void Azure_yaml_deploys_the_prebuilt_zip_to_the_function_app_and_runs_the_hooks()
    {
        var yaml = AzureYaml;

        Assert.Matches(new Regex(@"^services:\s*$", RegexOptions.Multiline), yaml);
        Assert.Matches(new Regex($@"^  {ServiceName}:\s*$", RegexOptions.Multiline), yaml);
        Assert.Matches(new Regex(@"^    host: function\s*$", RegexOptions.Multiline), yaml);
        // custom + a .zip dist: azd deploys the zip as built, keeping the handler's executable bit.
        Assert.Matches(new Regex(@"^    language: custom\s*$", RegexOptions.Multiline), yaml);
        Assert.Matches(new Regex(@"^    dist: out/functionapp\.zip\s*$", RegexOptions.Multiline), yaml);
        Assert.Matches(new Regex(@"^    remoteBuild: false\s*$", RegexOptions.Multiline), yaml);
        Assert.Matches(new Regex(@"^  path: infra\s*$", RegexOptions.Multiline), yaml);
        Assert.Matches(new Regex(@"^  module: main\s*$", RegexOptions.Multiline), yaml);

        // Every script a hook runs exists.
        var runs = RunLine().Matches(yaml).Select(m => m.Groups["path"].Value).ToList();
        Assert.Contains("scripts/package-functions.sh", runs);
        Assert.Contains("scripts/postdeploy.sh", runs);
        Assert.Contains("scripts/postdeploy.ps1", runs);
        Assert.Contains("scripts/preflight.sh", runs);
        Assert.Contains("scripts/preflight.ps1", runs);

        // `language: custom` is an azd alpha feature from azd 1.20.0 on: azd checks the version itself.
        Assert.Matches(new Regex(@"^requiredVersions:\s*\n\s+azd: "">= 1\.20\.0""\s*$", RegexOptions.Multiline), yaml);
        foreach (var hook in new[] { "preup", "preprovision", "predeploy" })
        {
            Assert.Matches(new Regex($@"^  {hook}:\s*\n    posix:\s*\n      shell: sh\s*\n      run: scripts/preflight\.sh\s*$", RegexOptions.Multiline), yaml);
        }
        foreach (var run in runs)
        {
            Assert.True(File.Exists(Path.Combine(InfraPaths.Root, run)), $"azure.yaml runs {run}, which does not exist");
        }

        // The package script's default output is what azd deploys.
        var script = File.ReadAllText(Path.Combine(InfraPaths.Root, "scripts", "package-functions.sh"));
        Assert.Contains("out/functionapp.zip", script, StringComparison.Ordinal);
    }

    [Fact]
    public void Parameters_file_covers_every_required_parameter_with_azd_variables()
    {
        var declared = fixture.Template.Root["parameters"]!.AsObject();
        var file = JsonNode.Parse(File.ReadAllText(Path.Combine(InfraPaths.Infra, "main.parameters.json")))!["parameters"]!.AsObject();

        foreach (var (name, _) in file)
        {
            Assert.True(declared.ContainsKey(name), $"main.parameters.json sets {name}, which main.bicep does not declare");
        }

        foreach (var (name, definition) in declared)
        {
            if (definition?["defaultValue"] is null)
            {
                Assert.True(file.ContainsKey(name), $"main.bicep parameter {name} has no default and is not in main.parameters.json");
            }
        }

        Assert.Equal("${AZURE_ENV_NAME}", file["environmentName"]?["value"]?.GetValue<string>());
        Assert.Equal("${AZURE_LOCATION}", file["location"]?["value"]?.GetValue<string>());
        Assert.Equal("${AZURE_PRINCIPAL_ID}", file["principalId"]?["value"]?.GetValue<string>());
        Assert.Equal("subscription", fixture.Template.Root["$schema"]!.GetValue<string>().Contains("subscriptionDeploymentTemplate", StringComparison.Ordinal) ? "subscription" : "other");
    }

    [Fact]
    public void Hook_outputs_the_scripts_read_are_template_outputs()
    {
        var outputs = fixture.Template.Root["outputs"]!.AsObject();
        var script = File.ReadAllText(Path.Combine(InfraPaths.Root, "scripts", "postdeploy.sh"));
        var used = AzdVariable().Matches(script).Select(m => m.Value).Distinct()
            .Where(v => v != "AZURE_SUBSCRIPTION_ID"); // set by azd itself, not an output
        foreach (var name in used)
        {
            Assert.True(outputs.ContainsKey(name), $"postdeploy.sh reads {name}, which main.bicep does not output");
        }
    }

    [Fact]
    public void The_values_the_hooks_need_from_provisioning_are_outputs()
    {
        var outputs = fixture.Template.Root["outputs"]!.AsObject();
        foreach (var name in new[] { "MAX_UPLOAD_BYTES", "LANGUAGE_MODE", "LANGUAGE_ENDPOINT", "LANGUAGE_ROLE_ASSIGNED", "AZURE_FUNCTION_APP_PRINCIPAL_ID" })
        {
            Assert.True(outputs.ContainsKey(name), $"output {name} missing");
        }

        foreach (var script in new[] { "postdeploy.sh", "postdeploy.ps1" })
        {
            var text = File.ReadAllText(Path.Combine(InfraPaths.Root, "scripts", script));
            Assert.Contains("MAX_UPLOAD_BYTES", text, StringComparison.Ordinal);
            Assert.Contains("LANGUAGE_ROLE_ASSIGNED", text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("scripts/package-functions.sh")]
    [InlineData("scripts/postdeploy.sh")]
    [InlineData("scripts/preflight.sh")]
    public void Shell_scripts_are_posix_sh_and_executable(string relative)
    {
        var path = Path.Combine(InfraPaths.Root, relative);
        Assert.True((File.GetUnixFileMode(path) & UnixFileMode.UserExecute) != 0, $"{relative} is not executable");

        // dash (Debian's sh) and bash both parse it.
        foreach (var shell in new[] { "sh", "bash" })
        {
            var start = new ProcessStartInfo(shell) { RedirectStandardError = true, UseShellExecute = false };
            start.ArgumentList.Add("-n");
            start.ArgumentList.Add(path);
            using var process = Process.Start(start)!;
            var errors = process.StandardError.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, $"{shell} -n {relative}: {errors}");
        }
    }

    [Fact]
    public void Postdeploy_subscribes_every_event_grid_function_to_its_container_and_event()
    {
        var script = File.ReadAllText(Path.Combine(InfraPaths.Root, "scripts", "postdeploy.sh"));
        var functions = FunctionDefinitions.Load();
        Assert.NotEmpty(functions);

        foreach (var function in functions)
        {
            var trigger = function.Trigger;
            var type = trigger["type"]?.GetValue<string>();
            if (type == "blobTrigger")
            {
                Assert.Equal("EventGrid", trigger["source"]?.GetValue<string>()); // Flex runs blob triggers only this way
                var container = function.TriggerContainer!;
                Assert.Matches(new Regex($@"subscribe \S+ +Microsoft\.Storage\.BlobCreated +{Regex.Escape(container)} +webhook +""\$\(blob_webhook {function.Name}\)"""), script);
            }
            else if (type == "eventGridTrigger")
            {
                Assert.Matches(new Regex($@"subscribe \S+ +Microsoft\.Storage\.Blob\w+ +\w+ +azurefunction +""\$app_id/functions/{function.Name}"""), script);
            }
        }
    }

    [GeneratedRegex(@"run:\s*(?<path>\S+)")]
    private static partial Regex RunLine();

    [GeneratedRegex(@"\bAZURE_[A-Z_]+\b")]
    private static partial Regex AzdVariable();
}
