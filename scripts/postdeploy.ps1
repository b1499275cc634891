# azd postdeploy hook (Windows): the same steps as postdeploy.sh. Subscribes the deployed functions
# to the minutes storage account's blob events once the host has created its extension keys, with
# bounded retries and back-off; idempotent. Needs the Azure CLI signed in (az login) and PowerShell 7.
#
# Quoting: on Windows `az` is az.cmd, a batch file, so every argument passes through cmd.exe, which
# splits an unquoted argument at & | < > ^ and expands %...%, and PowerShell quotes an argument only
# when it holds a space. So no value that could hold such a character goes on az's command line:
# the webhook URLs (`...&code=<key>`) and JSON bodies are written to files and passed as `@file`,
# which the Azure CLI reads for any argument, and Invoke-Az refuses any argument that cmd.exe could
# misread before az is started.
$ErrorActionPreference = 'Stop'

# The message alone on stderr (no PowerShell error record around it), and exit code 1; a pending
# finally block (the argument files) still runs.
function Stop-Hook([string] $message) { [Console]::Error.WriteLine("postdeploy: $message"); exit 1 }
function Write-Step([string] $message) { Write-Host "postdeploy: $message" }

# Characters cmd.exe would act on (or that make PowerShell add quotes): none may reach az.cmd.
$cmdUnsafe = '[\s&|<>^%!"()]'

# The only way this script starts az (a plain function: its arguments, '-o' included, arrive in
# $args as they were written). Returns az's standard output lines; $LASTEXITCODE is az's.
function Invoke-Az {
    foreach ($argument in $args) {
        if ("$argument" -match $cmdUnsafe) { Stop-Hook "refusing to pass '$argument' to az: cmd.exe would split or expand it" }
    }
    & az @args
}

foreach ($v in 'AZURE_SUBSCRIPTION_ID', 'AZURE_RESOURCE_GROUP', 'AZURE_FUNCTION_APP_NAME', 'AZURE_EVENTGRID_SYSTEM_TOPIC_NAME', 'MAX_UPLOAD_BYTES') {
    if (-not [Environment]::GetEnvironmentVariable($v)) { Stop-Hook "$v is not set (run through azd after 'azd provision', or 'azd hooks run postdeploy')" }
}
if ($env:MAX_UPLOAD_BYTES -notmatch '^[0-9]+$') { Stop-Hook "MAX_UPLOAD_BYTES must be a number of bytes, not '$($env:MAX_UPLOAD_BYTES)'" }
$sub = $env:AZURE_SUBSCRIPTION_ID
$rg = $env:AZURE_RESOURCE_GROUP
$app = $env:AZURE_FUNCTION_APP_NAME
$topic = $env:AZURE_EVENTGRID_SYSTEM_TOPIC_NAME
$maxUploadBytes = $env:MAX_UPLOAD_BYTES
if (-not (Get-Command az -ErrorAction SilentlyContinue)) { Stop-Hook 'the Azure CLI (az) is required' }

Invoke-Az account show --subscription $sub -o none *> $null
if ($LASTEXITCODE -ne 0) { Stop-Hook "the Azure CLI is not signed in to subscription $sub (run 'az login')" }

$appHost = Invoke-Az functionapp show --subscription $sub -g $rg -n $app --query defaultHostName -o tsv
if ($LASTEXITCODE -ne 0 -or -not $appHost) { Stop-Hook "function app $app not found in $rg (run 'azd provision')" }
$appId = Invoke-Az functionapp show --subscription $sub -g $rg -n $app --query id -o tsv
$byHand = "once the app answers at https://$appHost/, run by hand: azd hooks run postdeploy"

# Files handed to az as @file, in a folder whose relative path holds only letters, digits, '.', '-'
# and '/' (az reads it relative to this hook's working folder).
$workName = '.postdeploy-' + [guid]::NewGuid().ToString('N').Substring(0, 12)
$work = New-Item -ItemType Directory -Path (Join-Path (Get-Location) $workName)
function Write-ArgumentFile([string] $name, [string] $content) {
    Set-Content -LiteralPath (Join-Path $work $name) -Value $content -NoNewline -Encoding utf8NoBOM
    "@$workName/$name"
}

