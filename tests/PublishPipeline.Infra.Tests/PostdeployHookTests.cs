using System.Diagnostics;
using System.Text.RegularExpressions;

namespace PublishPipeline.Infra.Tests;

/// <summary>
/// The postdeploy hook's own logic (waiting for the key, the URLs and filters it builds, create
/// versus update, clear failures), run against a recording stand-in for the Azure CLI on PATH.
/// This checks the script, not Azure: the az commands themselves are only exercised in a real
/// deployment (docs/infra.md).
/// </summary>
public sealed partial class PostdeployHookTests : IDisposable
{
    private const string AppHost = "func-test.azurewebsites.net";
    private const string AppId = "/subscriptions/0000/resourceGroups/rg-test/providers/Microsoft.Web/sites/func-test";
    private const string BlobsKey = "k3y/with+base64==";

    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("postdeploy-");

    private string Bin => Path.Combine(_work.FullName, "bin");

    private string State => Path.Combine(_work.FullName, "state");

    private string Log => Path.Combine(_work.FullName, "az.log");

    public PostdeployHookTests()
    {
        Directory.CreateDirectory(Bin);
        Directory.CreateDirectory(State);

        // Records every call; answers like az for the few queries the hook makes. The key appears
        // on the second `keys list`, as when the host is still starting.
        WriteExecutable("az", $$"""
            #!/bin/sh
            printf '%s\n' "$*" >> "{{Log}}"
            state="{{State}}"
            name=""; prev=""
            for a in "$@"; do [ "$prev" = "-n" ] && name=$a; [ "$prev" = "--function-name" ] && name=$a; prev=$a; done
            case "$1 $2" in
              "account show") exit 0 ;;
              "functionapp show")
                case "$*" in *defaultHostName*) echo "{{AppHost}}" ;; *) echo "{{AppId}}" ;; esac ;;
              "functionapp function")
                [ -f "$state/missing-$name" ] && exit 3; echo "func-test/$name" ;;
              "functionapp keys")
                n=$(cat "$state/key-calls" 2>/dev/null || echo 0); n=$((n + 1)); echo $n > "$state/key-calls"
                [ $n -ge 2 ] && echo "{{BlobsKey}}"; exit 0 ;;
              "eventgrid system-topic")
                case "$4" in
                  show) [ -f "$state/sub-$name" ] || exit 3; echo "$name" ;;
                  create) touch "$state/sub-$name" ;;
                  update) [ -f "$state/sub-$name" ] || exit 3 ;;
                esac ;;
              "rest --method") exit 0 ;;
              *) echo "unexpected az call: $*" >&2; exit 99 ;;
            esac
            """);
        // The hook pings the app to wake it; nothing leaves this machine in the test.
        WriteExecutable("curl", "#!/bin/sh\nexit 0\n");
    }

    public void Dispose() => _work.Delete(recursive: true);

    [Fact]
    public void First_run_creates_the_four_subscriptions_with_the_right_endpoints_and_filters()
    {
        var run = RunHook();
        Assert.True(run.ExitCode == 0, run.Output);

        var creates = Calls("eventgrid system-topic event-subscription create");
        Assert.Equal(4, creates.Count);
        Assert.Empty(Calls("eventgrid system-topic event-subscription update"));

        AssertSubscription(creates, "minutes-uploads-created", "Microsoft.Storage.BlobCreated", "uploads", "webhook",
            $"https://{AppHost}/runtime/webhooks/blobs?functionName=Host.Functions.NormalizeUpload&code={BlobsKey}");
        AssertSubscription(creates, "minutes-normalized-created", "Microsoft.Storage.BlobCreated", "normalized", "webhook",
            $"https://{AppHost}/runtime/webhooks/blobs?functionName=Host.Functions.RedactDocument&code={BlobsKey}");
        AssertSubscription(creates, "minutes-redacted-created", "Microsoft.Storage.BlobCreated", "redacted", "webhook",
            $"https://{AppHost}/runtime/webhooks/blobs?functionName=Host.Functions.RenderDocument&code={BlobsKey}");
        AssertSubscription(creates, "minutes-uploads-deleted", "Microsoft.Storage.BlobDeleted", "uploads", "azurefunction",
            $"{AppId}/functions/WithdrawUpload");

        Assert.All(creates, c => Assert.Contains("--system-topic-name evgt-test", c, StringComparison.Ordinal));
        Assert.All(creates, c => Assert.Contains("--subscription 0000", c, StringComparison.Ordinal));
        Assert.Equal(2, Calls("functionapp keys list").Count); // waited for the key to appear
    }

    [Fact]
    public void Second_run_updates_in_place_and_creates_nothing()
    {
        Assert.Equal(0, RunHook().ExitCode);
        File.Delete(Log);

        var run = RunHook();

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Empty(Calls("eventgrid system-topic event-subscription create"));
        var updates = Calls("eventgrid system-topic event-subscription update");
        Assert.Equal(4, updates.Count);
        AssertSubscription(updates, "minutes-redacted-created", "Microsoft.Storage.BlobCreated", "redacted", "webhook",
            $"https://{AppHost}/runtime/webhooks/blobs?functionName=Host.Functions.RenderDocument&code={BlobsKey}");
    }

