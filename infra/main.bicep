// The minutes publishing pipeline in one resource group: `azd up` provisions this, deploys the
// Functions package, and its postdeploy hook wires Event Grid to the deployed functions.
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('azd environment name; names the resource group and seeds every resource name.')
param environmentName string

@minLength(1)
@description('Azure region for every resource. It must offer the Flex Consumption plan.')
@metadata({
  azd: {
    type: 'location'
  }
})
param location string

@description('Object id of the person (or pipeline) running azd. Gets upload rights and read access to review containers; empty grants nothing.')
param principalId string = ''

@description('Kind of principal principalId is.')
@allowed([
  'User'
  'ServicePrincipal'
  'Group'
])
param principalType string = 'User'

@description('NCRONTAB schedule of the nightly re-render, in UTC (0 0 18 * * * = 03:00 JST).')
param rerenderSchedule string = '0 0 18 * * *'

@description('The ward\'s site settings as JSON (site title, body slugs, redaction policy; see docs/site-settings.example.json). Empty keeps the fail-safe defaults.')
param siteSettings string = ''

@description('Flex Consumption runtime stack for the custom handler: custom/1.0, or dotnet-isolated/8.0 as fallback, the stack Microsoft\'s own .NET custom handler on Flex uses (see docs/infra.md).')
@allowed([
  'custom'
  'dotnet-isolated'
])
param functionRuntimeName string = 'custom'

@description('Version of functionRuntimeName: 1.0 (custom), 8.0 (dotnet-isolated).')
param functionRuntimeVersion string = '1.0'

@description('Where redaction finds names beyond the offline recogniser. none: no Language account, offline recogniser only. create: a new Azure AI Language account (the subscription must have accepted the Responsible AI terms once; docs/infra.md). existing: an account you already have (languageEndpoint, and languageResourceId for its role).')
@allowed([
  'none'
  'create'
  'existing'
])
param languageMode string = 'none'

@description('languageMode existing: the account\'s custom-subdomain endpoint (https://<name>.cognitiveservices.azure.com/).')
param languageEndpoint string = ''

@description('languageMode existing: the account\'s resource id. In this subscription the app is granted Cognitive Services User on it; empty or in another subscription, grant that role by hand (docs/infra.md).')
param languageResourceId string = ''

@description('Language pricing tier when languageMode is create (F0: free, one per subscription).')
@allowed([
  'F0'
  'S'
])
param languageSku string = 'S'

@description('Redundancy of the minutes storage account.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_GZRS'
  'Standard_RAGRS'
  'Standard_RAGZRS'
])
param storageSkuName string = 'Standard_LRS'

var abbrs = loadJsonContent('abbreviations.json')
var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = {
  'azd-env-name': environmentName
}
// The service name in azure.yaml; azd finds the app by this tag.
var serviceName = 'publisher'
var functionAppName = '${abbrs.webSitesFunctions}${resourceToken}'
var deploymentContainerName = 'app-package-${take(functionAppName, 32)}'

// The largest upload the pipeline reads: the same number as the reader's own limit in the code
// (MinutesReader.MaxBytes, which PipelineOptions.MaxUploadBytes defaults to; a test keeps them equal).
// The postdeploy hook puts it into the uploads subscription's Event Grid filter (MAX_UPLOAD_BYTES), so
// a larger upload never reaches the host; the nightly run quarantines it with a report instead.
var maxUploadBytes = 33554432

// Language: only languageMode create makes an account here; existing names one made elsewhere.
var createLanguage = languageMode == 'create'
// /subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.CognitiveServices/accounts/<name>
var languageIdParts = split(languageResourceId, '/')
var languageIdWellFormed = length(languageIdParts) == 9
var existingLanguageSubscription = languageIdWellFormed ? languageIdParts[2] : ''
var existingLanguageGroup = languageIdWellFormed ? languageIdParts[4] : ''
var existingLanguageName = languageIdWellFormed ? languageIdParts[8] : ''
// A role on an account in another subscription is not this deployment's to hand out (docs/infra.md).
var grantOnExistingLanguage = languageMode == 'existing' && toLower(existingLanguageSubscription) == toLower(subscription().subscriptionId)

resource rg 'Microsoft.Resources/resourceGroups@2025-04-01' = {
  name: '${abbrs.resourcesResourceGroups}${environmentName}'
  location: location
  tags: tags
}

module identity 'modules/identity.bicep' = {
  scope: rg
  params: {
    name: '${abbrs.managedIdentityUserAssignedIdentities}${resourceToken}'
    location: location
    tags: tags
  }
}

