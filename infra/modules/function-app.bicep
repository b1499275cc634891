// The Functions custom handler on the Flex Consumption plan (Linux). Every connection is named by
// endpoint and reached with the user-assigned identity: no key, SAS or connection string with a
// secret appears in the app settings.

@description('Name of the function app.')
param name string

@description('Name of the Flex Consumption plan (one app per plan).')
param planName string

@description('Azure region.')
param location string

@description('Tags for both resources.')
param tags object

@description('azd service name (azure.yaml) that deploys to this app.')
param serviceName string

@description('Resource id of the user-assigned identity the app runs as.')
param identityId string

@description('Client id of that identity.')
param identityClientId string

@description('Name of the storage account for AzureWebJobsStorage and the deployment package.')
param hostStorageAccountName string

@description('Container in the host storage account that Flex Consumption deploys from.')
param deploymentContainerName string

@description('Name of the minutes storage account (uploads, pipeline containers, $web).')
param contentStorageAccountName string

@description('Name of the Application Insights component.')
param applicationInsightsName string

@description('Endpoint of the Azure AI Language account (custom subdomain); empty for the offline recogniser alone.')
param languageEndpoint string

@description('NCRONTAB schedule (UTC) of the nightly re-render. 18:00 UTC is 03:00 JST.')
param rerenderSchedule string

@description('The ward\'s site settings JSON, read by the handler as SITE_SETTINGS; empty for the defaults.')
param siteSettings string

@description('Flex runtime stack. custom/1.0 is the custom-handler stack; dotnet-isolated/8.0 is the fallback Microsoft\'s own .NET custom handler on Flex uses (the handler is self-contained either way; see docs/infra.md).')
@allowed([
  'custom'
  'dotnet-isolated'
])
param runtimeName string

@description('Version for runtimeName: 1.0 for custom, 8.0 for dotnet-isolated.')
param runtimeVersion string

@description('Upper bound on on-demand instances of each per-function scale group (Flex Consumption accepts 1 to 1000).')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

// The host reads a whole upload into memory and base64-encodes it into the request to the handler,
// which reads the blob again to normalise it: roughly ten times the upload at the peak. With the
// uploads subscription's size filter (MAX_UPLOAD_BYTES, 32 MiB) and host.json's
// blobs.maxDegreeOfParallelism 8, the worst case on one instance is about 8 x 330 MB = 2.6 GB: too much
// for 2048, within 4096 (docs/infra.md, "Upload size limit").
@description('Memory per instance.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 4096

resource hostStorage 'Microsoft.Storage/storageAccounts@2026-04-01' existing = {
  name: hostStorageAccountName
}

resource contentStorage 'Microsoft.Storage/storageAccounts@2026-04-01' existing = {
  name: contentStorageAccountName
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource plan 'Microsoft.Web/serverfarms@2025-03-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true // Linux
  }
}

// Flex Consumption ignores/forbids FUNCTIONS_WORKER_RUNTIME, FUNCTIONS_EXTENSION_VERSION,
// WEBSITE_RUN_FROM_PACKAGE, WEBSITE_CONTENT*, WEBSITE_TIME_ZONE: the runtime comes from
// functionAppConfig and schedules are UTC.
var appSettings = [
  // Functions host storage, identity-based.
  { name: 'AzureWebJobsStorage__credential', value: 'managedidentity' }
  { name: 'AzureWebJobsStorage__clientId', value: identityClientId }
  { name: 'AzureWebJobsStorage__blobServiceUri', value: hostStorage.properties.primaryEndpoints.blob }
  { name: 'AzureWebJobsStorage__queueServiceUri', value: hostStorage.properties.primaryEndpoints.queue }
  // The host records diagnostic events in a table of its storage.
  { name: 'AzureWebJobsStorage__tableServiceUri', value: hostStorage.properties.primaryEndpoints.table }
  // The blob triggers' connection ("connection": "MinutesStorage"); the queue endpoint is needed
  // for the trigger's poison queue.
  { name: 'MinutesStorage__credential', value: 'managedidentity' }
  { name: 'MinutesStorage__clientId', value: identityClientId }
  { name: 'MinutesStorage__blobServiceUri', value: contentStorage.properties.primaryEndpoints.blob }
  { name: 'MinutesStorage__queueServiceUri', value: contentStorage.properties.primaryEndpoints.queue }
  // Azure.Identity's DefaultAzureCredential/ManagedIdentityCredential read this to pick the
  // user-assigned identity (there is no system-assigned one).
  { name: 'AZURE_CLIENT_ID', value: identityClientId }
  // Empty (languageMode none): the handler runs the offline name recogniser alone.
  { name: 'LANGUAGE_ENDPOINT', value: languageEndpoint }
  { name: 'SITE_BASE_URL', value: contentStorage.properties.primaryEndpoints.web }
  { name: 'RERENDER_SCHEDULE', value: rerenderSchedule }
  // The recovery sweep (RecoverDocuments): stuck and poisoned documents, every 5 minutes (UTC NCRONTAB).
  { name: 'RECOVERY_SCHEDULE', value: '0 */5 * * * *' }
  { name: 'SITE_SETTINGS', value: siteSettings }
  // The connection string names the ingestion endpoint; with local auth off it carries no usable secret.
  { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: appInsights.properties.ConnectionString }
  { name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING', value: 'ClientId=${identityClientId};Authorization=AAD' }
]

resource app 'Microsoft.Web/sites@2025-03-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': serviceName })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // Event Grid delivers to the app's webhooks over the public endpoint.
    publicNetworkAccess: 'Enabled'
    siteConfig: {
      minTlsVersion: '1.2'
      appSettings: appSettings
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${hostStorage.properties.primaryEndpoints.blob}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: runtimeName
        version: runtimeVersion
      }
    }
  }
}

// No FTP or SCM basic-auth publishing: azd deploys to Flex with Entra ID.
resource ftpPublishing 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: app
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmPublishing 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: app
  name: 'scm'
  properties: {
    allow: false
  }
}

output name string = app.name
output id string = app.id
output defaultHostName string = app.properties.defaultHostName
