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

@description('Flex Consumption runtime stack for the custom handler: custom/1.0, or node/22 as fallback (see docs/infra.md).')
@allowed([
  'custom'
  'node'
  'python'
])
param functionRuntimeName string = 'custom'

@description('Version of functionRuntimeName: 1.0 (custom), 22 (node), 3.12 (python).')
param functionRuntimeVersion string = '1.0'

@description('Language pricing tier (F0: free, one per subscription).')
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

module language 'modules/language.bicep' = {
  scope: rg
  params: {
    name: '${abbrs.cognitiveServicesTextAnalytics}${resourceToken}'
    location: location
    tags: tags
    sku: languageSku
  }
}

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
    languageAccountName: language.outputs.name
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
    languageEndpoint: language.outputs.endpoint
    rerenderSchedule: rerenderSchedule
    siteSettings: siteSettings
    runtimeName: functionRuntimeName
    runtimeVersion: functionRuntimeVersion
  }
  dependsOn: [
    rbac
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
output LANGUAGE_ENDPOINT string = language.outputs.endpoint
@description('The public site (static website endpoint).')
output SITE_URL string = contentStorage.outputs.webEndpoint
@description('Where ward staff upload minutes.')
output UPLOAD_CONTAINER_URL string = '${contentStorage.outputs.blobEndpoint}uploads'
