#!/usr/bin/env sh
# azd preup / preprovision / predeploy hook: checks, before anything is built or created, what azd
# and Azure would otherwise refuse halfway through `azd up`, and names what to run:
#   - azd new enough for `language: custom` (azure.yaml's requiredVersions says the same to azd), and
#     its alpha feature language.custom on (azd refuses the service otherwise);
#   - what LANGUAGE_MODE needs (none | create | existing; docs/infra.md).
# Run by hand with: azd hooks run preprovision
set -eu

fail() { printf 'preflight: %s\n' "$*" >&2; exit 1; }
say() { printf 'preflight: %s\n' "$*" >&2; }

required_azd=1.20.0

# 0 when version $1 >= version $2 (numeric, dot-separated; missing parts count as 0).
version_at_least() {
  a=$1 b=$2
  while [ -n "$a$b" ]; do
    x=${a%%.*} y=${b%%.*}
    [ "${x:-0}" -gt "${y:-0}" ] && return 0
    [ "${x:-0}" -lt "${y:-0}" ] && return 1
    case $a in *.*) a=${a#*.} ;; *) a="" ;; esac
    case $b in *.*) b=${b#*.} ;; *) b="" ;; esac
  done
  return 0
}

# Go's strconv.ParseBool, which azd applies to AZD_ALPHA_ENABLE_* variables: prints true/false, or
# nothing for a value it would not parse.
parse_bool() {
  case $1 in
    1|t|T|true|TRUE|True) echo true ;;
    0|f|F|false|FALSE|False) echo false ;;
  esac
}

command -v azd >/dev/null 2>&1 || fail "azd is not on PATH: install azd $required_azd or later (https://aka.ms/azd-install)"
version=$(azd version 2>/dev/null | sed -n 's/.*azd version \([0-9][0-9.]*\).*/\1/p' | head -n 1)
[ -n "$version" ] || fail "could not read the azd version from 'azd version'; azd $required_azd or later is needed (https://aka.ms/azd-install)"
version_at_least "$version" "$required_azd" \
  || fail "azd $version is too old: azure.yaml deploys the handler with 'language: custom', which needs azd $required_azd or later. Upgrade azd (https://aka.ms/azd-install), then run: azd config set alpha.language.custom on"

# The alpha feature, decided as azd decides it: an AZD_ALPHA_ENABLE_LANGUAGE.CUSTOM (older azd) or
# AZD_ALPHA_ENABLE_LANGUAGE_CUSTOM variable wins; otherwise `azd config` alpha.all or
# alpha.language.custom set to on. dash drops the dotted name from its environment, so it is read
# from the environment this process started with, where Linux keeps it.
dotted=""
[ -r "/proc/$$/environ" ] && dotted=$(tr '\0' '\n' < "/proc/$$/environ" | sed -n 's/^AZD_ALPHA_ENABLE_LANGUAGE\.CUSTOM=//p' | head -n 1)
alpha=""
for value in "$dotted" "${AZD_ALPHA_ENABLE_LANGUAGE_CUSTOM:-}"; do
  [ -z "$alpha" ] && [ -n "$value" ] && alpha=$(parse_bool "$value")
done
if [ -z "$alpha" ]; then
  alpha=false
  for key in alpha.all alpha.language.custom; do
    setting=$(azd config get "$key" 2>/dev/null | tr -d '" \r\n' || true)
    [ "$setting" = on ] && alpha=true
  done
fi
[ "$alpha" = true ] \
  || fail "azd's alpha feature language.custom is off, and azure.yaml deploys the handler with 'language: custom'. Run: azd config set alpha.language.custom on   (in CI: AZD_ALPHA_ENABLE_LANGUAGE_CUSTOM=true)"

mode=${LANGUAGE_MODE:-none}
case $mode in
  none)
    say "LANGUAGE_MODE none: names are found by the offline recogniser alone (no Azure AI Language account)" ;;
  create)
    [ "${LANGUAGE_TERMS_ACCEPTED:-}" = true ] \
      || fail "LANGUAGE_MODE create makes an Azure AI Language account, which Azure refuses (ResourceKindRequireAcceptTerms) until someone in this subscription has accepted the Responsible AI terms once, by creating a Language resource in the Azure portal (https://aka.ms/csrainotice). Once that is done, run: azd env set LANGUAGE_TERMS_ACCEPTED true. Or use an account you have: azd env set LANGUAGE_MODE existing (with LANGUAGE_EXISTING_ENDPOINT); or keep to the offline recogniser: azd env set LANGUAGE_MODE none" ;;
  existing)
    case ${LANGUAGE_EXISTING_ENDPOINT:-} in
      https://?*) ;;
      *) fail "LANGUAGE_MODE existing needs the account's endpoint: azd env set LANGUAGE_EXISTING_ENDPOINT https://<name>.cognitiveservices.azure.com/" ;;
    esac
    id=${LANGUAGE_EXISTING_RESOURCE_ID:-}
    if [ -n "$id" ]; then
      printf '%s\n' "$id" | grep -Eiq '^/subscriptions/[^/]+/resourceGroups/[^/]+/providers/Microsoft\.CognitiveServices/accounts/[^/]+$' \
        || fail "LANGUAGE_EXISTING_RESOURCE_ID is not a Language account's resource id (/subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.CognitiveServices/accounts/<name>): $id"
      id_sub=$(printf '%s\n' "$id" | cut -d/ -f3)
      if [ -n "${AZURE_SUBSCRIPTION_ID:-}" ] && [ "$(printf '%s' "$id_sub" | tr 'A-Z' 'a-z')" != "$(printf '%s' "$AZURE_SUBSCRIPTION_ID" | tr 'A-Z' 'a-z')" ]; then
        say "the Language account is in another subscription: the app's role on it must be granted by hand (the postdeploy hook prints the command)"
      fi
    else
      say "no LANGUAGE_EXISTING_RESOURCE_ID: the app's role on the Language account must be granted by hand (the postdeploy hook prints the command)"
    fi ;;
  *) fail "LANGUAGE_MODE must be none, create or existing, not '$mode'" ;;
esac
