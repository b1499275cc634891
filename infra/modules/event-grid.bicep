// Event Grid system topic on the minutes storage account. Flex Consumption runs blob triggers only
// with the Event Grid source. The subscriptions themselves are created by scripts/postdeploy.sh:
// their webhook URLs embed the blobs_extension / eventgrid_extension system keys, which exist only
// after the code is deployed and the host has started.

@description('Name of the system topic.')
param name string

@description('Azure region (same as the storage account).')
param location string

@description('Tags for the topic.')
param tags object

@description('Name of the minutes storage account whose blob events the topic publishes.')
param storageAccountName string

resource storage 'Microsoft.Storage/storageAccounts@2026-04-01' existing = {
  name: storageAccountName
}

resource topic 'Microsoft.EventGrid/systemTopics@2025-02-15' = {
  name: name
  location: location
  tags: tags
  properties: {
    source: storage.id
    topicType: 'Microsoft.Storage.StorageAccounts'
  }
}

output name string = topic.name