# Seconds to wait before attempt $attempt + 1: base, 2 x base, 4 x base ... at most 60 (base 5).
function Get-Backoff([int] $attempt) {
    $seconds = if ($env:POSTDEPLOY_BACKOFF_SECONDS) { [int] $env:POSTDEPLOY_BACKOFF_SECONDS } else { 5 }
    for ($i = 1; $i -lt $attempt -and $seconds -lt 60; $i++) { $seconds *= 2 }
    [Math]::Min($seconds, 60)
}

# A request to the site wakes an instance if none runs.
function Wait-Next([int] $attempt) {
    try { Invoke-WebRequest -Uri "https://$appHost/" -TimeoutSec 10 -UseBasicParsing | Out-Null } catch { }
    Start-Sleep -Seconds (Get-Backoff $attempt)
}

# 1. The functions Event Grid will call are listed by the host.
$functionsAttempts = 8
function Wait-Functions([string[]] $names) {
    for ($n = 1; ; $n++) {
        $listed = @(Invoke-Az functionapp function list --subscription $sub -g $rg -n $app --query '[].name' -o tsv 2>$null)
        $missing = @($names | Where-Object { $name = $_; -not ($listed | Where-Object { $_ -eq $name -or $_.EndsWith("/$name") }) })
        if ($missing.Count -eq 0) { return }
        if ($n -ge $functionsAttempts) { Stop-Hook "after $n tries these functions are still not listed on ${app}: $($missing -join ' '). Check the package (sh scripts/package-functions.sh) and the app's log stream; then, $byHand" }
        if ($n -eq 1) { Write-Step "waiting for the host to list $($missing -join ' ')" }
        Wait-Next $n
    }
}

# 2. A system key, created by the host on its first start after the deploy.
$keyAttempts = 12
function Wait-Key([string] $keyName) {
    for ($n = 1; ; $n++) {
        $key = Invoke-Az functionapp keys list --subscription $sub -g $rg -n $app --query "systemKeys.$keyName" -o tsv 2>$null
        if ($LASTEXITCODE -eq 0 -and $key -and $key -ne 'None') { return "$key".Trim() }
        if ($n -ge $keyAttempts) { Stop-Hook "no $keyName key after $n tries: is the app running? (portal: Function App > Log stream); $byHand" }
        if ($n -eq 1) { Write-Step "waiting for the $keyName system key (the host creates it on start)" }
        Wait-Next $n
    }
}

# 3. Create, or update in place, one subscription; retried, because Event Grid validates a webhook on
# create and update and a cold or still-starting host can miss that.
$subscribeAttempts = 5
$retryPolicy = Write-ArgumentFile 'retry-policy.json' '{"retryPolicy":{"maxDeliveryAttempts":30,"eventTimeToLiveInMinutes":1440}}'
$failed = [System.Collections.Generic.List[string]]::new()
function Set-Subscription([string] $name, [string] $eventType, [string] $container, [string] $endpointType, [string] $endpoint, [string[]] $extra = @()) {
    $filter = "/blobServices/default/containers/$container/"
    $endpointFile = Write-ArgumentFile "$name.endpoint" $endpoint
    for ($n = 1; ; $n++) {
        Invoke-Az eventgrid system-topic event-subscription show --subscription $sub -g $rg --system-topic-name $topic -n $name --query name -o tsv *> $null
        if ($LASTEXITCODE -eq 0) {
            Write-Step "updating subscription $name ($eventType on $container/)"
            Invoke-Az eventgrid system-topic event-subscription update --subscription $sub -g $rg --system-topic-name $topic -n $name `
                --endpoint-type $endpointType --endpoint $endpointFile --included-event-types $eventType --subject-begins-with $filter @extra -o none
            if ($LASTEXITCODE -eq 0) {
                # `update` has no --max-delivery-attempts/--event-ttl: re-apply create's retry policy with the resource's PATCH.
                Invoke-Az rest --method patch --url "/subscriptions/$sub/resourceGroups/$rg/providers/Microsoft.EventGrid/systemTopics/$topic/eventSubscriptions/${name}?api-version=2025-02-15" `
                    --body $retryPolicy -o none
            }
        } else {
            Write-Step "creating subscription $name ($eventType on $container/)"
            Invoke-Az eventgrid system-topic event-subscription create --subscription $sub -g $rg --system-topic-name $topic -n $name `
                --endpoint-type $endpointType --endpoint $endpointFile --included-event-types $eventType --subject-begins-with $filter @extra `
                --event-delivery-schema eventgridschema --max-delivery-attempts 30 --event-ttl 1440 -o none
        }
        if ($LASTEXITCODE -eq 0) { return }
        if ($n -ge $subscribeAttempts) { Write-Step "giving up on subscription $name after $n tries"; $failed.Add($name); return }
        Write-Step "subscription $name failed (try $n of $subscribeAttempts); waking the app and trying again"
        Wait-Next $n
    }
}

