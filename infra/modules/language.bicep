// Azure AI Language (PII detection). Keys are disabled: the app calls it with an Entra token for
// https://cognitiveservices.azure.com/.default, which requires the custom subdomain endpoint.

@description('Name of the Language account; also its custom subdomain (globally unique).')
param name string

@description('Azure region.')
param location string

@description('Tags for the account.')
param tags object

@description('Pricing tier. F0 is free but limited to one account per subscription.')
@allowed([
  'F0'
  'S'
])
param sku string = 'S'

resource language 'Microsoft.CognitiveServices/accounts@2025-06-01' = {
  name: name
  location: location
  tags: tags
  kind: 'TextAnalytics'
  sku: {
    name: sku
  }
  properties: {
    customSubDomainName: name
    disableLocalAuth: true
    publicNetworkAccess: 'Enabled'
  }
}

output name string = language.name
output endpoint string = language.properties.endpoint
