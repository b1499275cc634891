using System.Text.RegularExpressions;

namespace PublishPipeline.Infra.Tests;

/// <summary>
/// The postdeploy hook's own logic, postdeploy.sh under sh and postdeploy.ps1 under PowerShell 7,
/// against recording stand-ins for az and curl (HookHarness): the calls and their arguments as
/// received, the retries with back-off, the give-up messages. This checks the scripts, not Azure:
/// the az commands themselves are only exercised in a real deployment (docs/infra.md).
/// </summary>
public sealed partial class PostdeployHookTests : IDisposable
{
    private const string Subscriptions = "eventgrid system-topic event-subscription";
    private static readonly string[] AllSubscriptions = ["minutes-uploads-created", "minutes-normalized-created", "minutes-redacted-created", "minutes-uploads-deleted"];

    private readonly HookHarness _hook = new();

    public void Dispose() => _hook.Dispose();

    public static TheoryData<string> Shells => HookHarness.Shells;

    [Theory]
    [MemberData(nameof(Shells))]
    public void First_run_creates_the_four_subscriptions_with_endpoints_from_files_and_the_size_filter_on_uploads(string shell)
    {
        var run = Run(shell);
        Assert.True(run.ExitCode == 0, run.Output);

        var creates = _hook.Calls($"{Subscriptions} create");
        Assert.Equal(AllSubscriptions.Order(), creates.Select(c => c.Value("-n")!).Order());
        Assert.Empty(_hook.Calls($"{Subscriptions} update"));

        AssertSubscription(creates, "minutes-uploads-created", "Microsoft.Storage.BlobCreated", "uploads", "webhook", BlobWebhook("NormalizeUpload"));
        AssertSubscription(creates, "minutes-normalized-created", "Microsoft.Storage.BlobCreated", "normalized", "webhook", BlobWebhook("RedactDocument"));
        AssertSubscription(creates, "minutes-redacted-created", "Microsoft.Storage.BlobCreated", "redacted", "webhook", BlobWebhook("RenderDocument"));
        AssertSubscription(creates, "minutes-uploads-deleted", "Microsoft.Storage.BlobDeleted", "uploads", "azurefunction", $"{HookHarness.AppId}/functions/WithdrawUpload");

        // Only uploads come from outside: only they are filtered by size, at MAX_UPLOAD_BYTES.
        var uploads = Assert.Single(creates, c => c.Value("-n") == "minutes-uploads-created");
        Assert.True(uploads.Has("--advanced-filter", "data.contentLength", "NumberLessThanOrEquals", "33554432"), uploads.Command);
        Assert.All(creates.Where(c => c != uploads), c => Assert.DoesNotContain("--advanced-filter", c.Arguments));
        Assert.All(creates, c => Assert.True(c.Has("--event-delivery-schema", "eventgridschema") && c.Has("--max-delivery-attempts", "30", "--event-ttl", "1440"), c.Command));
        Assert.All(creates, c => Assert.True(c.Has("--system-topic-name", "evgt-test") && c.Has("--subscription", "0000"), c.Command));
    }

    [Theory]
    [MemberData(nameof(Shells))]
    public void The_key_and_the_ampersand_never_appear_on_a_command_line(string shell)
    {
        var run = Run(shell);
        Assert.True(run.ExitCode == 0, run.Output);

        foreach (var call in _hook.AzCalls)
        {
            Assert.All(call.Arguments, a => Assert.DoesNotContain(HookHarness.BlobsKey, a, StringComparison.Ordinal));
            Assert.All(call.Arguments, a => Assert.DoesNotContain("&", a, StringComparison.Ordinal));
            if (shell == "pwsh")
            {
                // On Windows az is az.cmd: no argument may hold anything cmd.exe acts on.
                Assert.All(call.Arguments, a => Assert.DoesNotMatch(CmdUnsafe(), a));
            }
        }

        // The key is in the files az reads instead.
        Assert.Contains(_hook.AzCalls.SelectMany(c => c.Files.Values), f => f.Contains("&code=" + HookHarness.BlobsKey, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Shells))]
    public void Second_run_updates_in_place_and_re_applies_the_delivery_settings(string shell)
    {
        Assert.Equal(0, Run(shell).ExitCode);
        _hook.ClearLogs();

        var run = Run(shell);

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Empty(_hook.Calls($"{Subscriptions} create"));
        var updates = _hook.Calls($"{Subscriptions} update");
        Assert.Equal(4, updates.Count);
        AssertSubscription(updates, "minutes-redacted-created", "Microsoft.Storage.BlobCreated", "redacted", "webhook", BlobWebhook("RenderDocument"));
        Assert.True(Assert.Single(updates, c => c.Value("-n") == "minutes-uploads-created").Has("--advanced-filter", "data.contentLength", "NumberLessThanOrEquals", "33554432"));

        var patches = _hook.Calls("rest --method patch");
        Assert.Equal(4, patches.Count);
        foreach (var name in AllSubscriptions)
        {
            var patch = Assert.Single(patches, p => p.Value("--url")!.Contains($"/eventSubscriptions/{name}?", StringComparison.Ordinal));
            Assert.Equal($"/subscriptions/0000/resourceGroups/rg-test/providers/Microsoft.EventGrid/systemTopics/evgt-test/eventSubscriptions/{name}?api-version=2025-02-15", patch.Value("--url"));
            Assert.Equal("""{"retryPolicy":{"maxDeliveryAttempts":30,"eventTimeToLiveInMinutes":1440}}""", patch.Value("--body"));
        }
    }