try {
    Wait-Functions @('NormalizeUpload', 'RedactDocument', 'RenderDocument', 'WithdrawUpload')
    $blobsKey = Wait-Key 'blobs_extension'

    # Blob triggers with "source": "EventGrid": WebHook to the host's blob extension endpoint.
    function Get-BlobWebhook([string] $function) { "https://$appHost/runtime/webhooks/blobs?functionName=Host.Functions.$function&code=$blobsKey" }
    # Uploads larger than the pipeline reads are never delivered; the nightly run reports them.
    Set-Subscription 'minutes-uploads-created' 'Microsoft.Storage.BlobCreated' 'uploads' 'webhook' (Get-BlobWebhook 'NormalizeUpload') `
        @('--advanced-filter', 'data.contentLength', 'NumberLessThanOrEquals', $maxUploadBytes)
    Set-Subscription 'minutes-normalized-created' 'Microsoft.Storage.BlobCreated' 'normalized' 'webhook' (Get-BlobWebhook 'RedactDocument')
    Set-Subscription 'minutes-redacted-created' 'Microsoft.Storage.BlobCreated' 'redacted' 'webhook' (Get-BlobWebhook 'RenderDocument')

    # WithdrawUpload is an eventGridTrigger: addressed by resource id (no key copied), or with
    # WITHDRAW_ENDPOINT_TYPE=webhook through the Event Grid extension webhook and its system key.
    switch ($(if ($env:WITHDRAW_ENDPOINT_TYPE) { $env:WITHDRAW_ENDPOINT_TYPE } else { 'azurefunction' })) {
        'azurefunction' {
            Set-Subscription 'minutes-uploads-deleted' 'Microsoft.Storage.BlobDeleted' 'uploads' 'azurefunction' "$appId/functions/WithdrawUpload"
        }
        'webhook' {
            $eventGridKey = Wait-Key 'eventgrid_extension'
            Set-Subscription 'minutes-uploads-deleted' 'Microsoft.Storage.BlobDeleted' 'uploads' 'webhook' "https://$appHost/runtime/webhooks/eventgrid?functionName=WithdrawUpload&code=$eventGridKey"
        }
        default { Stop-Hook "WITHDRAW_ENDPOINT_TYPE must be azurefunction or webhook, not '$($env:WITHDRAW_ENDPOINT_TYPE)'" }
    }
} finally {
    Remove-Item -LiteralPath $work -Recurse -Force -ErrorAction SilentlyContinue
}

if ($failed.Count -gt 0) { Stop-Hook "these subscriptions are not in place: $($failed -join ' ') (Event Grid could not validate the webhook); $byHand" }

if ($env:LANGUAGE_MODE -eq 'existing' -and $env:LANGUAGE_ROLE_ASSIGNED -ne 'true') {
    $principal = if ($env:AZURE_FUNCTION_APP_PRINCIPAL_ID) { $env:AZURE_FUNCTION_APP_PRINCIPAL_ID } else { '<app identity principal id>' }
    $scope = if ($env:LANGUAGE_EXISTING_RESOURCE_ID) { $env:LANGUAGE_EXISTING_RESOURCE_ID } else { '<Language account resource id>' }
    Write-Step 'the app needs Cognitive Services User on the Language account; someone with rights there runs:'
    Write-Step "  az role assignment create --role `"Cognitive Services User`" --assignee-object-id $principal --assignee-principal-type ServicePrincipal --scope $scope"
}
Write-Step "Event Grid subscriptions are in place on $topic (uploads over $maxUploadBytes bytes are left to the nightly run's quarantine report)"