module contentStorage 'modules/storage-content.bicep' = {
  scope: rg
  params: {
    name: '${abbrs.storageStorageAccounts}${resourceToken}'
    location: location
    tags: tags
    skuName: storageSkuName
    logAnalyticsWorkspaceId: monitoring.outputs.logAnalyticsWorkspaceId
  }
}

module hostStorage 'modules/storage-host.bicep' = {
  scope: rg
  params: {
    name: '${abbrs.storageHostAccounts}${resourceToken}'
    location: location
    tags: tags
    deploymentContainerName: deploymentContainerName
  }
}

module monitoring 'modules/monitoring.bicep' = {
  scope: rg
  params: {
    logAnalyticsName: '${abbrs.operationalInsightsWorkspaces}${resourceToken}'
    applicationInsightsName: '${abbrs.insightsComponents}${resourceToken}'
    location: location
    tags: tags
  }
}

module language 'modules/language.bicep' = if (createLanguage) {
  scope: rg
  params: {
    name: '${abbrs.cognitiveServicesTextAnalytics}${resourceToken}'
    location: location
    tags: tags
    sku: languageSku
  }
}

// languageMode existing, account in this subscription: the app's one role on it, in its own group.
module languageAccess 'modules/language-access.bicep' = if (grantOnExistingLanguage) {
  scope: resourceGroup(existingLanguageGroup)
  params: {
    languageAccountName: existingLanguageName
    appPrincipalId: identity.outputs.principalId
  }
}

var languageEndpointSetting = createLanguage ? (language.?outputs.endpoint ?? '') : (languageMode == 'existing' ? languageEndpoint : '')

// Roles first: the app's identity must be able to read its deployment package and host storage
// when the platform first starts it.
module rbac 'modules/rbac.bicep' = {
  scope: rg
  params: {
    appPrincipalId: identity.outputs.principalId
    deployerPrincipalId: principalId
    deployerPrincipalType: principalType
    hostStorageAccountName: hostStorage.outputs.name
    contentStorageAccountName: contentStorage.outputs.name
    languageAccountName: language.?outputs.name ?? ''
    applicationInsightsName: monitoring.outputs.applicationInsightsName
  }
}

module functionApp 'modules/function-app.bicep' = {
  scope: rg
  params: {
    name: functionAppName
    planName: '${abbrs.webServerFarms}${resourceToken}'
    location: location
    tags: tags
    serviceName: serviceName
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    hostStorageAccountName: hostStorage.outputs.name
    deploymentContainerName: hostStorage.outputs.deploymentContainerName
    contentStorageAccountName: contentStorage.outputs.name
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    languageEndpoint: languageEndpointSetting
    rerenderSchedule: rerenderSchedule
    siteSettings: siteSettings
    runtimeName: functionRuntimeName
    runtimeVersion: functionRuntimeVersion
  }
  dependsOn: [
    rbac
    languageAccess
  ]
}

module eventGrid 'modules/event-grid.bicep' = {
  scope: rg
  params: {
    name: '${abbrs.eventGridSystemTopics}${resourceToken}'
    location: location
    tags: tags
    storageAccountName: contentStorage.outputs.name
  }
}

// UPPER_CASE outputs land in the azd environment (.azure/<env>/.env) and in the hooks' environment.
output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name
output AZURE_STORAGE_ACCOUNT_NAME string = contentStorage.outputs.name
output AZURE_EVENTGRID_SYSTEM_TOPIC_NAME string = eventGrid.outputs.name
@description('none, create or existing: the hooks check what each needs.')
output LANGUAGE_MODE string = languageMode
@description('Empty with languageMode none: the offline recogniser alone.')
output LANGUAGE_ENDPOINT string = languageEndpointSetting
@description('Whether this deployment granted the app Cognitive Services User on the Language account.')
output LANGUAGE_ROLE_ASSIGNED bool = createLanguage || grantOnExistingLanguage
@description('Principal id of the app\'s identity, for a role granted by hand (an existing Language account in another subscription).')
output AZURE_FUNCTION_APP_PRINCIPAL_ID string = identity.outputs.principalId
@description('Largest upload the uploads subscription delivers to the app (bytes); larger ones are quarantined by the nightly run.')
output MAX_UPLOAD_BYTES int = maxUploadBytes
@description('The public site (static website endpoint).')
output SITE_URL string = contentStorage.outputs.webEndpoint
@description('Where ward staff upload minutes.')
output UPLOAD_CONTAINER_URL string = '${contentStorage.outputs.blobEndpoint}uploads'
