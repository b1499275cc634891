// languageMode existing: the app calls an Azure AI Language account that this deployment did not
// make. Deployed into that account's resource group (main.bicep only does so when the account is in
// the deployment's subscription); it grants the app's identity the one data-plane role it needs there
// and nothing on the resource group.
//
// Built-in role definition id (https://learn.microsoft.com/azure/role-based-access-control/built-in-roles):
//   a97b65f3-24c7-4388-baec-2e87135dc908  Cognitive Services User

@description('Name of the existing Language account (last segment of its resource id).')
param languageAccountName string

@description('Principal id of the function app\'s user-assigned identity.')
param appPrincipalId string

resource language 'Microsoft.CognitiveServices/accounts@2025-06-01' existing = {
  name: languageAccountName
}

// Cognitive Services User on the existing Language account: PII detection with an Entra token, no
// keys and no management rights.
resource languageUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(language.id, appPrincipalId, 'a97b65f3-24c7-4388-baec-2e87135dc908')
  scope: language
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'a97b65f3-24c7-4388-baec-2e87135dc908')
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}
