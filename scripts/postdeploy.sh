#!/usr/bin/env sh
# azd postdeploy hook: subscribes the deployed functions to the minutes storage account's blob
# events. It runs after the code is deployed because the blob webhook URL embeds the
# blobs_extension system key, which the Functions host creates only once it has started with a
# blob-triggered function. Idempotent: re-running updates the subscriptions in place.
#
# Every step that waits on the platform (the functions being listed, the key, the subscription
# create or update, whose webhook validation handshake can meet a cold instance) is retried with
# back-off a bounded number of times; when one gives up, the message names what to run by hand.
# Webhook URLs carry the key, so they are handed to az in a file (`--endpoint @file`, which the
# Azure CLI reads for any argument): the key never appears on a command line.
#
# Needs: Azure CLI (`az login` into the same tenant as azd), and the azd environment values
# AZURE_SUBSCRIPTION_ID, AZURE_RESOURCE_GROUP, AZURE_FUNCTION_APP_NAME,
# AZURE_EVENTGRID_SYSTEM_TOPIC_NAME, MAX_UPLOAD_BYTES (azd exports them to hooks; by hand:
# `azd hooks run postdeploy`).
set -eu

fail() { printf 'postdeploy: %s\n' "$*" >&2; exit 1; }
say() { printf 'postdeploy: %s\n' "$*" >&2; }

for v in AZURE_SUBSCRIPTION_ID AZURE_RESOURCE_GROUP AZURE_FUNCTION_APP_NAME AZURE_EVENTGRID_SYSTEM_TOPIC_NAME MAX_UPLOAD_BYTES; do
  eval "val=\${$v:-}"
  [ -n "$val" ] || fail "$v is not set (run through azd after 'azd provision', or 'azd hooks run postdeploy')"
done
case $MAX_UPLOAD_BYTES in *[!0-9]*) fail "MAX_UPLOAD_BYTES must be a number of bytes, not '$MAX_UPLOAD_BYTES'" ;; esac
command -v az >/dev/null 2>&1 || fail "the Azure CLI (az) is required"
az account show --subscription "$AZURE_SUBSCRIPTION_ID" >/dev/null 2>&1 \
  || fail "the Azure CLI is not signed in to subscription $AZURE_SUBSCRIPTION_ID (run 'az login')"

sub=$AZURE_SUBSCRIPTION_ID
rg=$AZURE_RESOURCE_GROUP
app=$AZURE_FUNCTION_APP_NAME
topic=$AZURE_EVENTGRID_SYSTEM_TOPIC_NAME

