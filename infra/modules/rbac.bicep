// Least-privilege role assignments. Each names a built-in role by its fixed definition id and is
// scoped to the one resource (or container) that needs it; nothing is granted on the resource
// group or subscription, and no role can manage resources or hand out access.
//
// Built-in role definition ids (https://learn.microsoft.com/azure/role-based-access-control/built-in-roles):
//   b7e6dc6d-f1e8-4753-8033-0f276bb0955b  Storage Blob Data Owner
//   ba92f5b4-2d11-453d-a403-e96b0029c9fe  Storage Blob Data Contributor
//   2a2b9908-6ea1-4ae2-8e65-a410df84e7d1  Storage Blob Data Reader
//   974c5e8b-45b9-4653-ba55-5f855dd0fb88  Storage Queue Data Contributor
//   0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3  Storage Table Data Contributor
//   a97b65f3-24c7-4388-baec-2e87135dc908  Cognitive Services User
//   3913510d-42f4-4e42-8a64-420c390055eb  Monitoring Metrics Publisher

@description('Principal id of the function app\'s user-assigned identity.')
param appPrincipalId string

@description('Object id of the person (or pipeline) running azd; empty to grant nothing.')
param deployerPrincipalId string = ''

@description('Kind of principal deployerPrincipalId is.')
@allowed([
  'User'
  'ServicePrincipal'
  'Group'
])
param deployerPrincipalType string = 'User'

@description('Functions host storage account (AzureWebJobsStorage + deployment package).')
param hostStorageAccountName string

@description('Minutes storage account (uploads, pipeline containers, $web).')
param contentStorageAccountName string

@description('Azure AI Language account made by this deployment (languageMode create); empty when there is none here.')
param languageAccountName string = ''

@description('Application Insights component.')
param applicationInsightsName string

resource hostStorage 'Microsoft.Storage/storageAccounts@2026-04-01' existing = {
  name: hostStorageAccountName
}

resource contentStorage 'Microsoft.Storage/storageAccounts@2026-04-01' existing = {
  name: contentStorageAccountName

  resource blobService 'blobServices' existing = {
    name: 'default'

    resource uploads 'containers' existing = {
      name: 'uploads'
    }
    resource normalized 'containers' existing = {
      name: 'normalized'
    }
    resource redacted 'containers' existing = {
      name: 'redacted'
    }
    resource audit 'containers' existing = {
      name: 'audit'
    }
    resource held 'containers' existing = {
      name: 'held'
    }
    resource quarantine 'containers' existing = {
      name: 'quarantine'
    }
    resource web 'containers' existing = {
      name: '$web'
    }
  }
}

resource language 'Microsoft.CognitiveServices/accounts@2025-06-01' existing = {
  name: languageAccountName
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

// ---- The function app's identity -------------------------------------------------------------

// Storage Blob Data Owner on the host account: the Functions host keeps its keys, timer
// singleton leases and blob-trigger receipts there, and Flex Consumption reads the deployment
// package from it. The Functions docs require Owner (not Contributor) for AzureWebJobsStorage.
resource hostBlobOwner 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(hostStorage.id, appPrincipalId, 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b')
  scope: hostStorage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b')
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

// Storage Queue Data Contributor on the host account: the host's internal queues
// (blob-trigger dispatch).
resource hostQueueContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(hostStorage.id, appPrincipalId, '974c5e8b-45b9-4653-ba55-5f855dd0fb88')
  scope: hostStorage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '974c5e8b-45b9-4653-ba55-5f855dd0fb88')
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

// Storage Table Data Contributor on the host account: the Functions host's diagnostic-events table.
resource hostTableContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(hostStorage.id, appPrincipalId, '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3')
  scope: hostStorage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3')
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

// Storage Blob Data Reader on uploads only: the pipeline reads originals and can never alter or
// delete them ("originals are kept").
resource uploadsReader 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(contentStorage::blobService::uploads.id, appPrincipalId, '2a2b9908-6ea1-4ae2-8e65-a410df84e7d1')
  scope: contentStorage::blobService::uploads
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '2a2b9908-6ea1-4ae2-8e65-a410df84e7d1')
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

// Storage Blob Data Contributor on normalized: the normalise stage writes there, redact reads it.
resource normalizedContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(contentStorage::blobService::normalized.id, appPrincipalId, 'ba92f5b4-2d11-453d-a403-e96b0029c9fe')
  scope: contentStorage::blobService::normalized
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'ba92f5b4-2d11-453d-a403-e96b0029c9fe')
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

// Storage Blob Data Contributor on redacted: the redact stage writes there, render reads it,
// withdrawal removes from it.
resource redactedContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(contentStorage::blobService::redacted.id, appPrincipalId, 'ba92f5b4-2d11-453d-a403-e96b0029c9fe')
  scope: contentStorage::blobService::redacted
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'ba92f5b4-2d11-453d-a403-e96b0029c9fe')
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

