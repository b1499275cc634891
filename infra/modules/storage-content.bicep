// The minutes storage account: staff upload here, every pipeline stage writes here, and the public
// site is served from its static website ($web). Everything is private except what the static
// website endpoint serves from $web (it serves anonymously whatever the container's access level,
// so $web itself stays private on the blob endpoint too).

@description('Name of the storage account (3-24 lowercase letters and digits, globally unique).')
@minLength(3)
@maxLength(24)
param name string

@description('Azure region.')
param location string

@description('Tags for the account.')
param tags object

@description('Redundancy. ZRS/GRS where the region offers it is better for originals that must never be lost.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_GZRS'
  'Standard_RAGRS'
  'Standard_RAGZRS'
])
param skuName string = 'Standard_LRS'

@description('Days a deleted blob, blob version or container can still be restored.')
@minValue(7)
@maxValue(365)
param softDeleteRetentionDays int = 30

@description('Log Analytics workspace that receives the blob write and delete logs.')
param logAnalyticsWorkspaceId string

@description('Days earlier versions of derived (re-creatable) files are kept before lifecycle management deletes them.')
@minValue(1)
param derivedVersionRetentionDays int = 14

// Pipeline containers (names are the Functions app's contract, see function.json):
// uploads     — originals from ward staff; the app may only read them.
// normalized  — normalised JSON documents.
// redacted    — redacted documents, ready to render.
// audit       — private redaction and withdrawal records.
// held        — documents held for human review, with their reports.
// quarantine  — reports for inputs that failed (name, stage, reason).
var privateContainers = [
  'uploads'
  'normalized'
  'redacted'
  'audit'
  'held'
  'quarantine'
]

resource account 'Microsoft.Storage/storageAccounts@2026-04-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: skuName
  }
  properties: {
    accessTier: 'Hot'
    supportsHttpsTrafficOnly: true
    minimumTlsVersion: 'TLS1_2'
    allowBlobPublicAccess: false
    // Everything uses Entra ID: the app's managed identity, staff with --auth-mode login, and the
    // Event Grid system topic (which reads no data). No account keys, no SAS.
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowCrossTenantReplication: false
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      // The web endpoint serves the public site, so the account stays reachable; trusted Azure
      // services (Event Grid among them) keep access if a firewall is added later.
      bypass: 'AzureServices'
      defaultAction: 'Allow'
    }
  }
}

// staticWebsite is a Blob service property; Bicep 0.49.2 knows it at 2026-04-01 (older API versions reject it).
resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2026-04-01' = {
  parent: account
  name: 'default'
  properties: {
    // An upload is never lost: every overwrite keeps the earlier version, every delete is reversible.
    isVersioningEnabled: true
    deleteRetentionPolicy: {
      enabled: true
      days: softDeleteRetentionDays
    }
    containerDeleteRetentionPolicy: {
      enabled: true
      days: softDeleteRetentionDays
    }
    staticWebsite: {
      enabled: true
      indexDocument: 'index.html'
      errorDocument404Path: '404.html'
    }
  }
}

resource containers 'Microsoft.Storage/storageAccounts/blobServices/containers@2026-04-01' = [
  for containerName in privateContainers: {
    parent: blobService
    name: containerName
    properties: {
      publicAccess: 'None'
    }
  }
]

// Declared so that it is private on the blob endpoint and exists before the first render, even if
// the platform has not created it yet when enabling the static website.
resource webContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2026-04-01' = {
  parent: blobService
  name: '$web'
  properties: {
    publicAccess: 'None'
  }
}

// Who uploaded, replaced or deleted which minutes, and when: write and delete operations on the
// blob service go to Log Analytics (reads are left out: the public site would flood them).
resource blobAuditLogs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'blob-write-delete'
  scope: blobService
  properties: {
    workspaceId: logAnalyticsWorkspaceId
    logs: [
      {
        category: 'StorageWrite'
        enabled: true
      }
      {
        category: 'StorageDelete'
        enabled: true
      }
    ]
  }
}

// Versioning is account-wide; derived files are re-rendered often and can be rebuilt from uploads,
// so their old versions expire. Upload versions are kept.
resource lifecycle 'Microsoft.Storage/storageAccounts/managementPolicies@2026-04-01' = {
  parent: account
  name: 'default'
  properties: {
    policy: {
      rules: [
        {
          name: 'expire-derived-versions'
          enabled: true
          type: 'Lifecycle'
          definition: {
            filters: {
              blobTypes: [
                'blockBlob'
              ]
              prefixMatch: [
                'normalized/'
                'redacted/'
                '$web/'
              ]
            }
            actions: {
              version: {
                delete: {
                  daysAfterCreationGreaterThan: derivedVersionRetentionDays
                }
              }
            }
          }
        }
      ]
    }
  }
  dependsOn: [
    blobService
  ]
}

output name string = account.name
output id string = account.id
output blobEndpoint string = account.properties.primaryEndpoints.blob
output queueEndpoint string = account.properties.primaryEndpoints.queue
output webEndpoint string = account.properties.primaryEndpoints.web
output containerNames array = concat(privateContainers, [webContainer.name])
