#!/usr/bin/env sh
# azd postdeploy hook: subscribes the deployed functions to the minutes storage account's blob
# events. It runs after the code is deployed because the blob webhook URL embeds the
# blobs_extension system key, which the Functions host creates only once it has started with a
# blob-triggered function. Idempotent: re-running updates the subscriptions in place.
#
# Needs: Azure CLI (`az login` into the same tenant as azd), and the azd environment values
# AZURE_SUBSCRIPTION_ID, AZURE_RESOURCE_GROUP, AZURE_FUNCTION_APP_NAME,
# AZURE_EVENTGRID_SYSTEM_TOPIC_NAME (azd exports them to hooks; run by hand with
# `azd env get-values` loaded into the environment).
set -eu

fail() { printf 'postdeploy: %s\n' "$*" >&2; exit 1; }
say() { printf 'postdeploy: %s\n' "$*" >&2; }

for v in AZURE_SUBSCRIPTION_ID AZURE_RESOURCE_GROUP AZURE_FUNCTION_APP_NAME AZURE_EVENTGRID_SYSTEM_TOPIC_NAME; do
  eval "val=\${$v:-}"
  [ -n "$val" ] || fail "$v is not set (run through azd, or export the values of 'azd env get-values')"
done
command -v az >/dev/null 2>&1 || fail "the Azure CLI (az) is required"
az account show --subscription "$AZURE_SUBSCRIPTION_ID" >/dev/null 2>&1 \
  || fail "the Azure CLI is not signed in to subscription $AZURE_SUBSCRIPTION_ID (run 'az login')"

sub=$AZURE_SUBSCRIPTION_ID
rg=$AZURE_RESOURCE_GROUP
app=$AZURE_FUNCTION_APP_NAME
topic=$AZURE_EVENTGRID_SYSTEM_TOPIC_NAME

app_host=$(az functionapp show --subscription "$sub" -g "$rg" -n "$app" --query defaultHostName -o tsv) \
  || fail "function app $app not found in $rg"
app_id=$(az functionapp show --subscription "$sub" -g "$rg" -n "$app" --query id -o tsv)

# The host registers the functions and creates the extension keys when it first starts after a
# deployment; a request to the site wakes an instance if none is running. Wait up to ~5 minutes.
poll_seconds=${POSTDEPLOY_POLL_SECONDS:-10}
wait_for_key() { # $1 = system key name
  i=0
  while [ $i -lt 30 ]; do
    key=$(az functionapp keys list --subscription "$sub" -g "$rg" -n "$app" \
      --query "systemKeys.$1" -o tsv 2>/dev/null || true)
    if [ -n "$key" ] && [ "$key" != "None" ]; then printf '%s' "$key"; return 0; fi
    [ $i -eq 0 ] && say "waiting for the $1 system key (the host creates it on start)"
    curl -fsS -o /dev/null --max-time 10 "https://$app_host/" 2>/dev/null || true
    i=$((i + 1)); sleep "$poll_seconds"
  done
  return 1
}

require_function() { # $1 = function name
  az functionapp function show --subscription "$sub" -g "$rg" -n "$app" --function-name "$1" \
    --query name -o tsv >/dev/null 2>&1 \
    || fail "function $1 is not deployed to $app (check the package: scripts/package-functions.sh)"
}

# Delivery settings of every subscription, applied on create and re-applied on update (a
# subscription changed by hand or made by an older version of this hook is put right).
max_delivery_attempts=30
event_ttl_minutes=1440

# Create, or update in place, one subscription on the system topic.
# $1 name, $2 event type, $3 container, $4 endpoint type, $5 endpoint
subscribe() {
  filter="/blobServices/default/containers/$3/"
  if az eventgrid system-topic event-subscription show --subscription "$sub" -g "$rg" \
       --system-topic-name "$topic" -n "$1" --query name -o tsv >/dev/null 2>&1; then
    say "updating subscription $1 ($2 on $3/)"
    az eventgrid system-topic event-subscription update --subscription "$sub" -g "$rg" \
      --system-topic-name "$topic" -n "$1" \
      --endpoint-type "$4" --endpoint "$5" \
      --included-event-types "$2" --subject-begins-with "$filter" -o none
    # `event-subscription update` has no --max-delivery-attempts/--event-ttl: the retry policy is
    # set with the resource's own PATCH (ARM path; az rest adds the cloud's endpoint and token).
    az rest --method patch \
      --url "/subscriptions/$sub/resourceGroups/$rg/providers/Microsoft.EventGrid/systemTopics/$topic/eventSubscriptions/$1?api-version=2025-02-15" \
      --body "{\"retryPolicy\":{\"maxDeliveryAttempts\":$max_delivery_attempts,\"eventTimeToLiveInMinutes\":$event_ttl_minutes}}" \
      -o none
  else
    say "creating subscription $1 ($2 on $3/)"
    az eventgrid system-topic event-subscription create --subscription "$sub" -g "$rg" \
      --system-topic-name "$topic" -n "$1" \
      --endpoint-type "$4" --endpoint "$5" \
      --included-event-types "$2" --subject-begins-with "$filter" \
      --event-delivery-schema eventgridschema \
      --max-delivery-attempts "$max_delivery_attempts" --event-ttl "$event_ttl_minutes" -o none
  fi
}

for f in NormalizeUpload RedactDocument RenderDocument WithdrawUpload; do require_function "$f"; done

blobs_key=$(wait_for_key blobs_extension) \
  || fail "no blobs_extension key after 30 tries: is the app running? (portal: Function App > Log stream)"

# Blob triggers with "source": "EventGrid": WebHook to the host's blob extension endpoint (the
# AzureFunction endpoint type only reaches eventGridTrigger functions).
blob_webhook() { printf 'https://%s/runtime/webhooks/blobs?functionName=Host.Functions.%s&code=%s' "$app_host" "$1" "$blobs_key"; }
subscribe minutes-uploads-created    Microsoft.Storage.BlobCreated uploads    webhook "$(blob_webhook NormalizeUpload)"
subscribe minutes-normalized-created Microsoft.Storage.BlobCreated normalized webhook "$(blob_webhook RedactDocument)"
subscribe minutes-redacted-created   Microsoft.Storage.BlobCreated redacted   webhook "$(blob_webhook RenderDocument)"

# WithdrawUpload is an eventGridTrigger function: the AzureFunction endpoint type delivers to it by
# resource id, so no key is copied into the subscription. WITHDRAW_ENDPOINT_TYPE=webhook switches
# to the documented equivalent, the Event Grid extension webhook with its system key.
case ${WITHDRAW_ENDPOINT_TYPE:-azurefunction} in
  azurefunction)
    subscribe minutes-uploads-deleted Microsoft.Storage.BlobDeleted uploads azurefunction "$app_id/functions/WithdrawUpload" ;;
  webhook)
    eventgrid_key=$(wait_for_key eventgrid_extension) || fail "no eventgrid_extension key after 30 tries"
    subscribe minutes-uploads-deleted Microsoft.Storage.BlobDeleted uploads webhook \
      "https://$app_host/runtime/webhooks/eventgrid?functionName=WithdrawUpload&code=$eventgrid_key" ;;
  *) fail "WITHDRAW_ENDPOINT_TYPE must be azurefunction or webhook, not '$WITHDRAW_ENDPOINT_TYPE'" ;;
esac

say "Event Grid subscriptions are in place on $topic"
