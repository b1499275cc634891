# azd postdeploy hook (Windows): same steps as postdeploy.sh. Subscribes the deployed functions to
# the minutes storage account's blob events once the host has created its extension keys.
# Idempotent: re-running updates the subscriptions in place. Needs the Azure CLI signed in (az login).
$ErrorActionPreference = 'Stop'

foreach ($v in 'AZURE_SUBSCRIPTION_ID', 'AZURE_RESOURCE_GROUP', 'AZURE_FUNCTION_APP_NAME', 'AZURE_EVENTGRID_SYSTEM_TOPIC_NAME') {
    if (-not [Environment]::GetEnvironmentVariable($v)) { throw "postdeploy: $v is not set (run through azd)" }
}
$sub = $env:AZURE_SUBSCRIPTION_ID
$rg = $env:AZURE_RESOURCE_GROUP
$app = $env:AZURE_FUNCTION_APP_NAME
$topic = $env:AZURE_EVENTGRID_SYSTEM_TOPIC_NAME

az account show --subscription $sub -o none
if ($LASTEXITCODE -ne 0) { throw "postdeploy: the Azure CLI is not signed in to $sub (run 'az login')" }

$appHost = az functionapp show --subscription $sub -g $rg -n $app --query defaultHostName -o tsv
if ($LASTEXITCODE -ne 0) { throw "postdeploy: function app $app not found in $rg" }
$appId = az functionapp show --subscription $sub -g $rg -n $app --query id -o tsv

foreach ($f in 'NormalizeUpload', 'RedactDocument', 'RenderDocument', 'WithdrawUpload') {
    az functionapp function show --subscription $sub -g $rg -n $app --function-name $f --query name -o tsv *> $null
    if ($LASTEXITCODE -ne 0) { throw "postdeploy: function $f is not deployed to $app" }
}

$blobsKey = $null
for ($i = 0; $i -lt 30 -and -not $blobsKey; $i++) {
    $blobsKey = az functionapp keys list --subscription $sub -g $rg -n $app --query systemKeys.blobs_extension -o tsv 2>$null
    if (-not $blobsKey) {
        try { Invoke-WebRequest -Uri "https://$appHost/" -TimeoutSec 10 -UseBasicParsing | Out-Null } catch { }
        Start-Sleep -Seconds 10
    }
}
if (-not $blobsKey) { throw "postdeploy: no blobs_extension key after 5 minutes: is the app running?" }

function Set-Subscription($name, $eventType, $container, $endpointType, $endpoint) {
    $filter = "/blobServices/default/containers/$container/"
    az eventgrid system-topic event-subscription show --subscription $sub -g $rg --system-topic-name $topic -n $name -o none 2>$null
    if ($LASTEXITCODE -eq 0) {
        Write-Host "postdeploy: updating subscription $name ($eventType on $container/)"
        az eventgrid system-topic event-subscription update --subscription $sub -g $rg --system-topic-name $topic -n $name `
            --endpoint-type $endpointType --endpoint $endpoint --included-event-types $eventType --subject-begins-with $filter -o none
        if ($LASTEXITCODE -ne 0) { throw "postdeploy: could not update subscription $name" }
        # `update` has no --max-delivery-attempts/--event-ttl: re-apply create's retry policy with
        # the resource's PATCH (body from a file: PowerShell mangles quotes in native arguments).
        $body = New-TemporaryFile
        Set-Content -Path $body -Value '{"retryPolicy":{"maxDeliveryAttempts":30,"eventTimeToLiveInMinutes":1440}}' -NoNewline
        az rest --method patch --url "/subscriptions/$sub/resourceGroups/$rg/providers/Microsoft.EventGrid/systemTopics/$topic/eventSubscriptions/${name}?api-version=2025-02-15" `
            --body "@$body" -o none
        Remove-Item $body
    } else {
        Write-Host "postdeploy: creating subscription $name ($eventType on $container/)"
        az eventgrid system-topic event-subscription create --subscription $sub -g $rg --system-topic-name $topic -n $name `
            --endpoint-type $endpointType --endpoint $endpoint --included-event-types $eventType --subject-begins-with $filter `
            --event-delivery-schema eventgridschema --max-delivery-attempts 30 --event-ttl 1440 -o none
    }
    if ($LASTEXITCODE -ne 0) { throw "postdeploy: could not create or update subscription $name" }
}

function Get-BlobWebhook($function) { "https://$appHost/runtime/webhooks/blobs?functionName=Host.Functions.$function&code=$blobsKey" }
Set-Subscription 'minutes-uploads-created' 'Microsoft.Storage.BlobCreated' 'uploads' 'webhook' (Get-BlobWebhook 'NormalizeUpload')
Set-Subscription 'minutes-normalized-created' 'Microsoft.Storage.BlobCreated' 'normalized' 'webhook' (Get-BlobWebhook 'RedactDocument')
Set-Subscription 'minutes-redacted-created' 'Microsoft.Storage.BlobCreated' 'redacted' 'webhook' (Get-BlobWebhook 'RenderDocument')
# WithdrawUpload is an eventGridTrigger: addressed by resource id (no key copied), or with
# WITHDRAW_ENDPOINT_TYPE=webhook through the Event Grid extension webhook and its system key.
switch ($(if ($env:WITHDRAW_ENDPOINT_TYPE) { $env:WITHDRAW_ENDPOINT_TYPE } else { 'azurefunction' })) {
    'azurefunction' {
        Set-Subscription 'minutes-uploads-deleted' 'Microsoft.Storage.BlobDeleted' 'uploads' 'azurefunction' "$appId/functions/WithdrawUpload"
    }
    'webhook' {
        $eventGridKey = az functionapp keys list --subscription $sub -g $rg -n $app --query systemKeys.eventgrid_extension -o tsv
        if (-not $eventGridKey) { throw "postdeploy: no eventgrid_extension key" }
        Set-Subscription 'minutes-uploads-deleted' 'Microsoft.Storage.BlobDeleted' 'uploads' 'webhook' "https://$appHost/runtime/webhooks/eventgrid?functionName=WithdrawUpload&code=$eventGridKey"
    }
    default { throw "postdeploy: WITHDRAW_ENDPOINT_TYPE must be azurefunction or webhook" }
}
Write-Host "postdeploy: Event Grid subscriptions are in place on $topic"
