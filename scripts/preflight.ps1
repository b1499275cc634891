# azd preup / preprovision / predeploy hook (Windows): the same checks as preflight.sh, before anything
# is built or created: azd new enough for `language: custom` with its alpha feature on, and what
# LANGUAGE_MODE needs (none | create | existing; docs/infra.md). Run by hand: azd hooks run preprovision
$ErrorActionPreference = 'Stop'

# The message alone on stderr (no PowerShell error record around it), and exit code 1.
function Stop-Hook([string] $message) { [Console]::Error.WriteLine("preflight: $message"); exit 1 }
function Write-Step([string] $message) { Write-Host "preflight: $message" }

$requiredAzd = [version] '1.20.0'

# Go's strconv.ParseBool, which azd applies to AZD_ALPHA_ENABLE_* variables; $null when it would not parse.
function ConvertFrom-GoBool([string] $value) {
    if ($value -cin '1', 't', 'T', 'true', 'TRUE', 'True') { return $true }
    if ($value -cin '0', 'f', 'F', 'false', 'FALSE', 'False') { return $false }
    $null
}

if (-not (Get-Command azd -ErrorAction SilentlyContinue)) { Stop-Hook "azd is not on PATH: install azd $requiredAzd or later (https://aka.ms/azd-install)" }
$versionText = (azd version 2>$null) -join "`n"
if ($versionText -notmatch 'azd version (\d+(\.\d+)*)') { Stop-Hook "could not read the azd version from 'azd version'; azd $requiredAzd or later is needed (https://aka.ms/azd-install)" }
$version = [version] ($Matches[1] + ('.0' * [Math]::Max(0, 2 - ($Matches[1].Split('.').Count - 1))))
if ($version -lt $requiredAzd) {
    Stop-Hook "azd $($Matches[1]) is too old: azure.yaml deploys the handler with 'language: custom', which needs azd $requiredAzd or later. Upgrade azd (https://aka.ms/azd-install), then run: azd config set alpha.language.custom on"
}

# The alpha feature, decided as azd decides it: an AZD_ALPHA_ENABLE_LANGUAGE.CUSTOM or
# AZD_ALPHA_ENABLE_LANGUAGE_CUSTOM variable wins; otherwise `azd config` alpha.all or alpha.language.custom on.
$alpha = $null
foreach ($name in 'AZD_ALPHA_ENABLE_LANGUAGE.CUSTOM', 'AZD_ALPHA_ENABLE_LANGUAGE_CUSTOM') {
    $value = [Environment]::GetEnvironmentVariable($name)
    if ($null -eq $alpha -and $value) { $alpha = ConvertFrom-GoBool $value }
}
if ($null -eq $alpha) {
    $alpha = $false
    foreach ($key in 'alpha.all', 'alpha.language.custom') {
        $setting = ((azd config get $key 2>$null) -join '') -replace '["\s]', ''
        if ($setting -eq 'on') { $alpha = $true }
    }
}
if (-not $alpha) {
    Stop-Hook "azd's alpha feature language.custom is off, and azure.yaml deploys the handler with 'language: custom'. Run: azd config set alpha.language.custom on   (in CI: AZD_ALPHA_ENABLE_LANGUAGE_CUSTOM=true)"
}

$mode = if ($env:LANGUAGE_MODE) { $env:LANGUAGE_MODE } else { 'none' }
switch -CaseSensitive ($mode) {
    'none' { Write-Step 'LANGUAGE_MODE none: names are found by the offline recogniser alone (no Azure AI Language account)' }
    'create' {
        if ($env:LANGUAGE_TERMS_ACCEPTED -ne 'true') {
            Stop-Hook 'LANGUAGE_MODE create makes an Azure AI Language account, which Azure refuses (ResourceKindRequireAcceptTerms) until someone in this subscription has accepted the Responsible AI terms once, by creating a Language resource in the Azure portal (https://aka.ms/csrainotice). Once that is done, run: azd env set LANGUAGE_TERMS_ACCEPTED true. Or use an account you have: azd env set LANGUAGE_MODE existing (with LANGUAGE_EXISTING_ENDPOINT); or keep to the offline recogniser: azd env set LANGUAGE_MODE none'
        }
    }
    'existing' {
        if ($env:LANGUAGE_EXISTING_ENDPOINT -notmatch '^https://.') {
            Stop-Hook "LANGUAGE_MODE existing needs the account's endpoint: azd env set LANGUAGE_EXISTING_ENDPOINT https://<name>.cognitiveservices.azure.com/"
        }
        $id = $env:LANGUAGE_EXISTING_RESOURCE_ID
        if ($id) {
            if ($id -notmatch '^/subscriptions/([^/]+)/resourceGroups/[^/]+/providers/Microsoft\.CognitiveServices/accounts/[^/]+$') {
                Stop-Hook "LANGUAGE_EXISTING_RESOURCE_ID is not a Language account's resource id (/subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.CognitiveServices/accounts/<name>): $id"
            }
            if ($env:AZURE_SUBSCRIPTION_ID -and $Matches[1] -ne $env:AZURE_SUBSCRIPTION_ID) {
                Write-Step "the Language account is in another subscription: the app's role on it must be granted by hand (the postdeploy hook prints the command)"
            }
        } else {
            Write-Step "no LANGUAGE_EXISTING_RESOURCE_ID: the app's role on the Language account must be granted by hand (the postdeploy hook prints the command)"
        }
    }
    default { Stop-Hook "LANGUAGE_MODE must be none, create or existing, not '$mode'" }
}
