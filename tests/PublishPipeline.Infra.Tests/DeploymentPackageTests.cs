using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace PublishPipeline.Infra.Tests;

/// <summary>The zip azd deploys has the layout the Functions host expects of a custom-handler app.</summary>
public partial class DeploymentPackageTests(DeploymentPackageFixture package, MainTemplateFixture infra)
    : IClassFixture<DeploymentPackageFixture>, IClassFixture<MainTemplateFixture>
{
    // Unix mode bits live in the high 16 bits of a zip entry's external attributes.
    private const int RegularFile = 0x8000; // S_IFREG
    private const int OwnerExecute = 0x40;  // 0o100

    [Fact]
    public void Host_json_is_at_the_root_and_configures_the_custom_handler()
    {
        using var zip = package.Open();
        var hostJson = ReadJson(zip, "host.json");

        Assert.Equal("2.0", hostJson["version"]?.GetValue<string>());
        Assert.False(string.IsNullOrWhiteSpace(ExecutablePath(hostJson)));

        // Custom handlers get their bindings from the extension bundle; Flex needs 4.x or later.
        Assert.Equal("Microsoft.Azure.Functions.ExtensionBundle", hostJson["extensionBundle"]?["id"]?.GetValue<string>());
        var range = hostJson["extensionBundle"]?["version"]?.GetValue<string>() ?? "";
        var lowest = BundleLowerBound().Match(range);
        Assert.True(lowest.Success && int.Parse(lowest.Groups["major"].Value, System.Globalization.CultureInfo.InvariantCulture) >= 4,
            $"extension bundle range {range} must start at 4.x or later for Flex Consumption");
    }

    [Fact]
    public void The_handler_is_in_the_zip_as_an_executable_linux_x64_binary()
    {
        using var zip = package.Open();
        var path = ExecutablePath(ReadJson(zip, "host.json"));
        var entry = zip.GetEntry(path);
        Assert.True(entry is not null, $"defaultExecutablePath '{path}' is not in the zip");

        var mode = (entry!.ExternalAttributes >> 16) & 0xFFFF;
        Assert.True((mode & 0xF000) == RegularFile, $"{path}: not stored as a regular Unix file (mode {Convert.ToString(mode, 8)})");
        Assert.True((mode & OwnerExecute) != 0, $"{path}: executable bit missing (mode {Convert.ToString(mode, 8)})");

        // ELF, 64-bit, x86-64: the self-contained linux-x64 publish, not a framework-dependent dll.
        using var stream = entry.Open();
        var header = new byte[20];
        stream.ReadExactly(header);
        Assert.Equal(new byte[] { 0x7F, (byte)'E', (byte)'L', (byte)'F' }, header[..4]);
        Assert.Equal(2, header[4]);                       // ELFCLASS64
        Assert.Equal(0x3E, header[18] | (header[19] << 8)); // EM_X86_64
        Assert.True(entry.Length > 10_000_000, "a self-contained single-file handler carries the .NET runtime");
    }

    [Fact]
    public void Every_function_folder_holds_its_function_json_as_in_the_repository()
    {
        using var zip = package.Open();
        var definitions = FunctionDefinitions.Load();
        Assert.NotEmpty(definitions);

        var packaged = zip.Entries.Where(e => e.Name == "function.json").Select(e => e.FullName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(definitions.Select(d => $"{d.Name}/function.json").Order(StringComparer.Ordinal), packaged);

        foreach (var definition in definitions)
        {
            var source = File.ReadAllBytes(Path.Combine(InfraPaths.FunctionDefinitions, definition.Name, "function.json"));
            using var stream = zip.GetEntry($"{definition.Name}/function.json")!.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            Assert.Equal(source, copy.ToArray());
        }
    }

    [Theory]
    [InlineData("NormalizeUpload", "blobTrigger", "uploads")]
    [InlineData("RedactDocument", "blobTrigger", "normalized")]
    [InlineData("RenderDocument", "blobTrigger", "redacted")]
    [InlineData("RerenderSite", "timerTrigger", null)]
    [InlineData("WithdrawUpload", "eventGridTrigger", null)]
    public void Each_function_has_the_trigger_the_infrastructure_wires(string name, string trigger, string? container)
    {
        using var zip = package.Open();
        var entry = zip.GetEntry($"{name}/function.json");
        Assert.True(entry is not null, $"{name}/function.json is not in the zip");
        using var stream = entry!.Open();
        var definition = new FunctionDefinition(name, JsonNode.Parse(stream)!.AsObject());

        Assert.Equal(trigger, definition.Trigger["type"]?.GetValue<string>());
        if (trigger == "blobTrigger")
        {
            Assert.Equal(container, definition.TriggerContainer);
            Assert.Equal("EventGrid", definition.Trigger["source"]?.GetValue<string>());
            Assert.Equal("MinutesStorage", definition.Trigger["connection"]?.GetValue<string>());
        }
        else if (trigger == "timerTrigger")
        {
            Assert.Equal("%RERENDER_SCHEDULE%", definition.Trigger["schedule"]?.GetValue<string>());
        }
    }

    [Fact]
    public void Bindings_name_only_provisioned_containers_connections_and_settings()
    {
        var settings = SecurityInvariantTests.AppSettings(infra.Template);
        var containers = SecurityInvariantTests.ContentContainerNames(infra.Template).ToHashSet(StringComparer.Ordinal);

        foreach (var function in FunctionDefinitions.Load())
        {
            foreach (var binding in function.Json["bindings"]!.AsArray().OfType<JsonObject>())
            {
                if (binding["path"]?.GetValue<string>() is { } path && binding["type"]?.GetValue<string>()?.StartsWith("blob", StringComparison.Ordinal) == true)
                {
                    Assert.True(containers.Contains(path.Split('/')[0]), $"{function.Name}: container of {path} is not provisioned");
                }

                if (binding["connection"]?.GetValue<string>() is { Length: > 0 } connection)
                {
                    foreach (var suffix in new[] { "__blobServiceUri", "__queueServiceUri", "__credential", "__clientId" })
                    {
                        Assert.True(settings.ContainsKey(connection + suffix), $"{function.Name}: app setting {connection}{suffix} missing");
                    }
                }

                foreach (Match setting in SettingReference().Matches(binding.ToJsonString()))
                {
                    Assert.True(settings.ContainsKey(setting.Groups["name"].Value), $"{function.Name}: %{setting.Groups["name"].Value}% is not an app setting");
                }
            }
        }
    }

    [Fact]
    public void The_zip_holds_no_debug_symbols_or_local_settings()
    {
        using var zip = package.Open();
        Assert.DoesNotContain(zip.Entries, e => e.Name.EndsWith(".pdb", StringComparison.Ordinal));
        Assert.DoesNotContain(zip.Entries, e => e.Name == "local.settings.json");
        Assert.DoesNotContain(zip.Entries, e => e.FullName.StartsWith("FunctionApp/", StringComparison.Ordinal));
    }

    /// <summary>
    /// Unzips the package as the platform would and starts the handler exactly as host.json tells
    /// the Functions host to; the host's readiness probe is any HTTP answer on GET /. (The host
    /// waits about 30 s; the wait here is longer because this is no timing test on a shared machine —
    /// start-up measured unloaded: about 0.4 s.)
    /// </summary>
    [Fact]
    public async Task The_packaged_handler_starts_from_the_unzipped_package_and_answers_the_readiness_probe()
    {
        var root = Directory.CreateTempSubdirectory("functionapp-run-");
        try
        {
            await ZipFile.ExtractToDirectoryAsync(package.ZipPath, root.FullName);
            var hostJson = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(root.FullName, "host.json")))!;
            var executable = Path.Combine(root.FullName, ExecutablePath(hostJson));
            Assert.True((File.GetUnixFileMode(executable) & UnixFileMode.UserExecute) != 0, "executable bit lost on extraction");

            for (var attempt = 1; ; attempt++)
            {
                var port = FreePort();
                var start = new ProcessStartInfo(executable)
                {
                    WorkingDirectory = root.FullName,
                    UseShellExecute = false,
                    RedirectStandardOutput = true,
                    RedirectStandardError = true,
                };
                foreach (var argument in hostJson["customHandler"]?["description"]?["arguments"] as JsonArray ?? [])
                {
                    start.ArgumentList.Add(argument!.GetValue<string>().Replace("%FUNCTIONS_CUSTOMHANDLER_PORT%", port, StringComparison.Ordinal));
                }

                // What the host provides: the port and the app settings (endpoints only, nothing reachable here).
                start.Environment["FUNCTIONS_CUSTOMHANDLER_PORT"] = port;
                start.Environment["FUNCTIONS_APP_ROOT_PATH"] = root.FullName;
                foreach (var (name, value) in HandlerEnvironment())
                {
                    start.Environment[name] = value;
                }

                using var process = Process.Start(start)!;
                var output = new System.Text.StringBuilder();
                process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
                process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
                process.BeginOutputReadLine();
                process.BeginErrorReadLine();
                try
                {
                    using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
                    var deadline = DateTime.UtcNow.AddSeconds(90);
                    HttpStatusCode? answered = null;
                    while (answered is null && DateTime.UtcNow < deadline && !process.HasExited)
                    {
                        try
                        {
                            using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/"));
                            answered = response.StatusCode;
                        }
                        catch (HttpRequestException)
                        {
                            await Task.Delay(200);
                        }
                        catch (TaskCanceledException)
                        {
                            await Task.Delay(200);
                        }
                    }

                    string log;
                    lock (output)
                    {
                        log = output.ToString();
                    }

                    // The port was free when chosen; another process on the machine may have taken
                    // it before the handler bound it: then the handler exits, and a new port is tried.
                    if (answered is null && process.HasExited && attempt < 3 && log.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
                    {
                        continue;
                    }

                    Assert.True(answered is not null, $"the handler did not answer GET / on 127.0.0.1:{port} within 90 s (exited: {process.HasExited}):\n{log}");
                    break;
                }
                finally
                {
                    if (!process.HasExited)
                    {
                        process.Kill(entireProcessTree: true);
                    }

                    await process.WaitForExitAsync();
                }
            }
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    // App settings as the Bicep sets them, with loopback placeholders for the deployment-time values.
    private IEnumerable<(string Name, string Value)> HandlerEnvironment()
    {
        foreach (var (name, value) in SecurityInvariantTests.AppSettings(infra.Template))
        {
            var literal = value.StartsWith('[') ? Placeholder(name) : value;
            yield return (name, literal);
        }
    }

    private static string Placeholder(string setting) => setting switch
    {
        _ when setting.EndsWith("ServiceUri", StringComparison.Ordinal) => "http://127.0.0.1:9/devstoreaccount1/",
        "SITE_BASE_URL" => "https://example.invalid/",
        "LANGUAGE_ENDPOINT" => "http://127.0.0.1:9/",
        "RERENDER_SCHEDULE" => "0 0 18 * * *",
        "APPLICATIONINSIGHTS_CONNECTION_STRING" => "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=http://127.0.0.1:9/",
        _ => "00000000-0000-0000-0000-000000000000",
    };

    private static string FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private static JsonNode ReadJson(ZipArchive zip, string name)
    {
        var entry = zip.GetEntry(name);
        Assert.True(entry is not null, $"{name} is not at the root of the zip");
        using var stream = entry!.Open();
        return JsonNode.Parse(stream)!;
    }

    private static string ExecutablePath(JsonNode hostJson) =>
        hostJson["customHandler"]?["description"]?["defaultExecutablePath"]?.GetValue<string>()
        ?? throw new InvalidOperationException("host.json has no customHandler.description.defaultExecutablePath");

    [GeneratedRegex(@"^[\[(]\s*(?<major>\d+)")]
    private static partial Regex BundleLowerBound();

    [GeneratedRegex(@"%(?<name>[A-Za-z0-9_]+)%")]
    private static partial Regex SettingReference();
}