work=$(mktemp -d "${TMPDIR:-/tmp}/postdeploy.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM

app_host=$(az functionapp show --subscription "$sub" -g "$rg" -n "$app" --query defaultHostName -o tsv) \
  || fail "function app $app not found in $rg (run 'azd provision')"
app_id=$(az functionapp show --subscription "$sub" -g "$rg" -n "$app" --query id -o tsv)
by_hand="once the app answers at https://$app_host/, run by hand: azd hooks run postdeploy"

# Seconds to wait before attempt $1 + 1: base, 2 x base, 4 x base ... at most 60 (base 5 by default).
backoff() {
  s=${POSTDEPLOY_BACKOFF_SECONDS:-5}; i=1
  while [ "$i" -lt "$1" ] && [ "$s" -lt 60 ]; do s=$((s * 2)); i=$((i + 1)); done
  [ "$s" -gt 60 ] && s=60
  printf '%s' "$s"
}

# A request to the site wakes an instance if none runs (the host then syncs its functions, creates
# its keys and can answer Event Grid's validation handshake).
wake() { curl -fsS -o /dev/null --max-time 10 "https://$app_host/" >/dev/null 2>&1 || true; }

# 1. The functions Event Grid will call are listed by the host (it syncs them after the deploy).
functions_attempts=8
wait_for_functions() { # $@ = function names
  n=1
  while :; do
    listed=$(az functionapp function list --subscription "$sub" -g "$rg" -n "$app" --query "[].name" -o tsv 2>/dev/null || true)
    missing=""
    for f in "$@"; do
      printf '%s\n' "$listed" | grep -Eq "(^|/)$f\$" || missing="$missing $f"
    done
    [ -z "$missing" ] && return 0
    [ "$n" -ge "$functions_attempts" ] && fail "after $n tries these functions are still not listed on $app:$missing. Check the package (sh scripts/package-functions.sh) and the app's log stream; then, $by_hand"
    [ "$n" -eq 1 ] && say "waiting for the host to list$missing"
    wake; sleep "$(backoff "$n")"; n=$((n + 1))
  done
}

# 2. A system key, which the host creates on its first start after the deploy.
key_attempts=12
wait_for_key() { # $1 = system key name
  n=1
  while :; do
    key=$(az functionapp keys list --subscription "$sub" -g "$rg" -n "$app" --query "systemKeys.$1" -o tsv 2>/dev/null || true)
    if [ -n "$key" ] && [ "$key" != "None" ]; then printf '%s' "$key"; return 0; fi
    [ "$n" -ge "$key_attempts" ] && return 1
    [ "$n" -eq 1 ] && say "waiting for the $1 system key (the host creates it on start)"
    wake; sleep "$(backoff "$n")"; n=$((n + 1))
  done
}

# Delivery settings of every subscription, applied on create and re-applied on update (a
# subscription changed by hand or made by an older version of this hook is put right).
max_delivery_attempts=30
event_ttl_minutes=1440

# 3. Create, or update in place, one subscription on the system topic; retried, because Event Grid
# validates a webhook on create and update and a cold or still-starting host can miss that.
# $1 name, $2 event type, $3 container, $4 endpoint type, $5 endpoint, $6... extra az arguments
subscribe_attempts=5
failed_subscriptions=""
subscribe() {
  name=$1 event=$2 container=$3 endpoint_type=$4
  printf '%s' "$5" > "$work/$name.endpoint"
  shift 5
  filter="/blobServices/default/containers/$container/"
  n=1
  while :; do
    if az eventgrid system-topic event-subscription show --subscription "$sub" -g "$rg" \
         --system-topic-name "$topic" -n "$name" --query name -o tsv >/dev/null 2>&1; then
      say "updating subscription $name ($event on $container/)"
      # `update` has no --max-delivery-attempts/--event-ttl: the retry policy is set with the
      # resource's own PATCH (ARM path; az rest adds the cloud's endpoint and token).
      if az eventgrid system-topic event-subscription update --subscription "$sub" -g "$rg" \
           --system-topic-name "$topic" -n "$name" \
           --endpoint-type "$endpoint_type" --endpoint "@$work/$name.endpoint" \
           --included-event-types "$event" --subject-begins-with "$filter" "$@" -o none \
         && az rest --method patch \
           --url "/subscriptions/$sub/resourceGroups/$rg/providers/Microsoft.EventGrid/systemTopics/$topic/eventSubscriptions/$name?api-version=2025-02-15" \
           --body "{\"retryPolicy\":{\"maxDeliveryAttempts\":$max_delivery_attempts,\"eventTimeToLiveInMinutes\":$event_ttl_minutes}}" \
           -o none; then
        return 0
      fi
    else
      say "creating subscription $name ($event on $container/)"
      if az eventgrid system-topic event-subscription create --subscription "$sub" -g "$rg" \
           --system-topic-name "$topic" -n "$name" \
           --endpoint-type "$endpoint_type" --endpoint "@$work/$name.endpoint" \
           --included-event-types "$event" --subject-begins-with "$filter" "$@" \
           --event-delivery-schema eventgridschema \
           --max-delivery-attempts "$max_delivery_attempts" --event-ttl "$event_ttl_minutes" -o none; then
        return 0
      fi
    fi
    if [ "$n" -ge "$subscribe_attempts" ]; then
      say "giving up on subscription $name after $n tries"
      failed_subscriptions="$failed_subscriptions $name"
      return 0
    fi
    say "subscription $name failed (try $n of $subscribe_attempts); waking the app and trying again"
    wake; sleep "$(backoff "$n")"; n=$((n + 1))
  done
}

wait_for_functions NormalizeUpload RedactDocument RenderDocument WithdrawUpload

blobs_key=$(wait_for_key blobs_extension) \
  || fail "no blobs_extension key after $key_attempts tries: is the app running? (portal: Function App > Log stream); $by_hand"

# Blob triggers with "source": "EventGrid": WebHook to the host's blob extension endpoint (the
# AzureFunction endpoint type only reaches eventGridTrigger functions).
blob_webhook() { printf 'https://%s/runtime/webhooks/blobs?functionName=Host.Functions.%s&code=%s' "$app_host" "$1" "$blobs_key"; }
# Uploads larger than the pipeline reads are never delivered: the host would load them whole (and
# base64 them) before the handler could refuse. The nightly run reports them in quarantine/.
subscribe minutes-uploads-created    Microsoft.Storage.BlobCreated uploads    webhook "$(blob_webhook NormalizeUpload)" \
  --advanced-filter data.contentLength NumberLessThanOrEquals "$MAX_UPLOAD_BYTES"
subscribe minutes-normalized-created Microsoft.Storage.BlobCreated normalized webhook "$(blob_webhook RedactDocument)"
subscribe minutes-redacted-created   Microsoft.Storage.BlobCreated redacted   webhook "$(blob_webhook RenderDocument)"

# WithdrawUpload is an eventGridTrigger function: the AzureFunction endpoint type delivers to it by
# resource id, so no key is copied into the subscription. WITHDRAW_ENDPOINT_TYPE=webhook switches
# to the documented equivalent, the Event Grid extension webhook with its system key.
case ${WITHDRAW_ENDPOINT_TYPE:-azurefunction} in
  azurefunction)
    subscribe minutes-uploads-deleted Microsoft.Storage.BlobDeleted uploads azurefunction "$app_id/functions/WithdrawUpload" ;;
  webhook)
    eventgrid_key=$(wait_for_key eventgrid_extension) || fail "no eventgrid_extension key after $key_attempts tries; $by_hand"
    subscribe minutes-uploads-deleted Microsoft.Storage.BlobDeleted uploads webhook \
      "https://$app_host/runtime/webhooks/eventgrid?functionName=WithdrawUpload&code=$eventgrid_key" ;;
  *) fail "WITHDRAW_ENDPOINT_TYPE must be azurefunction or webhook, not '$WITHDRAW_ENDPOINT_TYPE'" ;;
esac

[ -z "$failed_subscriptions" ] \
  || fail "these subscriptions are not in place:$failed_subscriptions (Event Grid could not validate the webhook); $by_hand"

# An existing Language account this deployment could not grant a role on (another subscription, or
# no resource id given): say exactly what to grant.
if [ "${LANGUAGE_MODE:-none}" = existing ] && [ "${LANGUAGE_ROLE_ASSIGNED:-false}" != true ]; then
  say "the app needs Cognitive Services User on the Language account; someone with rights there runs:"
  say "  az role assignment create --role \"Cognitive Services User\" --assignee-object-id ${AZURE_FUNCTION_APP_PRINCIPAL_ID:-<app identity principal id>} --assignee-principal-type ServicePrincipal --scope ${LANGUAGE_EXISTING_RESOURCE_ID:-<Language account resource id>}"
fi

say "Event Grid subscriptions are in place on $topic (uploads over $MAX_UPLOAD_BYTES bytes are left to the nightly run's quarantine report)"
