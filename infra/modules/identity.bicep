// The one identity the function app runs as. User-assigned (not system-assigned) so that the role
// assignments exist before the app's first start, and so that Flex deployment storage, the
// Functions host storage, the blob trigger, Language and Application Insights all name one client id.

@description('Name of the user-assigned managed identity.')
param name string

@description('Azure region.')
param location string

@description('Tags for the identity.')
param tags object

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: name
  location: location
  tags: tags
}

output id string = identity.id
output name string = identity.name
output principalId string = identity.properties.principalId
output clientId string = identity.properties.clientId