    [Theory]
    [MemberData(nameof(Shells))]
    public void The_function_list_the_key_and_a_failed_validation_are_retried_with_the_app_woken_each_time(string shell)
    {
        _hook.FailFirst("functions", 2);
        _hook.FailFirst("keys", 3);
        _hook.FailFirst("create-minutes-uploads-created", 2);

        var run = Run(shell);

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Equal(3, _hook.Calls("functionapp function list").Count);
        Assert.Equal(4, _hook.Calls("functionapp keys list").Count);
        Assert.Equal(3, _hook.Calls($"{Subscriptions} create").Count(c => c.Value("-n") == "minutes-uploads-created"));
        Assert.Equal(4, _hook.Calls($"{Subscriptions} create").Select(c => c.Value("-n")).Distinct().Count());
        Assert.True(_hook.Wakes(shell) >= 2 + 3 + 2, $"woke the app {_hook.Wakes(shell)} times");
        Assert.Contains("minutes-uploads-created failed (try 2 of 5)", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Shells))]
    public void A_subscription_Event_Grid_cannot_validate_is_given_up_after_five_tries_and_the_message_says_what_to_run(string shell)
    {
        _hook.FailFirst("create-minutes-redacted-created", 99);

        var run = Run(shell);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Equal(5, _hook.Calls($"{Subscriptions} create").Count(c => c.Value("-n") == "minutes-redacted-created"));
        // The others are still put in place, so a re-run has only this one left to do.
        Assert.Equal(4, _hook.Calls($"{Subscriptions} create").Select(c => c.Value("-n")).Distinct().Count());
        Assert.Contains("these subscriptions are not in place: minutes-redacted-created", run.Output, StringComparison.Ordinal);
        Assert.Contains($"once the app answers at https://{HookHarness.AppHost}/, run by hand: azd hooks run postdeploy", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Shells))]
    public void A_function_missing_from_the_deployment_is_waited_for_then_named_before_anything_is_subscribed(string shell)
    {
        _hook.Mark("missing-WithdrawUpload");

        var run = Run(shell);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Equal(8, _hook.Calls("functionapp function list").Count);
        Assert.Contains("these functions are still not listed on func-test", run.Output, StringComparison.Ordinal);
        Assert.Contains("WithdrawUpload", run.Output, StringComparison.Ordinal);
        Assert.Contains("azd hooks run postdeploy", run.Output, StringComparison.Ordinal);
        Assert.Empty(_hook.Calls($"{Subscriptions} create"));
    }

    [Theory]
    [MemberData(nameof(Shells))]
    public void No_key_after_every_try_is_a_clear_failure(string shell)
    {
        _hook.FailFirst("keys", 99);

        var run = Run(shell);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Equal(12, _hook.Calls("functionapp keys list").Count);
        Assert.Contains("no blobs_extension key after 12 tries", run.Output, StringComparison.Ordinal);
        Assert.Contains("azd hooks run postdeploy", run.Output, StringComparison.Ordinal);
        Assert.Empty(_hook.Calls($"{Subscriptions} create"));
    }

    [Theory]
    [MemberData(nameof(Shells))]
    public void Withdrawal_can_use_the_event_grid_extension_webhook_instead(string shell)
    {
        var run = Run(shell, ("WITHDRAW_ENDPOINT_TYPE", "webhook"));

        Assert.True(run.ExitCode == 0, run.Output);
        AssertSubscription(_hook.Calls($"{Subscriptions} create"), "minutes-uploads-deleted", "Microsoft.Storage.BlobDeleted", "uploads", "webhook",
            $"https://{HookHarness.AppHost}/runtime/webhooks/eventgrid?functionName=WithdrawUpload&code={HookHarness.BlobsKey}");
        Assert.Contains(_hook.Calls("functionapp keys list"), c => c.Value("--query") == "systemKeys.eventgrid_extension");
    }

    [Theory]
    [MemberData(nameof(Shells))]
    public void Missing_azd_values_are_named(string shell)
    {
        foreach (var name in new[] { "AZURE_EVENTGRID_SYSTEM_TOPIC_NAME", "MAX_UPLOAD_BYTES" })
        {
            var run = Run(shell, (name, null));

            Assert.NotEqual(0, run.ExitCode);
            Assert.Contains($"{name} is not set", run.Output, StringComparison.Ordinal);
        }

        Assert.Empty(_hook.Calls($"{Subscriptions} create"));
    }

    [Theory]
    [MemberData(nameof(Shells))]
    public void An_existing_language_account_without_its_role_gets_the_grant_command_printed(string shell)
    {
        const string Account = "/subscriptions/9999/resourceGroups/rg-lang/providers/Microsoft.CognitiveServices/accounts/lang-ward";
        var run = Run(shell, ("LANGUAGE_MODE", "existing"), ("LANGUAGE_ROLE_ASSIGNED", "false"), ("AZURE_FUNCTION_APP_PRINCIPAL_ID", "1111-2222"), ("LANGUAGE_EXISTING_RESOURCE_ID", Account));

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains($"az role assignment create --role \"Cognitive Services User\" --assignee-object-id 1111-2222 --assignee-principal-type ServicePrincipal --scope {Account}", run.Output, StringComparison.Ordinal);

        var granted = Run(shell, ("LANGUAGE_MODE", "existing"), ("LANGUAGE_ROLE_ASSIGNED", "true"));
        Assert.DoesNotContain("az role assignment create", granted.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Host_allows_the_nightly_run_thirty_minutes()
    {
        var host = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(InfraPaths.Root, "host.json")))!;
        Assert.Equal("00:30:00", host["functionTimeout"]!.GetValue<string>());
    }

    private static string BlobWebhook(string function) =>
        $"https://{HookHarness.AppHost}/runtime/webhooks/blobs?functionName=Host.Functions.{function}&code={HookHarness.BlobsKey}";

    private static void AssertSubscription(IReadOnlyList<HookHarness.Call> calls, string name, string eventType, string container, string endpointType, string endpoint)
    {
        var call = Assert.Single(calls, c => c.Value("-n") == name);
        Assert.Equal(eventType, call.Value("--included-event-types"));
        Assert.Equal($"/blobServices/default/containers/{container}/", call.Value("--subject-begins-with"));
        Assert.Equal(endpointType, call.Value("--endpoint-type"));
        // Given as @file, read by az; the file holds exactly the URL (no newline).
        Assert.StartsWith("@", call.Arguments[call.Arguments.ToList().IndexOf("--endpoint") + 1], StringComparison.Ordinal);
        Assert.Equal(endpoint, call.Value("--endpoint"));
    }

    private (int ExitCode, string Output) Run(string shell, params (string Name, string? Value)[] extra)
    {
        var environment = new Dictionary<string, string?>
        {
            ["POSTDEPLOY_BACKOFF_SECONDS"] = "0",
            ["AZURE_SUBSCRIPTION_ID"] = "0000",
            ["AZURE_RESOURCE_GROUP"] = "rg-test",
            ["AZURE_FUNCTION_APP_NAME"] = "func-test",
            ["AZURE_EVENTGRID_SYSTEM_TOPIC_NAME"] = "evgt-test",
            ["MAX_UPLOAD_BYTES"] = "33554432",
            ["WITHDRAW_ENDPOINT_TYPE"] = null,
        };
        foreach (var (name, value) in extra)
        {
            environment[name] = value;
        }

        return _hook.Run(shell, "postdeploy", environment);
    }

    // What cmd.exe acts on in an argument to a batch file (and what makes PowerShell add quotes).
    [GeneratedRegex("""[\s&|<>^%!"()]""")]
    private static partial Regex CmdUnsafe();
}