    [Fact]
    public void Update_re_applies_the_delivery_settings_of_create()
    {
        Assert.Equal(0, RunHook().ExitCode);
        var creates = Calls("eventgrid system-topic event-subscription create");
        Assert.All(creates, c => Assert.Contains("--max-delivery-attempts 30 --event-ttl 1440 ", c, StringComparison.Ordinal));
        File.Delete(Log);

        var run = RunHook();

        Assert.True(run.ExitCode == 0, run.Output);
        var patches = Calls("rest --method patch");
        Assert.Equal(4, patches.Count);
        foreach (var name in new[] { "minutes-uploads-created", "minutes-normalized-created", "minutes-redacted-created", "minutes-uploads-deleted" })
        {
            var patch = Assert.Single(patches, p => p.Contains($"/eventSubscriptions/{name}?", StringComparison.Ordinal));
            Assert.Contains("--url /subscriptions/0000/resourceGroups/rg-test/providers/Microsoft.EventGrid/systemTopics/evgt-test/eventSubscriptions/", patch, StringComparison.Ordinal);
            Assert.Contains("""--body {"retryPolicy":{"maxDeliveryAttempts":30,"eventTimeToLiveInMinutes":1440}}""", patch, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Host_allows_the_nightly_run_thirty_minutes()
    {
        var host = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(InfraPaths.Root, "host.json")))!;
        Assert.Equal("00:30:00", host["functionTimeout"]!.GetValue<string>());
    }

    [Fact]
    public void Withdrawal_can_use_the_event_grid_extension_webhook_instead()
    {
        var run = RunHook(extra: ("WITHDRAW_ENDPOINT_TYPE", "webhook"));

        Assert.True(run.ExitCode == 0, run.Output);
        AssertSubscription(Calls("eventgrid system-topic event-subscription create"), "minutes-uploads-deleted",
            "Microsoft.Storage.BlobDeleted", "uploads", "webhook",
            $"https://{AppHost}/runtime/webhooks/eventgrid?functionName=WithdrawUpload&code={BlobsKey}");
        Assert.Contains(Calls("functionapp keys list"), c => c.Contains("systemKeys.eventgrid_extension", StringComparison.Ordinal));
    }

    [Fact]
    public void A_function_missing_from_the_deployment_fails_before_anything_is_subscribed()
    {
        File.WriteAllText(Path.Combine(State, "missing-WithdrawUpload"), "");

        var run = RunHook();

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("function WithdrawUpload is not deployed", run.Output, StringComparison.Ordinal);
        Assert.Empty(Calls("eventgrid system-topic event-subscription create"));
    }

    [Fact]
    public void Missing_azd_values_are_named()
    {
        var run = RunHook(withoutVariable: "AZURE_EVENTGRID_SYSTEM_TOPIC_NAME");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("AZURE_EVENTGRID_SYSTEM_TOPIC_NAME is not set", run.Output, StringComparison.Ordinal);
    }

    private static void AssertSubscription(IReadOnlyList<string> calls, string name, string eventType, string container, string endpointType, string endpoint)
    {
        var call = Assert.Single(calls, c => c.Contains($" -n {name} ", StringComparison.Ordinal));
        Assert.Contains($"--included-event-types {eventType} ", call, StringComparison.Ordinal);
        Assert.Contains($"--subject-begins-with /blobServices/default/containers/{container}/", call, StringComparison.Ordinal);
        Assert.Contains($"--endpoint-type {endpointType} ", call, StringComparison.Ordinal);
        Assert.Contains($"--endpoint {endpoint} ", call, StringComparison.Ordinal);
    }

    private List<string> Calls(string prefix) =>
        File.Exists(Log) ? [.. File.ReadAllLines(Log).Where(l => l.StartsWith(prefix, StringComparison.Ordinal))] : [];

    private (int ExitCode, string Output) RunHook(string? withoutVariable = null, (string Name, string Value)? extra = null)
    {
        var start = new ProcessStartInfo("sh")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = InfraPaths.Root,
        };
        start.ArgumentList.Add(Path.Combine(InfraPaths.Root, "scripts", "postdeploy.sh"));
        start.Environment["PATH"] = Bin + ":" + Environment.GetEnvironmentVariable("PATH");
        start.Environment["POSTDEPLOY_POLL_SECONDS"] = "0";
        start.Environment["AZURE_SUBSCRIPTION_ID"] = "0000";
        start.Environment["AZURE_RESOURCE_GROUP"] = "rg-test";
        start.Environment["AZURE_FUNCTION_APP_NAME"] = "func-test";
        start.Environment["AZURE_EVENTGRID_SYSTEM_TOPIC_NAME"] = "evgt-test";
        if (withoutVariable is not null)
        {
            start.Environment.Remove(withoutVariable);
        }

        if (extra is { } variable)
        {
            start.Environment[variable.Name] = variable.Value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(1)), "postdeploy.sh did not finish");
        return (process.ExitCode, stdout.GetAwaiter().GetResult() + stderr.GetAwaiter().GetResult());
    }

    private void WriteExecutable(string name, string text)
    {
        var path = Path.Combine(Bin, name);
        File.WriteAllText(path, NewLines().Replace(text, "\n"));
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    [GeneratedRegex(@"\r\n?")]
    private static partial Regex NewLines();
}