// Storage Blob Data Contributor on audit: redaction and withdrawal records are written there.
resource auditContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(contentStorage::blobService::audit.id, appPrincipalId, 'ba92f5b4-2d11-453d-a403-e96b0029c9fe')
  scope: contentStorage::blobService::audit
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'ba92f5b4-2d11-453d-a403-e96b0029c9fe')
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

// Storage Blob Data Contributor on held: documents held for review and their reports.
resource heldContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(contentStorage::blobService::held.id, appPrincipalId, 'ba92f5b4-2d11-453d-a403-e96b0029c9fe')
  scope: contentStorage::blobService::held
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'ba92f5b4-2d11-453d-a403-e96b0029c9fe')
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

// Storage Blob Data Contributor on quarantine: failure reports (file, stage, reason).
resource quarantineContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(contentStorage::blobService::quarantine.id, appPrincipalId, 'ba92f5b4-2d11-453d-a403-e96b0029c9fe')
  scope: contentStorage::blobService::quarantine
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'ba92f5b4-2d11-453d-a403-e96b0029c9fe')
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

// Storage Blob Data Contributor on $web: render, re-render and withdrawal publish and remove pages.
resource webContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(contentStorage::blobService::web.id, appPrincipalId, 'ba92f5b4-2d11-453d-a403-e96b0029c9fe')
  scope: contentStorage::blobService::web
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'ba92f5b4-2d11-453d-a403-e96b0029c9fe')
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

// Storage Queue Data Contributor on the minutes account: the blob trigger ("MinutesStorage"
// connection) keeps its poison queue in the queue service of the account it watches. The account
// has no other queues.
resource contentQueueContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(contentStorage.id, appPrincipalId, '974c5e8b-45b9-4653-ba55-5f855dd0fb88')
  scope: contentStorage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '974c5e8b-45b9-4653-ba55-5f855dd0fb88')
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

// Cognitive Services User on the Language account this deployment made: call PII detection with an
// Entra token (keys are disabled). Grants no management rights. An existing account elsewhere gets the
// same role from language-access.bicep.
resource languageUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(languageAccountName)) {
  name: guid(language.id, appPrincipalId, 'a97b65f3-24c7-4388-baec-2e87135dc908')
  scope: language
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'a97b65f3-24c7-4388-baec-2e87135dc908')
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

// Monitoring Metrics Publisher on Application Insights: Entra-authenticated telemetry ingestion
// (local auth is disabled on the component).
resource telemetryPublisher 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(appInsights.id, appPrincipalId, '3913510d-42f4-4e42-8a64-420c390055eb')
  scope: appInsights
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '3913510d-42f4-4e42-8a64-420c390055eb')
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

// ---- The person running azd -------------------------------------------------------------------

// Storage Blob Data Contributor on uploads: upload minutes with `az storage blob upload
// --auth-mode login`, Storage Explorer or the portal (shared keys are off). Other ward staff get
// the same role on the same container from the ward's administrators.
resource deployerUploads 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(deployerPrincipalId)) {
  name: guid(contentStorage::blobService::uploads.id, deployerPrincipalId, 'ba92f5b4-2d11-453d-a403-e96b0029c9fe')
  scope: contentStorage::blobService::uploads
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'ba92f5b4-2d11-453d-a403-e96b0029c9fe')
    principalId: deployerPrincipalId
    principalType: deployerPrincipalType
  }
}

// Storage Blob Data Reader on held: read hold reports to review documents the pipeline would not
// publish by guess.
resource deployerHeld 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(deployerPrincipalId)) {
  name: guid(contentStorage::blobService::held.id, deployerPrincipalId, '2a2b9908-6ea1-4ae2-8e65-a410df84e7d1')
  scope: contentStorage::blobService::held
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '2a2b9908-6ea1-4ae2-8e65-a410df84e7d1')
    principalId: deployerPrincipalId
    principalType: deployerPrincipalType
  }
}

// Storage Blob Data Reader on quarantine: read why an upload failed.
resource deployerQuarantine 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(deployerPrincipalId)) {
  name: guid(contentStorage::blobService::quarantine.id, deployerPrincipalId, '2a2b9908-6ea1-4ae2-8e65-a410df84e7d1')
  scope: contentStorage::blobService::quarantine
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '2a2b9908-6ea1-4ae2-8e65-a410df84e7d1')
    principalId: deployerPrincipalId
    principalType: deployerPrincipalType
  }
}

// Storage Blob Data Reader on audit: read what was redacted and withdrawn, and why.
resource deployerAudit 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(deployerPrincipalId)) {
  name: guid(contentStorage::blobService::audit.id, deployerPrincipalId, '2a2b9908-6ea1-4ae2-8e65-a410df84e7d1')
  scope: contentStorage::blobService::audit
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '2a2b9908-6ea1-4ae2-8e65-a410df84e7d1')
    principalId: deployerPrincipalId
    principalType: deployerPrincipalType
  }
}
