/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query Activity($first: Int!, $after: String, $kind: String, $userId: ID, $since: DateTime, $until: DateTime) {\n    activityEntries(first: $first, after: $after, kind: $kind, userId: $userId, since: $since, until: $until) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          at\n          kind\n          actor\n          tokenLabel\n          ip\n          requestId\n          targetType\n          targetLabel\n        }\n      }\n    }\n  }\n": typeof types.ActivityDocument,
    "\n  query ActivityPeople {\n    people(first: 500) {\n      edges {\n        node {\n          id\n          username\n        }\n      }\n    }\n  }\n": typeof types.ActivityPeopleDocument,
    "\n  mutation CreateApiToken($name: String!, $scopes: [ApiTokenScope!], $expiresAt: DateTime) {\n    createApiToken(name: $name, scopes: $scopes, expiresAt: $expiresAt) {\n      token\n      apiToken {\n        id\n        name\n        prefix\n        createdAt\n        lastUsedAt\n        scopes\n        expiresAt\n      }\n    }\n  }\n": typeof types.CreateApiTokenDocument,
    "\n  query ApiTokens {\n    apiTokens {\n      id\n      name\n      prefix\n      createdAt\n      lastUsedAt\n      scopes\n      expiresAt\n    }\n  }\n": typeof types.ApiTokensDocument,
    "\n  mutation RevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id) {\n      __typename\n      ... on ApiToken {\n        id\n      }\n      ...OperationInfoFields\n    }\n  }\n": typeof types.RevokeApiTokenDocument,
    "\n  query Invitation($token: String!) {\n    invitation(token: $token) {\n      email\n      role\n      expiresAt\n    }\n  }\n": typeof types.InvitationDocument,
    "\n  mutation AcceptInvitation($token: String!, $username: String!, $password: String!) {\n    acceptInvitation(token: $token, username: $username, password: $password) {\n      __typename\n      ... on User {\n        username\n      }\n      ...OperationInfoFields\n    }\n  }\n": typeof types.AcceptInvitationDocument,
    "\n  mutation RequestPasswordReset($login: String!) {\n    requestPasswordReset(login: $login)\n  }\n": typeof types.RequestPasswordResetDocument,
    "\n  mutation ResetPassword($uid: String!, $token: String!, $password: String!) {\n    resetPassword(uid: $uid, token: $token, password: $password) {\n      __typename\n      ... on User {\n        username\n      }\n      ...OperationInfoFields\n    }\n  }\n": typeof types.ResetPasswordDocument,
    "\n  mutation Login($username: String!, $password: String!) {\n    login(username: $username, password: $password) {\n      ...SignedInUser\n    }\n  }\n": typeof types.LoginDocument,
    "\n  mutation Logout {\n    logout\n  }\n": typeof types.LogoutDocument,
    "\n  fragment SignedInUser on User {\n    id\n    username\n    role\n    allowedOperations\n  }\n": typeof types.SignedInUserFragmentDoc,
    "\n  query Me {\n    me {\n      ...SignedInUser\n    }\n  }\n": typeof types.MeDocument,
    "\n  mutation CreateFeed($input: FeedInput!) {\n    createFeed(input: $input) {\n      __typename\n      ... on Feed {\n        ...FeedFields\n      }\n      ...OperationInfoFields\n    }\n  }\n": typeof types.CreateFeedDocument,
    "\n  mutation DeleteFeed($id: ID!) {\n    deleteFeed(id: $id) {\n      __typename\n      ... on Feed {\n        ...FeedFields\n      }\n      ...OperationInfoFields\n    }\n  }\n": typeof types.DeleteFeedDocument,
    "\n  fragment FeedRunFields on FeedRun {\n    id\n    status\n    trigger\n    startedAt\n    finishedAt\n    fetchedBytes\n    message\n    errorCode\n    httpStatus\n    job {\n      id\n      status\n      fileName\n      createdCount\n      updatedCount\n      errorCount\n    }\n  }\n": typeof types.FeedRunFieldsFragmentDoc,
    "\n  fragment FeedFields on Feed {\n    id\n    name\n    url\n    username\n    hasPassword\n    headerName\n    hasHeaderValue\n    hasPrivateKey\n    hostKey\n    schedule\n    timeZone\n    scheduleDescription\n    nextRunAt\n    nextRunTimes\n    enabled\n    disabledReason\n    consecutiveFailures\n    notifyEmails\n    notifyOnSuccess\n    options {\n      format\n      sheet\n      encoding\n      delimiter\n      headerRow\n      mapping {\n        sku\n        name\n        description\n        active\n      }\n      mode\n      emptyCells\n      missing\n      missingScope\n      maxRemovalPercent\n    }\n    lastRun {\n      ...FeedRunFields\n    }\n    createdAt\n    updatedAt\n  }\n": typeof types.FeedFieldsFragmentDoc,
    "\n  query Feed($id: ID!, $runs: Int) {\n    feed(id: $id) {\n      ...FeedFields\n      runs(first: $runs) {\n        totalCount\n        edges {\n          node {\n            ...FeedRunFields\n          }\n        }\n      }\n    }\n  }\n": typeof types.FeedDocument,
    "\n  query Feeds($first: Int, $after: String) {\n    feeds(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...FeedFields\n        }\n      }\n    }\n  }\n": typeof types.FeedsDocument,
    "\n  mutation RunFeed($id: ID!) {\n    runFeed(id: $id) {\n      __typename\n      ... on FeedRun {\n        ...FeedRunFields\n      }\n      ...OperationInfoFields\n    }\n  }\n": typeof types.RunFeedDocument,
    "\n  mutation TestFeedSource($input: FeedInput!, $feedId: ID) {\n    testFeedSource(input: $input, feedId: $feedId) {\n      __typename\n      ... on FeedSourceTest {\n        ok\n        message\n        code\n        httpStatus\n        size\n        contentType\n        hostKey\n        job {\n          ...ImportInspectionFields\n        }\n      }\n      ...OperationInfoFields\n    }\n  }\n": typeof types.TestFeedSourceDocument,
    "\n  mutation UpdateFeed($id: ID!, $input: FeedInput!) {\n    updateFeed(id: $id, input: $input) {\n      __typename\n      ... on Feed {\n        ...FeedFields\n      }\n      ...OperationInfoFields\n    }\n  }\n": typeof types.UpdateFeedDocument,
    "\n  mutation CancelImport($id: ID!) {\n    cancelImport(id: $id) {\n      __typename\n      ... on ImportJob {\n        ...ImportJobFields\n      }\n      ...OperationInfoFields\n    }\n  }\n": typeof types.CancelImportDocument,
    "\n  mutation ChooseImportSync($id: ID!, $options: ImportOptionsInput!) {\n    chooseImportSync(id: $id, options: $options) {\n      __typename\n      ... on ImportJob {\n        id\n        ...ImportSyncFields\n      }\n      ...OperationInfoFields\n    }\n  }\n": typeof types.ChooseImportSyncDocument,
    "\n  mutation ConfirmImport($id: ID!) {\n    confirmImport(id: $id) {\n      __typename\n      ... on ImportJob {\n        ...ImportJobFields\n      }\n      ...OperationInfoFields\n    }\n  }\n": typeof types.ConfirmImportDocument,
    "\n  query UploadLimits {\n    uploadLimits {\n      directUploads\n      partSize\n      maxBytes\n    }\n  }\n": typeof types.UploadLimitsDocument,
    "\n  mutation CreateUpload($fileName: String!, $size: Float!, $contentType: String) {\n    createUpload(fileName: $fileName, size: $size, contentType: $contentType) {\n      __typename\n      ... on DirectUpload {\n        id\n        partSize\n        partCount\n      }\n      ...OperationInfoFields\n    }\n  }\n": typeof types.CreateUploadDocument,
    "\n  query UploadPartUrls($id: ID!, $partNumbers: [Int!]!) {\n    uploadPartUrls(id: $id, partNumbers: $partNumbers) {\n      partNumber\n      url\n    }\n  }\n": typeof types.UploadPartUrlsDocument,
    "\n  query UploadedParts($id: ID!) {\n    uploadedParts(id: $id) {\n      partNumber\n      size\n      etag\n    }\n  }\n": typeof types.UploadedPartsDocument,
    "\n  mutation CompleteUpload($id: ID!, $parts: [UploadPartInput!]!, $dryRun: Boolean) {\n    completeUpload(id: $id, parts: $parts, dryRun: $dryRun) {\n      __typename\n      ...ImportInspectionFields\n      ...OperationInfoFields\n    }\n  }\n": typeof types.CompleteUploadDocument,
    "\n  mutation AbortUpload($id: ID!) {\n    abortUpload(id: $id) {\n      __typename\n    }\n  }\n": typeof types.AbortUploadDocument,
    "\n  query ImportChanges($id: ID!, $first: Int, $after: String, $kind: ImportChangeKind) {\n    importJob(id: $id) {\n      id\n      changes(first: $first, after: $after, kind: $kind) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            id\n            kind\n            line\n            sku\n            changedFields\n            product {\n              id\n            }\n            before {\n              sku\n              name\n              description\n              active\n            }\n            after {\n              sku\n              name\n              description\n              active\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.ImportChangesDocument,
    "\n  query ImportJob($id: ID!) {\n    importJob(id: $id) {\n      ...ImportJobFields\n      errors(first: 50) {\n        totalCount\n        edges {\n          node {\n            line\n            sku\n            message\n          }\n        }\n      }\n    }\n  }\n": typeof types.ImportJobDocument,
    "\n  query ImportJobs($first: Int, $after: String) {\n    importJobs(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...ImportJobFields\n        }\n      }\n    }\n  }\n": typeof types.ImportJobsDocument,
    "\n  query RevertConflicts($id: ID!, $first: Int, $after: String) {\n    importJob(id: $id) {\n      id\n      conflicts(first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            id\n            reason\n            message\n            laterImportId\n            change {\n              line\n              sku\n              kind\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.RevertConflictsDocument,
    "\n  query RevertPreview($id: ID!) {\n    importJob(id: $id) {\n      id\n      revertPreview {\n        deleteCount\n        restoreCount\n        conflictCount\n      }\n    }\n  }\n": typeof types.RevertPreviewDocument,
    "\n  query StagedImport($id: ID!) {\n    importJob(id: $id) {\n      __typename\n      ...ImportInspectionFields\n    }\n  }\n": typeof types.StagedImportDocument,
    "\n  mutation ImportAgain($id: ID!, $dryRun: Boolean) {\n    importAgain(id: $id, dryRun: $dryRun) {\n      __typename\n      ... on ImportJob {\n        ...ImportJobFields\n      }\n      ...OperationInfoFields\n    }\n  }\n": typeof types.ImportAgainDocument,
    "\n  fragment ImportInspectionFields on ImportJob {\n    ...ImportJobFields\n    format\n    compression\n    encoding\n    delimiter\n    sheet\n    sheetNames\n    headerRow\n    headers\n    rowEstimate\n    mappingSource\n    mapping {\n      sku\n      name\n      description\n      active\n    }\n    suggestedMapping {\n      sku\n      name\n      description\n      active\n    }\n    mappingProblem {\n      field\n      message\n      code\n    }\n    columnNotes {\n      field\n      note\n    }\n    previewRows {\n      line\n      values\n      problem\n      cells {\n        field\n        column\n        value\n        problem\n      }\n    }\n  }\n": typeof types.ImportInspectionFieldsFragmentDoc,
    "\n  fragment ImportJobFields on ImportJob {\n    id\n    status\n    fileName\n    fileSize\n    dryRun\n    progress\n    bytesProcessed\n    rowsProcessed\n    createdCount\n    updatedCount\n    unchangedCount\n    replacedCount\n    errorCount\n    errorMessage\n    notice\n    createdAt\n    startedAt\n    finishedAt\n    kind\n    origin\n    deletedCount\n    restoredCount\n    conflictCount\n    revertBlockedReason\n    changesKeptUntil\n    fileKeptUntil\n    reverts {\n      id\n      fileName\n    }\n    ...ImportSyncFields\n  }\n": typeof types.ImportJobFieldsFragmentDoc,
    "\n  mutation ImportProducts($file: Upload!, $dryRun: Boolean) {\n    importProducts(file: $file, dryRun: $dryRun) {\n      __typename\n      ... on ImportJob {\n        ...ImportJobFields\n      }\n      ...OperationInfoFields\n    }\n  }\n": typeof types.ImportProductsDocument,
    "\n  subscription ImportProgress($id: ID!) {\n    importProgress(id: $id) {\n      ...ImportJobFields\n    }\n  }\n": typeof types.ImportProgressDocument,
    "\n  fragment ImportSyncFields on ImportJob {\n    mode\n    emptyCells\n    missing\n    missingScope\n    source\n    maxRemovalPercent\n    skippedCount\n    deactivatedCount\n    removalCount\n    removalScopeCount\n    removalSample\n    removalHeld\n  }\n": typeof types.ImportSyncFieldsFragmentDoc,
    "\n  mutation InspectImport($id: ID!, $options: ImportOptionsInput!) {\n    inspectImport(id: $id, options: $options) {\n      __typename\n      ...ImportInspectionFields\n      ...OperationInfoFields\n    }\n  }\n": typeof types.InspectImportDocument,
    "\n  mutation RevertImport($id: ID!) {\n    revertImport(id: $id) {\n      __typename\n      ... on ImportJob {\n        ...ImportJobFields\n      }\n      ...OperationInfoFields\n    }\n  }\n": typeof types.RevertImportDocument,
    "\n  mutation StageImport($file: Upload!, $options: ImportOptionsInput, $dryRun: Boolean) {\n    stageImport(file: $file, options: $options, dryRun: $dryRun) {\n      __typename\n      ...ImportInspectionFields\n      ...OperationInfoFields\n    }\n  }\n": typeof types.StageImportDocument,
    "\n  mutation StartImport($id: ID!, $options: ImportOptionsInput, $dryRun: Boolean) {\n    startImport(id: $id, options: $options, dryRun: $dryRun) {\n      __typename\n      ...ImportInspectionFields\n      ...OperationInfoFields\n    }\n  }\n": typeof types.StartImportDocument,
    "\n  mutation ChangeRole($id: ID!, $role: Role!) {\n    changeRole(id: $id, role: $role) {\n      __typename\n      ... on User {\n        id\n        role\n      }\n      ...OperationInfoFields\n    }\n  }\n": typeof types.ChangeRoleDocument,
    "\n  mutation DeactivatePerson($id: ID!) {\n    deactivatePerson(id: $id) {\n      __typename\n      ... on User {\n        id\n        isActive\n      }\n      ...OperationInfoFields\n    }\n  }\n": typeof types.DeactivatePersonDocument,
    "\n  mutation ReactivatePerson($id: ID!) {\n    reactivatePerson(id: $id) {\n      __typename\n      ... on User {\n        id\n        isActive\n      }\n      ...OperationInfoFields\n    }\n  }\n": typeof types.ReactivatePersonDocument,
    "\n  query People {\n    people(first: 500) {\n      edges {\n        node {\n          id\n          username\n          email\n          role\n          isActive\n          lastLogin\n        }\n      }\n    }\n    invitations {\n      id\n      email\n      role\n      expiresAt\n      invitedBy {\n        username\n      }\n    }\n  }\n": typeof types.PeopleDocument,
    "\n  mutation InvitePerson($email: String!, $role: Role!) {\n    invitePerson(email: $email, role: $role) {\n      __typename\n      ... on InvitationSent {\n        deliveryNote\n        link\n        invitation {\n          id\n          email\n          role\n        }\n      }\n      ...OperationInfoFields\n    }\n  }\n": typeof types.InvitePersonDocument,
    "\n  mutation SetProductsActive($active: Boolean!, $ids: [ID!], $filters: ProductFilter) {\n    setProductsActive(active: $active, ids: $ids, filters: $filters) {\n      __typename\n      ... on SetProductsActiveResult {\n        changedCount\n        job {\n          id\n        }\n      }\n      ...OperationInfoFields\n    }\n  }\n": typeof types.SetProductsActiveDocument,
    "\n  mutation DeleteSelectedProducts($ids: [ID!]) {\n    deleteProducts(ids: $ids) {\n      __typename\n      ... on DeleteProductsResult {\n        deletedCount\n        job {\n          id\n        }\n      }\n      ...OperationInfoFields\n    }\n  }\n": typeof types.DeleteSelectedProductsDocument,
    "\n  mutation UndoBulkAction($id: ID!) {\n    revertImport(id: $id) {\n      __typename\n      ... on ImportJob {\n        id\n      }\n      ...OperationInfoFields\n    }\n  }\n": typeof types.UndoBulkActionDocument,
    "\n  mutation CreateProduct($input: ProductInput!) {\n    createProduct(input: $input) {\n      __typename\n      ... on Product {\n        ...ProductFields\n      }\n      ...OperationInfoFields\n    }\n  }\n": typeof types.CreateProductDocument,
    "\n  mutation DeleteAllProducts {\n    deleteAllProducts {\n      __typename\n      deletedCount\n    }\n  }\n": typeof types.DeleteAllProductsDocument,
    "\n  mutation DeleteProduct($id: ID!) {\n    deleteProduct(id: $id) {\n      __typename\n      ... on Product {\n        id\n        sku\n      }\n      ...OperationInfoFields\n    }\n  }\n": typeof types.DeleteProductDocument,
    "\n  fragment ExportJobFields on ExportJob {\n    id\n    status\n    format\n    progress\n    rowCount\n    totalRows\n    fileSize\n    errorMessage\n    downloadUrl\n    createdAt\n    finishedAt\n    expiresAt\n  }\n": typeof types.ExportJobFieldsFragmentDoc,
    "\n  mutation ExportProducts($filters: ProductFilter, $format: ExportFormat!) {\n    exportProducts(filters: $filters, format: $format) {\n      __typename\n      ... on ExportJob {\n        ...ExportJobFields\n      }\n      ...OperationInfoFields\n    }\n  }\n": typeof types.ExportProductsDocument,
    "\n  query ExportJob($id: ID!) {\n    exportJob(id: $id) {\n      ...ExportJobFields\n    }\n  }\n": typeof types.ExportJobDocument,
    "\n  query LastManualEdit($id: ID!) {\n    product(id: $id) {\n      id\n      lastManualEdit {\n        at\n        actor\n        tokenLabel\n      }\n    }\n  }\n": typeof types.LastManualEditDocument,
    "\n  query Products(\n    $filters: ProductFilter\n    $ordering: [ProductOrder!]\n    $first: Int\n    $after: String\n    $last: Int\n    $before: String\n  ) {\n    products(filters: $filters, ordering: $ordering, first: $first, after: $after, last: $last, before: $before) {\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...ProductFields\n        }\n      }\n    }\n  }\n": typeof types.ProductsDocument,
    "\n  query ProductsCount($filters: ProductFilter) {\n    products(filters: $filters) {\n      totalCount\n    }\n  }\n": typeof types.ProductsCountDocument,
    "\n  fragment ProductFields on Product {\n    id\n    sku\n    name\n    description\n    active\n    createdAt\n    updatedAt\n    lastImportLine\n    lastImport {\n      id\n      fileName\n    }\n  }\n": typeof types.ProductFieldsFragmentDoc,
    "\n  mutation UpdateProduct($input: ProductPartialInput!) {\n    updateProduct(input: $input) {\n      __typename\n      ... on Product {\n        ...ProductFields\n      }\n      ...OperationInfoFields\n    }\n  }\n": typeof types.UpdateProductDocument,
    "\n  query CurrentProduct($id: ID!) {\n    product(id: $id) {\n      ...ProductFields\n    }\n  }\n": typeof types.CurrentProductDocument,
    "\n  mutation CreateWebhook($input: WebhookInput!) {\n    createWebhook(input: $input) {\n      __typename\n      ... on Webhook {\n        ...WebhookFields\n      }\n      ...OperationInfoFields\n    }\n  }\n": typeof types.CreateWebhookDocument,
    "\n  mutation DeleteWebhook($id: ID!) {\n    deleteWebhook(id: $id) {\n      __typename\n      ... on Webhook {\n        id\n      }\n      ...OperationInfoFields\n    }\n  }\n": typeof types.DeleteWebhookDocument,
    "\n  fragment DeliveryFields on WebhookDelivery {\n    id\n    eventId\n    eventType\n    attempt\n    status\n    statusCode\n    durationMs\n    error\n    requestBody\n    responseBody\n    createdAt\n    nextAttemptAt\n  }\n": typeof types.DeliveryFieldsFragmentDoc,
    "\n  query WebhookDeliveries($webhookId: ID!, $first: Int, $after: String) {\n    webhookDeliveries(webhookId: $webhookId, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...DeliveryFields\n        }\n      }\n    }\n  }\n": typeof types.WebhookDeliveriesDocument,
    "\n  query Webhooks {\n    webhooks {\n      ...WebhookFields\n    }\n  }\n": typeof types.WebhooksDocument,
    "\n  mutation RedeliverWebhook($deliveryId: ID!) {\n    redeliverWebhook(deliveryId: $deliveryId) {\n      __typename\n      ... on WebhookDelivery {\n        ...DeliveryFields\n      }\n      ...OperationInfoFields\n    }\n  }\n": typeof types.RedeliverWebhookDocument,
    "\n  mutation RotateWebhookSecret($id: ID!) {\n    rotateWebhookSecret(id: $id) {\n      __typename\n      ... on Webhook {\n        ...WebhookFields\n      }\n      ...OperationInfoFields\n    }\n  }\n": typeof types.RotateWebhookSecretDocument,
    "\n  mutation TestWebhook($id: ID!) {\n    testWebhook(id: $id) {\n      __typename\n      ... on WebhookDelivery {\n        ...DeliveryFields\n      }\n      ...OperationInfoFields\n    }\n  }\n": typeof types.TestWebhookDocument,
    "\n  mutation UpdateWebhook($input: WebhookPartialInput!) {\n    updateWebhook(input: $input) {\n      __typename\n      ... on Webhook {\n        ...WebhookFields\n      }\n      ...OperationInfoFields\n    }\n  }\n": typeof types.UpdateWebhookDocument,
    "\n  fragment WebhookFields on Webhook {\n    id\n    url\n    events\n    enabled\n    secret\n    description\n    consecutiveFailures\n    disabledReason\n    createdAt\n    updatedAt\n  }\n": typeof types.WebhookFieldsFragmentDoc,
    "\n  fragment OperationInfoFields on OperationInfo {\n    messages {\n      kind\n      message\n      field\n      code\n    }\n  }\n": typeof types.OperationInfoFieldsFragmentDoc,
};
const documents: Documents = {
    "\n  query Activity($first: Int!, $after: String, $kind: String, $userId: ID, $since: DateTime, $until: DateTime) {\n    activityEntries(first: $first, after: $after, kind: $kind, userId: $userId, since: $since, until: $until) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          at\n          kind\n          actor\n          tokenLabel\n          ip\n          requestId\n          targetType\n          targetLabel\n        }\n      }\n    }\n  }\n": types.ActivityDocument,
    "\n  query ActivityPeople {\n    people(first: 500) {\n      edges {\n        node {\n          id\n          username\n        }\n      }\n    }\n  }\n": types.ActivityPeopleDocument,
    "\n  mutation CreateApiToken($name: String!, $scopes: [ApiTokenScope!], $expiresAt: DateTime) {\n    createApiToken(name: $name, scopes: $scopes, expiresAt: $expiresAt) {\n      token\n      apiToken {\n        id\n        name\n        prefix\n        createdAt\n        lastUsedAt\n        scopes\n        expiresAt\n      }\n    }\n  }\n": types.CreateApiTokenDocument,
    "\n  query ApiTokens {\n    apiTokens {\n      id\n      name\n      prefix\n      createdAt\n      lastUsedAt\n      scopes\n      expiresAt\n    }\n  }\n": types.ApiTokensDocument,
    "\n  mutation RevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id) {\n      __typename\n      ... on ApiToken {\n        id\n      }\n      ...OperationInfoFields\n    }\n  }\n": types.RevokeApiTokenDocument,
    "\n  query Invitation($token: String!) {\n    invitation(token: $token) {\n      email\n      role\n      expiresAt\n    }\n  }\n": types.InvitationDocument,
    "\n  mutation AcceptInvitation($token: String!, $username: String!, $password: String!) {\n    acceptInvitation(token: $token, username: $username, password: $password) {\n      __typename\n      ... on User {\n        username\n      }\n      ...OperationInfoFields\n    }\n  }\n": types.AcceptInvitationDocument,
    "\n  mutation RequestPasswordReset($login: String!) {\n    requestPasswordReset(login: $login)\n  }\n": types.RequestPasswordResetDocument,
    "\n  mutation ResetPassword($uid: String!, $token: String!, $password: String!) {\n    resetPassword(uid: $uid, token: $token, password: $password) {\n      __typename\n      ... on User {\n        username\n      }\n      ...OperationInfoFields\n    }\n  }\n": types.ResetPasswordDocument,
    "\n  mutation Login($username: String!, $password: String!) {\n    login(username: $username, password: $password) {\n      ...SignedInUser\n    }\n  }\n": types.LoginDocument,
    "\n  mutation Logout {\n    logout\n  }\n": types.LogoutDocument,
    "\n  fragment SignedInUser on User {\n    id\n    username\n    role\n    allowedOperations\n  }\n": types.SignedInUserFragmentDoc,
    "\n  query Me {\n    me {\n      ...SignedInUser\n    }\n  }\n": types.MeDocument,
    "\n  mutation CreateFeed($input: FeedInput!) {\n    createFeed(input: $input) {\n      __typename\n      ... on Feed {\n        ...FeedFields\n      }\n      ...OperationInfoFields\n    }\n  }\n": types.CreateFeedDocument,
    "\n  mutation DeleteFeed($id: ID!) {\n    deleteFeed(id: $id) {\n      __typename\n      ... on Feed {\n        ...FeedFields\n      }\n      ...OperationInfoFields\n    }\n  }\n": types.DeleteFeedDocument,
    "\n  fragment FeedRunFields on FeedRun {\n    id\n    status\n    trigger\n    startedAt\n    finishedAt\n    fetchedBytes\n    message\n    errorCode\n    httpStatus\n    job {\n      id\n      status\n      fileName\n      createdCount\n      updatedCount\n      errorCount\n    }\n  }\n": types.FeedRunFieldsFragmentDoc,
    "\n  fragment FeedFields on Feed {\n    id\n    name\n    url\n    username\n    hasPassword\n    headerName\n    hasHeaderValue\n    hasPrivateKey\n    hostKey\n    schedule\n    timeZone\n    scheduleDescription\n    nextRunAt\n    nextRunTimes\n    enabled\n    disabledReason\n    consecutiveFailures\n    notifyEmails\n    notifyOnSuccess\n    options {\n      format\n      sheet\n      encoding\n      delimiter\n      headerRow\n      mapping {\n        sku\n        name\n        description\n        active\n      }\n      mode\n      emptyCells\n      missing\n      missingScope\n      maxRemovalPercent\n    }\n    lastRun {\n      ...FeedRunFields\n    }\n    createdAt\n    updatedAt\n  }\n": types.FeedFieldsFragmentDoc,
    "\n  query Feed($id: ID!, $runs: Int) {\n    feed(id: $id) {\n      ...FeedFields\n      runs(first: $runs) {\n        totalCount\n        edges {\n          node {\n            ...FeedRunFields\n          }\n        }\n      }\n    }\n  }\n": types.FeedDocument,
    "\n  query Feeds($first: Int, $after: String) {\n    feeds(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...FeedFields\n        }\n      }\n    }\n  }\n": types.FeedsDocument,
    "\n  mutation RunFeed($id: ID!) {\n    runFeed(id: $id) {\n      __typename\n      ... on FeedRun {\n        ...FeedRunFields\n      }\n      ...OperationInfoFields\n    }\n  }\n": types.RunFeedDocument,
    "\n  mutation TestFeedSource($input: FeedInput!, $feedId: ID) {\n    testFeedSource(input: $input, feedId: $feedId) {\n      __typename\n      ... on FeedSourceTest {\n        ok\n        message\n        code\n        httpStatus\n        size\n        contentType\n        hostKey\n        job {\n          ...ImportInspectionFields\n        }\n      }\n      ...OperationInfoFields\n    }\n  }\n": types.TestFeedSourceDocument,
    "\n  mutation UpdateFeed($id: ID!, $input: FeedInput!) {\n    updateFeed(id: $id, input: $input) {\n      __typename\n      ... on Feed {\n        ...FeedFields\n      }\n      ...OperationInfoFields\n    }\n  }\n": types.UpdateFeedDocument,
    "\n  mutation CancelImport($id: ID!) {\n    cancelImport(id: $id) {\n      __typename\n      ... on ImportJob {\n        ...ImportJobFields\n      }\n      ...OperationInfoFields\n    }\n  }\n": types.CancelImportDocument,
    "\n  mutation ChooseImportSync($id: ID!, $options: ImportOptionsInput!) {\n    chooseImportSync(id: $id, options: $options) {\n      __typename\n      ... on ImportJob {\n        id\n        ...ImportSyncFields\n      }\n      ...OperationInfoFields\n    }\n  }\n": types.ChooseImportSyncDocument,
    "\n  mutation ConfirmImport($id: ID!) {\n    confirmImport(id: $id) {\n      __typename\n      ... on ImportJob {\n        ...ImportJobFields\n      }\n      ...OperationInfoFields\n    }\n  }\n": types.ConfirmImportDocument,
    "\n  query UploadLimits {\n    uploadLimits {\n      directUploads\n      partSize\n      maxBytes\n    }\n  }\n": types.UploadLimitsDocument,
    "\n  mutation CreateUpload($fileName: String!, $size: Float!, $contentType: String) {\n    createUpload(fileName: $fileName, size: $size, contentType: $contentType) {\n      __typename\n      ... on DirectUpload {\n        id\n        partSize\n        partCount\n      }\n      ...OperationInfoFields\n    }\n  }\n": types.CreateUploadDocument,
    "\n  query UploadPartUrls($id: ID!, $partNumbers: [Int!]!) {\n    uploadPartUrls(id: $id, partNumbers: $partNumbers) {\n      partNumber\n      url\n    }\n  }\n": types.UploadPartUrlsDocument,
    "\n  query UploadedParts($id: ID!) {\n    uploadedParts(id: $id) {\n      partNumber\n      size\n      etag\n    }\n  }\n": types.UploadedPartsDocument,
    "\n  mutation CompleteUpload($id: ID!, $parts: [UploadPartInput!]!, $dryRun: Boolean) {\n    completeUpload(id: $id, parts: $parts, dryRun: $dryRun) {\n      __typename\n      ...ImportInspectionFields\n      ...OperationInfoFields\n    }\n  }\n": types.CompleteUploadDocument,
    "\n  mutation AbortUpload($id: ID!) {\n    abortUpload(id: $id) {\n      __typename\n    }\n  }\n": types.AbortUploadDocument,
    "\n  query ImportChanges($id: ID!, $first: Int, $after: String, $kind: ImportChangeKind) {\n    importJob(id: $id) {\n      id\n      changes(first: $first, after: $after, kind: $kind) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            id\n            kind\n            line\n            sku\n            changedFields\n            product {\n              id\n            }\n            before {\n              sku\n              name\n              description\n              active\n            }\n            after {\n              sku\n              name\n              description\n              active\n            }\n          }\n        }\n      }\n    }\n  }\n": types.ImportChangesDocument,
    "\n  query ImportJob($id: ID!) {\n    importJob(id: $id) {\n      ...ImportJobFields\n      errors(first: 50) {\n        totalCount\n        edges {\n          node {\n            line\n            sku\n            message\n          }\n        }\n      }\n    }\n  }\n": types.ImportJobDocument,
    "\n  query ImportJobs($first: Int, $after: String) {\n    importJobs(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...ImportJobFields\n        }\n      }\n    }\n  }\n": types.ImportJobsDocument,
    "\n  query RevertConflicts($id: ID!, $first: Int, $after: String) {\n    importJob(id: $id) {\n      id\n      conflicts(first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            id\n            reason\n            message\n            laterImportId\n            change {\n              line\n              sku\n              kind\n            }\n          }\n        }\n      }\n    }\n  }\n": types.RevertConflictsDocument,
    "\n  query RevertPreview($id: ID!) {\n    importJob(id: $id) {\n      id\n      revertPreview {\n        deleteCount\n        restoreCount\n        conflictCount\n      }\n    }\n  }\n": types.RevertPreviewDocument,
    "\n  query StagedImport($id: ID!) {\n    importJob(id: $id) {\n      __typename\n      ...ImportInspectionFields\n    }\n  }\n": types.StagedImportDocument,
    "\n  mutation ImportAgain($id: ID!, $dryRun: Boolean) {\n    importAgain(id: $id, dryRun: $dryRun) {\n      __typename\n      ... on ImportJob {\n        ...ImportJobFields\n      }\n      ...OperationInfoFields\n    }\n  }\n": types.ImportAgainDocument,
    "\n  fragment ImportInspectionFields on ImportJob {\n    ...ImportJobFields\n    format\n    compression\n    encoding\n    delimiter\n    sheet\n    sheetNames\n    headerRow\n    headers\n    rowEstimate\n    mappingSource\n    mapping {\n      sku\n      name\n      description\n      active\n    }\n    suggestedMapping {\n      sku\n      name\n      description\n      active\n    }\n    mappingProblem {\n      field\n      message\n      code\n    }\n    columnNotes {\n      field\n      note\n    }\n    previewRows {\n      line\n      values\n      problem\n      cells {\n        field\n        column\n        value\n        problem\n      }\n    }\n  }\n": types.ImportInspectionFieldsFragmentDoc,
    "\n  fragment ImportJobFields on ImportJob {\n    id\n    status\n    fileName\n    fileSize\n    dryRun\n    progress\n    bytesProcessed\n    rowsProcessed\n    createdCount\n    updatedCount\n    unchangedCount\n    replacedCount\n    errorCount\n    errorMessage\n    notice\n    createdAt\n    startedAt\n    finishedAt\n    kind\n    origin\n    deletedCount\n    restoredCount\n    conflictCount\n    revertBlockedReason\n    changesKeptUntil\n    fileKeptUntil\n    reverts {\n      id\n      fileName\n    }\n    ...ImportSyncFields\n  }\n": types.ImportJobFieldsFragmentDoc,
    "\n  mutation ImportProducts($file: Upload!, $dryRun: Boolean) {\n    importProducts(file: $file, dryRun: $dryRun) {\n      __typename\n      ... on ImportJob {\n        ...ImportJobFields\n      }\n      ...OperationInfoFields\n    }\n  }\n": types.ImportProductsDocument,
    "\n  subscription ImportProgress($id: ID!) {\n    importProgress(id: $id) {\n      ...ImportJobFields\n    }\n  }\n": types.ImportProgressDocument,
    "\n  fragment ImportSyncFields on ImportJob {\n    mode\n    emptyCells\n    missing\n    missingScope\n    source\n    maxRemovalPercent\n    skippedCount\n    deactivatedCount\n    removalCount\n    removalScopeCount\n    removalSample\n    removalHeld\n  }\n": types.ImportSyncFieldsFragmentDoc,
    "\n  mutation InspectImport($id: ID!, $options: ImportOptionsInput!) {\n    inspectImport(id: $id, options: $options) {\n      __typename\n      ...ImportInspectionFields\n      ...OperationInfoFields\n    }\n  }\n": types.InspectImportDocument,
    "\n  mutation RevertImport($id: ID!) {\n    revertImport(id: $id) {\n      __typename\n      ... on ImportJob {\n        ...ImportJobFields\n      }\n      ...OperationInfoFields\n    }\n  }\n": types.RevertImportDocument,
    "\n  mutation StageImport($file: Upload!, $options: ImportOptionsInput, $dryRun: Boolean) {\n    stageImport(file: $file, options: $options, dryRun: $dryRun) {\n      __typename\n      ...ImportInspectionFields\n      ...OperationInfoFields\n    }\n  }\n": types.StageImportDocument,
    "\n  mutation StartImport($id: ID!, $options: ImportOptionsInput, $dryRun: Boolean) {\n    startImport(id: $id, options: $options, dryRun: $dryRun) {\n      __typename\n      ...ImportInspectionFields\n      ...OperationInfoFields\n    }\n  }\n": types.StartImportDocument,
    "\n  mutation ChangeRole($id: ID!, $role: Role!) {\n    changeRole(id: $id, role: $role) {\n      __typename\n      ... on User {\n        id\n        role\n      }\n      ...OperationInfoFields\n    }\n  }\n": types.ChangeRoleDocument,
    "\n  mutation DeactivatePerson($id: ID!) {\n    deactivatePerson(id: $id) {\n      __typename\n      ... on User {\n        id\n        isActive\n      }\n      ...OperationInfoFields\n    }\n  }\n": types.DeactivatePersonDocument,
    "\n  mutation ReactivatePerson($id: ID!) {\n    reactivatePerson(id: $id) {\n      __typename\n      ... on User {\n        id\n        isActive\n      }\n      ...OperationInfoFields\n    }\n  }\n": types.ReactivatePersonDocument,
    "\n  query People {\n    people(first: 500) {\n      edges {\n        node {\n          id\n          username\n          email\n          role\n          isActive\n          lastLogin\n        }\n      }\n    }\n    invitations {\n      id\n      email\n      role\n      expiresAt\n      invitedBy {\n        username\n      }\n    }\n  }\n": types.PeopleDocument,
    "\n  mutation InvitePerson($email: String!, $role: Role!) {\n    invitePerson(email: $email, role: $role) {\n      __typename\n      ... on InvitationSent {\n        deliveryNote\n        link\n        invitation {\n          id\n          email\n          role\n        }\n      }\n      ...OperationInfoFields\n    }\n  }\n": types.InvitePersonDocument,
    "\n  mutation SetProductsActive($active: Boolean!, $ids: [ID!], $filters: ProductFilter) {\n    setProductsActive(active: $active, ids: $ids, filters: $filters) {\n      __typename\n      ... on SetProductsActiveResult {\n        changedCount\n        job {\n          id\n        }\n      }\n      ...OperationInfoFields\n    }\n  }\n": types.SetProductsActiveDocument,
    "\n  mutation DeleteSelectedProducts($ids: [ID!]) {\n    deleteProducts(ids: $ids) {\n      __typename\n      ... on DeleteProductsResult {\n        deletedCount\n        job {\n          id\n        }\n      }\n      ...OperationInfoFields\n    }\n  }\n": types.DeleteSelectedProductsDocument,
    "\n  mutation UndoBulkAction($id: ID!) {\n    revertImport(id: $id) {\n      __typename\n      ... on ImportJob {\n        id\n      }\n      ...OperationInfoFields\n    }\n  }\n": types.UndoBulkActionDocument,
    "\n  mutation CreateProduct($input: ProductInput!) {\n    createProduct(input: $input) {\n      __typename\n      ... on Product {\n        ...ProductFields\n      }\n      ...OperationInfoFields\n    }\n  }\n": types.CreateProductDocument,
    "\n  mutation DeleteAllProducts {\n    deleteAllProducts {\n      __typename\n      deletedCount\n    }\n  }\n": types.DeleteAllProductsDocument,
    "\n  mutation DeleteProduct($id: ID!) {\n    deleteProduct(id: $id) {\n      __typename\n      ... on Product {\n        id\n        sku\n      }\n      ...OperationInfoFields\n    }\n  }\n": types.DeleteProductDocument,
    "\n  fragment ExportJobFields on ExportJob {\n    id\n    status\n    format\n    progress\n    rowCount\n    totalRows\n    fileSize\n    errorMessage\n    downloadUrl\n    createdAt\n    finishedAt\n    expiresAt\n  }\n": types.ExportJobFieldsFragmentDoc,
    "\n  mutation ExportProducts($filters: ProductFilter, $format: ExportFormat!) {\n    exportProducts(filters: $filters, format: $format) {\n      __typename\n      ... on ExportJob {\n        ...ExportJobFields\n      }\n      ...OperationInfoFields\n    }\n  }\n": types.ExportProductsDocument,
    "\n  query ExportJob($id: ID!) {\n    exportJob(id: $id) {\n      ...ExportJobFields\n    }\n  }\n": types.ExportJobDocument,
    "\n  query LastManualEdit($id: ID!) {\n    product(id: $id) {\n      id\n      lastManualEdit {\n        at\n        actor\n        tokenLabel\n      }\n    }\n  }\n": types.LastManualEditDocument,
    "\n  query Products(\n    $filters: ProductFilter\n    $ordering: [ProductOrder!]\n    $first: Int\n    $after: String\n    $last: Int\n    $before: String\n  ) {\n    products(filters: $filters, ordering: $ordering, first: $first, after: $after, last: $last, before: $before) {\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...ProductFields\n        }\n      }\n    }\n  }\n": types.ProductsDocument,
    "\n  query ProductsCount($filters: ProductFilter) {\n    products(filters: $filters) {\n      totalCount\n    }\n  }\n": types.ProductsCountDocument,
    "\n  fragment ProductFields on Product {\n    id\n    sku\n    name\n    description\n    active\n    createdAt\n    updatedAt\n    lastImportLine\n    lastImport {\n      id\n      fileName\n    }\n  }\n": types.ProductFieldsFragmentDoc,
    "\n  mutation UpdateProduct($input: ProductPartialInput!) {\n    updateProduct(input: $input) {\n      __typename\n      ... on Product {\n        ...ProductFields\n      }\n      ...OperationInfoFields\n    }\n  }\n": types.UpdateProductDocument,
    "\n  query CurrentProduct($id: ID!) {\n    product(id: $id) {\n      ...ProductFields\n    }\n  }\n": types.CurrentProductDocument,
    "\n  mutation CreateWebhook($input: WebhookInput!) {\n    createWebhook(input: $input) {\n      __typename\n      ... on Webhook {\n        ...WebhookFields\n      }\n      ...OperationInfoFields\n    }\n  }\n": types.CreateWebhookDocument,
    "\n  mutation DeleteWebhook($id: ID!) {\n    deleteWebhook(id: $id) {\n      __typename\n      ... on Webhook {\n        id\n      }\n      ...OperationInfoFields\n    }\n  }\n": types.DeleteWebhookDocument,
    "\n  fragment DeliveryFields on WebhookDelivery {\n    id\n    eventId\n    eventType\n    attempt\n    status\n    statusCode\n    durationMs\n    error\n    requestBody\n    responseBody\n    createdAt\n    nextAttemptAt\n  }\n": types.DeliveryFieldsFragmentDoc,
    "\n  query WebhookDeliveries($webhookId: ID!, $first: Int, $after: String) {\n    webhookDeliveries(webhookId: $webhookId, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...DeliveryFields\n        }\n      }\n    }\n  }\n": types.WebhookDeliveriesDocument,
    "\n  query Webhooks {\n    webhooks {\n      ...WebhookFields\n    }\n  }\n": types.WebhooksDocument,
    "\n  mutation RedeliverWebhook($deliveryId: ID!) {\n    redeliverWebhook(deliveryId: $deliveryId) {\n      __typename\n      ... on WebhookDelivery {\n        ...DeliveryFields\n      }\n      ...OperationInfoFields\n    }\n  }\n": types.RedeliverWebhookDocument,
    "\n  mutation RotateWebhookSecret($id: ID!) {\n    rotateWebhookSecret(id: $id) {\n      __typename\n      ... on Webhook {\n        ...WebhookFields\n      }\n      ...OperationInfoFields\n    }\n  }\n": types.RotateWebhookSecretDocument,
    "\n  mutation TestWebhook($id: ID!) {\n    testWebhook(id: $id) {\n      __typename\n      ... on WebhookDelivery {\n        ...DeliveryFields\n      }\n      ...OperationInfoFields\n    }\n  }\n": types.TestWebhookDocument,
    "\n  mutation UpdateWebhook($input: WebhookPartialInput!) {\n    updateWebhook(input: $input) {\n      __typename\n      ... on Webhook {\n        ...WebhookFields\n      }\n      ...OperationInfoFields\n    }\n  }\n": types.UpdateWebhookDocument,
    "\n  fragment WebhookFields on Webhook {\n    id\n    url\n    events\n    enabled\n    secret\n    description\n    consecutiveFailures\n    disabledReason\n    createdAt\n    updatedAt\n  }\n": types.WebhookFieldsFragmentDoc,
    "\n  fragment OperationInfoFields on OperationInfo {\n    messages {\n      kind\n      message\n      field\n      code\n    }\n  }\n": types.OperationInfoFieldsFragmentDoc,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Activity($first: Int!, $after: String, $kind: String, $userId: ID, $since: DateTime, $until: DateTime) {\n    activityEntries(first: $first, after: $after, kind: $kind, userId: $userId, since: $since, until: $until) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          at\n          kind\n          actor\n          tokenLabel\n          ip\n          requestId\n          targetType\n          targetLabel\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Activity($first: Int!, $after: String, $kind: String, $userId: ID, $since: DateTime, $until: DateTime) {\n    activityEntries(first: $first, after: $after, kind: $kind, userId: $userId, since: $since, until: $until) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          at\n          kind\n          actor\n          tokenLabel\n          ip\n          requestId\n          targetType\n          targetLabel\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ActivityPeople {\n    people(first: 500) {\n      edges {\n        node {\n          id\n          username\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ActivityPeople {\n    people(first: 500) {\n      edges {\n        node {\n          id\n          username\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateApiToken($name: String!, $scopes: [ApiTokenScope!], $expiresAt: DateTime) {\n    createApiToken(name: $name, scopes: $scopes, expiresAt: $expiresAt) {\n      token\n      apiToken {\n        id\n        name\n        prefix\n        createdAt\n        lastUsedAt\n        scopes\n        expiresAt\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateApiToken($name: String!, $scopes: [ApiTokenScope!], $expiresAt: DateTime) {\n    createApiToken(name: $name, scopes: $scopes, expiresAt: $expiresAt) {\n      token\n      apiToken {\n        id\n        name\n        prefix\n        createdAt\n        lastUsedAt\n        scopes\n        expiresAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApiTokens {\n    apiTokens {\n      id\n      name\n      prefix\n      createdAt\n      lastUsedAt\n      scopes\n      expiresAt\n    }\n  }\n"): (typeof documents)["\n  query ApiTokens {\n    apiTokens {\n      id\n      name\n      prefix\n      createdAt\n      lastUsedAt\n      scopes\n      expiresAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id) {\n      __typename\n      ... on ApiToken {\n        id\n      }\n      ...OperationInfoFields\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id) {\n      __typename\n      ... on ApiToken {\n        id\n      }\n      ...OperationInfoFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Invitation($token: String!) {\n    invitation(token: $token) {\n      email\n      role\n      expiresAt\n    }\n  }\n"): (typeof documents)["\n  query Invitation($token: String!) {\n    invitation(token: $token) {\n      email\n      role\n      expiresAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptInvitation($token: String!, $username: String!, $password: String!) {\n    acceptInvitation(token: $token, username: $username, password: $password) {\n      __typename\n      ... on User {\n        username\n      }\n      ...OperationInfoFields\n    }\n  }\n"): (typeof documents)["\n  mutation AcceptInvitation($token: String!, $username: String!, $password: String!) {\n    acceptInvitation(token: $token, username: $username, password: $password) {\n      __typename\n      ... on User {\n        username\n      }\n      ...OperationInfoFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestPasswordReset($login: String!) {\n    requestPasswordReset(login: $login)\n  }\n"): (typeof documents)["\n  mutation RequestPasswordReset($login: String!) {\n    requestPasswordReset(login: $login)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResetPassword($uid: String!, $token: String!, $password: String!) {\n    resetPassword(uid: $uid, token: $token, password: $password) {\n      __typename\n      ... on User {\n        username\n      }\n      ...OperationInfoFields\n    }\n  }\n"): (typeof documents)["\n  mutation ResetPassword($uid: String!, $token: String!, $password: String!) {\n    resetPassword(uid: $uid, token: $token, password: $password) {\n      __typename\n      ... on User {\n        username\n      }\n      ...OperationInfoFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($username: String!, $password: String!) {\n    login(username: $username, password: $password) {\n      ...SignedInUser\n    }\n  }\n"): (typeof documents)["\n  mutation Login($username: String!, $password: String!) {\n    login(username: $username, password: $password) {\n      ...SignedInUser\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Logout {\n    logout\n  }\n"): (typeof documents)["\n  mutation Logout {\n    logout\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SignedInUser on User {\n    id\n    username\n    role\n    allowedOperations\n  }\n"): (typeof documents)["\n  fragment SignedInUser on User {\n    id\n    username\n    role\n    allowedOperations\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      ...SignedInUser\n    }\n  }\n"): (typeof documents)["\n  query Me {\n    me {\n      ...SignedInUser\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateFeed($input: FeedInput!) {\n    createFeed(input: $input) {\n      __typename\n      ... on Feed {\n        ...FeedFields\n      }\n      ...OperationInfoFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateFeed($input: FeedInput!) {\n    createFeed(input: $input) {\n      __typename\n      ... on Feed {\n        ...FeedFields\n      }\n      ...OperationInfoFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteFeed($id: ID!) {\n    deleteFeed(id: $id) {\n      __typename\n      ... on Feed {\n        ...FeedFields\n      }\n      ...OperationInfoFields\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteFeed($id: ID!) {\n    deleteFeed(id: $id) {\n      __typename\n      ... on Feed {\n        ...FeedFields\n      }\n      ...OperationInfoFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment FeedRunFields on FeedRun {\n    id\n    status\n    trigger\n    startedAt\n    finishedAt\n    fetchedBytes\n    message\n    errorCode\n    httpStatus\n    job {\n      id\n      status\n      fileName\n      createdCount\n      updatedCount\n      errorCount\n    }\n  }\n"): (typeof documents)["\n  fragment FeedRunFields on FeedRun {\n    id\n    status\n    trigger\n    startedAt\n    finishedAt\n    fetchedBytes\n    message\n    errorCode\n    httpStatus\n    job {\n      id\n      status\n      fileName\n      createdCount\n      updatedCount\n      errorCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment FeedFields on Feed {\n    id\n    name\n    url\n    username\n    hasPassword\n    headerName\n    hasHeaderValue\n    hasPrivateKey\n    hostKey\n    schedule\n    timeZone\n    scheduleDescription\n    nextRunAt\n    nextRunTimes\n    enabled\n    disabledReason\n    consecutiveFailures\n    notifyEmails\n    notifyOnSuccess\n    options {\n      format\n      sheet\n      encoding\n      delimiter\n      headerRow\n      mapping {\n        sku\n        name\n        description\n        active\n      }\n      mode\n      emptyCells\n      missing\n      missingScope\n      maxRemovalPercent\n    }\n    lastRun {\n      ...FeedRunFields\n    }\n    createdAt\n    updatedAt\n  }\n"): (typeof documents)["\n  fragment FeedFields on Feed {\n    id\n    name\n    url\n    username\n    hasPassword\n    headerName\n    hasHeaderValue\n    hasPrivateKey\n    hostKey\n    schedule\n    timeZone\n    scheduleDescription\n    nextRunAt\n    nextRunTimes\n    enabled\n    disabledReason\n    consecutiveFailures\n    notifyEmails\n    notifyOnSuccess\n    options {\n      format\n      sheet\n      encoding\n      delimiter\n      headerRow\n      mapping {\n        sku\n        name\n        description\n        active\n      }\n      mode\n      emptyCells\n      missing\n      missingScope\n      maxRemovalPercent\n    }\n    lastRun {\n      ...FeedRunFields\n    }\n    createdAt\n    updatedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Feed($id: ID!, $runs: Int) {\n    feed(id: $id) {\n      ...FeedFields\n      runs(first: $runs) {\n        totalCount\n        edges {\n          node {\n            ...FeedRunFields\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Feed($id: ID!, $runs: Int) {\n    feed(id: $id) {\n      ...FeedFields\n      runs(first: $runs) {\n        totalCount\n        edges {\n          node {\n            ...FeedRunFields\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Feeds($first: Int, $after: String) {\n    feeds(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...FeedFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Feeds($first: Int, $after: String) {\n    feeds(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...FeedFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RunFeed($id: ID!) {\n    runFeed(id: $id) {\n      __typename\n      ... on FeedRun {\n        ...FeedRunFields\n      }\n      ...OperationInfoFields\n    }\n  }\n"): (typeof documents)["\n  mutation RunFeed($id: ID!) {\n    runFeed(id: $id) {\n      __typename\n      ... on FeedRun {\n        ...FeedRunFields\n      }\n      ...OperationInfoFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TestFeedSource($input: FeedInput!, $feedId: ID) {\n    testFeedSource(input: $input, feedId: $feedId) {\n      __typename\n      ... on FeedSourceTest {\n        ok\n        message\n        code\n        httpStatus\n        size\n        contentType\n        hostKey\n        job {\n          ...ImportInspectionFields\n        }\n      }\n      ...OperationInfoFields\n    }\n  }\n"): (typeof documents)["\n  mutation TestFeedSource($input: FeedInput!, $feedId: ID) {\n    testFeedSource(input: $input, feedId: $feedId) {\n      __typename\n      ... on FeedSourceTest {\n        ok\n        message\n        code\n        httpStatus\n        size\n        contentType\n        hostKey\n        job {\n          ...ImportInspectionFields\n        }\n      }\n      ...OperationInfoFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateFeed($id: ID!, $input: FeedInput!) {\n    updateFeed(id: $id, input: $input) {\n      __typename\n      ... on Feed {\n        ...FeedFields\n      }\n      ...OperationInfoFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateFeed($id: ID!, $input: FeedInput!) {\n    updateFeed(id: $id, input: $input) {\n      __typename\n      ... on Feed {\n        ...FeedFields\n      }\n      ...OperationInfoFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelImport($id: ID!) {\n    cancelImport(id: $id) {\n      __typename\n      ... on ImportJob {\n        ...ImportJobFields\n      }\n      ...OperationInfoFields\n    }\n  }\n"): (typeof documents)["\n  mutation CancelImport($id: ID!) {\n    cancelImport(id: $id) {\n      __typename\n      ... on ImportJob {\n        ...ImportJobFields\n      }\n      ...OperationInfoFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChooseImportSync($id: ID!, $options: ImportOptionsInput!) {\n    chooseImportSync(id: $id, options: $options) {\n      __typename\n      ... on ImportJob {\n        id\n        ...ImportSyncFields\n      }\n      ...OperationInfoFields\n    }\n  }\n"): (typeof documents)["\n  mutation ChooseImportSync($id: ID!, $options: ImportOptionsInput!) {\n    chooseImportSync(id: $id, options: $options) {\n      __typename\n      ... on ImportJob {\n        id\n        ...ImportSyncFields\n      }\n      ...OperationInfoFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConfirmImport($id: ID!) {\n    confirmImport(id: $id) {\n      __typename\n      ... on ImportJob {\n        ...ImportJobFields\n      }\n      ...OperationInfoFields\n    }\n  }\n"): (typeof documents)["\n  mutation ConfirmImport($id: ID!) {\n    confirmImport(id: $id) {\n      __typename\n      ... on ImportJob {\n        ...ImportJobFields\n      }\n      ...OperationInfoFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UploadLimits {\n    uploadLimits {\n      directUploads\n      partSize\n      maxBytes\n    }\n  }\n"): (typeof documents)["\n  query UploadLimits {\n    uploadLimits {\n      directUploads\n      partSize\n      maxBytes\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateUpload($fileName: String!, $size: Float!, $contentType: String) {\n    createUpload(fileName: $fileName, size: $size, contentType: $contentType) {\n      __typename\n      ... on DirectUpload {\n        id\n        partSize\n        partCount\n      }\n      ...OperationInfoFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateUpload($fileName: String!, $size: Float!, $contentType: String) {\n    createUpload(fileName: $fileName, size: $size, contentType: $contentType) {\n      __typename\n      ... on DirectUpload {\n        id\n        partSize\n        partCount\n      }\n      ...OperationInfoFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UploadPartUrls($id: ID!, $partNumbers: [Int!]!) {\n    uploadPartUrls(id: $id, partNumbers: $partNumbers) {\n      partNumber\n      url\n    }\n  }\n"): (typeof documents)["\n  query UploadPartUrls($id: ID!, $partNumbers: [Int!]!) {\n    uploadPartUrls(id: $id, partNumbers: $partNumbers) {\n      partNumber\n      url\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UploadedParts($id: ID!) {\n    uploadedParts(id: $id) {\n      partNumber\n      size\n      etag\n    }\n  }\n"): (typeof documents)["\n  query UploadedParts($id: ID!) {\n    uploadedParts(id: $id) {\n      partNumber\n      size\n      etag\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CompleteUpload($id: ID!, $parts: [UploadPartInput!]!, $dryRun: Boolean) {\n    completeUpload(id: $id, parts: $parts, dryRun: $dryRun) {\n      __typename\n      ...ImportInspectionFields\n      ...OperationInfoFields\n    }\n  }\n"): (typeof documents)["\n  mutation CompleteUpload($id: ID!, $parts: [UploadPartInput!]!, $dryRun: Boolean) {\n    completeUpload(id: $id, parts: $parts, dryRun: $dryRun) {\n      __typename\n      ...ImportInspectionFields\n      ...OperationInfoFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AbortUpload($id: ID!) {\n    abortUpload(id: $id) {\n      __typename\n    }\n  }\n"): (typeof documents)["\n  mutation AbortUpload($id: ID!) {\n    abortUpload(id: $id) {\n      __typename\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ImportChanges($id: ID!, $first: Int, $after: String, $kind: ImportChangeKind) {\n    importJob(id: $id) {\n      id\n      changes(first: $first, after: $after, kind: $kind) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            id\n            kind\n            line\n            sku\n            changedFields\n            product {\n              id\n            }\n            before {\n              sku\n              name\n              description\n              active\n            }\n            after {\n              sku\n              name\n              description\n              active\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ImportChanges($id: ID!, $first: Int, $after: String, $kind: ImportChangeKind) {\n    importJob(id: $id) {\n      id\n      changes(first: $first, after: $after, kind: $kind) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            id\n            kind\n            line\n            sku\n            changedFields\n            product {\n              id\n            }\n            before {\n              sku\n              name\n              description\n              active\n            }\n            after {\n              sku\n              name\n              description\n              active\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ImportJob($id: ID!) {\n    importJob(id: $id) {\n      ...ImportJobFields\n      errors(first: 50) {\n        totalCount\n        edges {\n          node {\n            line\n            sku\n            message\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ImportJob($id: ID!) {\n    importJob(id: $id) {\n      ...ImportJobFields\n      errors(first: 50) {\n        totalCount\n        edges {\n          node {\n            line\n            sku\n            message\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ImportJobs($first: Int, $after: String) {\n    importJobs(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...ImportJobFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ImportJobs($first: Int, $after: String) {\n    importJobs(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...ImportJobFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RevertConflicts($id: ID!, $first: Int, $after: String) {\n    importJob(id: $id) {\n      id\n      conflicts(first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            id\n            reason\n            message\n            laterImportId\n            change {\n              line\n              sku\n              kind\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query RevertConflicts($id: ID!, $first: Int, $after: String) {\n    importJob(id: $id) {\n      id\n      conflicts(first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            id\n            reason\n            message\n            laterImportId\n            change {\n              line\n              sku\n              kind\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RevertPreview($id: ID!) {\n    importJob(id: $id) {\n      id\n      revertPreview {\n        deleteCount\n        restoreCount\n        conflictCount\n      }\n    }\n  }\n"): (typeof documents)["\n  query RevertPreview($id: ID!) {\n    importJob(id: $id) {\n      id\n      revertPreview {\n        deleteCount\n        restoreCount\n        conflictCount\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StagedImport($id: ID!) {\n    importJob(id: $id) {\n      __typename\n      ...ImportInspectionFields\n    }\n  }\n"): (typeof documents)["\n  query StagedImport($id: ID!) {\n    importJob(id: $id) {\n      __typename\n      ...ImportInspectionFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ImportAgain($id: ID!, $dryRun: Boolean) {\n    importAgain(id: $id, dryRun: $dryRun) {\n      __typename\n      ... on ImportJob {\n        ...ImportJobFields\n      }\n      ...OperationInfoFields\n    }\n  }\n"): (typeof documents)["\n  mutation ImportAgain($id: ID!, $dryRun: Boolean) {\n    importAgain(id: $id, dryRun: $dryRun) {\n      __typename\n      ... on ImportJob {\n        ...ImportJobFields\n      }\n      ...OperationInfoFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ImportInspectionFields on ImportJob {\n    ...ImportJobFields\n    format\n    compression\n    encoding\n    delimiter\n    sheet\n    sheetNames\n    headerRow\n    headers\n    rowEstimate\n    mappingSource\n    mapping {\n      sku\n      name\n      description\n      active\n    }\n    suggestedMapping {\n      sku\n      name\n      description\n      active\n    }\n    mappingProblem {\n      field\n      message\n      code\n    }\n    columnNotes {\n      field\n      note\n    }\n    previewRows {\n      line\n      values\n      problem\n      cells {\n        field\n        column\n        value\n        problem\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment ImportInspectionFields on ImportJob {\n    ...ImportJobFields\n    format\n    compression\n    encoding\n    delimiter\n    sheet\n    sheetNames\n    headerRow\n    headers\n    rowEstimate\n    mappingSource\n    mapping {\n      sku\n      name\n      description\n      active\n    }\n    suggestedMapping {\n      sku\n      name\n      description\n      active\n    }\n    mappingProblem {\n      field\n      message\n      code\n    }\n    columnNotes {\n      field\n      note\n    }\n    previewRows {\n      line\n      values\n      problem\n      cells {\n        field\n        column\n        value\n        problem\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ImportJobFields on ImportJob {\n    id\n    status\n    fileName\n    fileSize\n    dryRun\n    progress\n    bytesProcessed\n    rowsProcessed\n    createdCount\n    updatedCount\n    unchangedCount\n    replacedCount\n    errorCount\n    errorMessage\n    notice\n    createdAt\n    startedAt\n    finishedAt\n    kind\n    origin\n    deletedCount\n    restoredCount\n    conflictCount\n    revertBlockedReason\n    changesKeptUntil\n    fileKeptUntil\n    reverts {\n      id\n      fileName\n    }\n    ...ImportSyncFields\n  }\n"): (typeof documents)["\n  fragment ImportJobFields on ImportJob {\n    id\n    status\n    fileName\n    fileSize\n    dryRun\n    progress\n    bytesProcessed\n    rowsProcessed\n    createdCount\n    updatedCount\n    unchangedCount\n    replacedCount\n    errorCount\n    errorMessage\n    notice\n    createdAt\n    startedAt\n    finishedAt\n    kind\n    origin\n    deletedCount\n    restoredCount\n    conflictCount\n    revertBlockedReason\n    changesKeptUntil\n    fileKeptUntil\n    reverts {\n      id\n      fileName\n    }\n    ...ImportSyncFields\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ImportProducts($file: Upload!, $dryRun: Boolean) {\n    importProducts(file: $file, dryRun: $dryRun) {\n      __typename\n      ... on ImportJob {\n        ...ImportJobFields\n      }\n      ...OperationInfoFields\n    }\n  }\n"): (typeof documents)["\n  mutation ImportProducts($file: Upload!, $dryRun: Boolean) {\n    importProducts(file: $file, dryRun: $dryRun) {\n      __typename\n      ... on ImportJob {\n        ...ImportJobFields\n      }\n      ...OperationInfoFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ImportProgress($id: ID!) {\n    importProgress(id: $id) {\n      ...ImportJobFields\n    }\n  }\n"): (typeof documents)["\n  subscription ImportProgress($id: ID!) {\n    importProgress(id: $id) {\n      ...ImportJobFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ImportSyncFields on ImportJob {\n    mode\n    emptyCells\n    missing\n    missingScope\n    source\n    maxRemovalPercent\n    skippedCount\n    deactivatedCount\n    removalCount\n    removalScopeCount\n    removalSample\n    removalHeld\n  }\n"): (typeof documents)["\n  fragment ImportSyncFields on ImportJob {\n    mode\n    emptyCells\n    missing\n    missingScope\n    source\n    maxRemovalPercent\n    skippedCount\n    deactivatedCount\n    removalCount\n    removalScopeCount\n    removalSample\n    removalHeld\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InspectImport($id: ID!, $options: ImportOptionsInput!) {\n    inspectImport(id: $id, options: $options) {\n      __typename\n      ...ImportInspectionFields\n      ...OperationInfoFields\n    }\n  }\n"): (typeof documents)["\n  mutation InspectImport($id: ID!, $options: ImportOptionsInput!) {\n    inspectImport(id: $id, options: $options) {\n      __typename\n      ...ImportInspectionFields\n      ...OperationInfoFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevertImport($id: ID!) {\n    revertImport(id: $id) {\n      __typename\n      ... on ImportJob {\n        ...ImportJobFields\n      }\n      ...OperationInfoFields\n    }\n  }\n"): (typeof documents)["\n  mutation RevertImport($id: ID!) {\n    revertImport(id: $id) {\n      __typename\n      ... on ImportJob {\n        ...ImportJobFields\n      }\n      ...OperationInfoFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StageImport($file: Upload!, $options: ImportOptionsInput, $dryRun: Boolean) {\n    stageImport(file: $file, options: $options, dryRun: $dryRun) {\n      __typename\n      ...ImportInspectionFields\n      ...OperationInfoFields\n    }\n  }\n"): (typeof documents)["\n  mutation StageImport($file: Upload!, $options: ImportOptionsInput, $dryRun: Boolean) {\n    stageImport(file: $file, options: $options, dryRun: $dryRun) {\n      __typename\n      ...ImportInspectionFields\n      ...OperationInfoFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartImport($id: ID!, $options: ImportOptionsInput, $dryRun: Boolean) {\n    startImport(id: $id, options: $options, dryRun: $dryRun) {\n      __typename\n      ...ImportInspectionFields\n      ...OperationInfoFields\n    }\n  }\n"): (typeof documents)["\n  mutation StartImport($id: ID!, $options: ImportOptionsInput, $dryRun: Boolean) {\n    startImport(id: $id, options: $options, dryRun: $dryRun) {\n      __typename\n      ...ImportInspectionFields\n      ...OperationInfoFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangeRole($id: ID!, $role: Role!) {\n    changeRole(id: $id, role: $role) {\n      __typename\n      ... on User {\n        id\n        role\n      }\n      ...OperationInfoFields\n    }\n  }\n"): (typeof documents)["\n  mutation ChangeRole($id: ID!, $role: Role!) {\n    changeRole(id: $id, role: $role) {\n      __typename\n      ... on User {\n        id\n        role\n      }\n      ...OperationInfoFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeactivatePerson($id: ID!) {\n    deactivatePerson(id: $id) {\n      __typename\n      ... on User {\n        id\n        isActive\n      }\n      ...OperationInfoFields\n    }\n  }\n"): (typeof documents)["\n  mutation DeactivatePerson($id: ID!) {\n    deactivatePerson(id: $id) {\n      __typename\n      ... on User {\n        id\n        isActive\n      }\n      ...OperationInfoFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReactivatePerson($id: ID!) {\n    reactivatePerson(id: $id) {\n      __typename\n      ... on User {\n        id\n        isActive\n      }\n      ...OperationInfoFields\n    }\n  }\n"): (typeof documents)["\n  mutation ReactivatePerson($id: ID!) {\n    reactivatePerson(id: $id) {\n      __typename\n      ... on User {\n        id\n        isActive\n      }\n      ...OperationInfoFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query People {\n    people(first: 500) {\n      edges {\n        node {\n          id\n          username\n          email\n          role\n          isActive\n          lastLogin\n        }\n      }\n    }\n    invitations {\n      id\n      email\n      role\n      expiresAt\n      invitedBy {\n        username\n      }\n    }\n  }\n"): (typeof documents)["\n  query People {\n    people(first: 500) {\n      edges {\n        node {\n          id\n          username\n          email\n          role\n          isActive\n          lastLogin\n        }\n      }\n    }\n    invitations {\n      id\n      email\n      role\n      expiresAt\n      invitedBy {\n        username\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InvitePerson($email: String!, $role: Role!) {\n    invitePerson(email: $email, role: $role) {\n      __typename\n      ... on InvitationSent {\n        deliveryNote\n        link\n        invitation {\n          id\n          email\n          role\n        }\n      }\n      ...OperationInfoFields\n    }\n  }\n"): (typeof documents)["\n  mutation InvitePerson($email: String!, $role: Role!) {\n    invitePerson(email: $email, role: $role) {\n      __typename\n      ... on InvitationSent {\n        deliveryNote\n        link\n        invitation {\n          id\n          email\n          role\n        }\n      }\n      ...OperationInfoFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetProductsActive($active: Boolean!, $ids: [ID!], $filters: ProductFilter) {\n    setProductsActive(active: $active, ids: $ids, filters: $filters) {\n      __typename\n      ... on SetProductsActiveResult {\n        changedCount\n        job {\n          id\n        }\n      }\n      ...OperationInfoFields\n    }\n  }\n"): (typeof documents)["\n  mutation SetProductsActive($active: Boolean!, $ids: [ID!], $filters: ProductFilter) {\n    setProductsActive(active: $active, ids: $ids, filters: $filters) {\n      __typename\n      ... on SetProductsActiveResult {\n        changedCount\n        job {\n          id\n        }\n      }\n      ...OperationInfoFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteSelectedProducts($ids: [ID!]) {\n    deleteProducts(ids: $ids) {\n      __typename\n      ... on DeleteProductsResult {\n        deletedCount\n        job {\n          id\n        }\n      }\n      ...OperationInfoFields\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteSelectedProducts($ids: [ID!]) {\n    deleteProducts(ids: $ids) {\n      __typename\n      ... on DeleteProductsResult {\n        deletedCount\n        job {\n          id\n        }\n      }\n      ...OperationInfoFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UndoBulkAction($id: ID!) {\n    revertImport(id: $id) {\n      __typename\n      ... on ImportJob {\n        id\n      }\n      ...OperationInfoFields\n    }\n  }\n"): (typeof documents)["\n  mutation UndoBulkAction($id: ID!) {\n    revertImport(id: $id) {\n      __typename\n      ... on ImportJob {\n        id\n      }\n      ...OperationInfoFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateProduct($input: ProductInput!) {\n    createProduct(input: $input) {\n      __typename\n      ... on Product {\n        ...ProductFields\n      }\n      ...OperationInfoFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateProduct($input: ProductInput!) {\n    createProduct(input: $input) {\n      __typename\n      ... on Product {\n        ...ProductFields\n      }\n      ...OperationInfoFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteAllProducts {\n    deleteAllProducts {\n      __typename\n      deletedCount\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteAllProducts {\n    deleteAllProducts {\n      __typename\n      deletedCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteProduct($id: ID!) {\n    deleteProduct(id: $id) {\n      __typename\n      ... on Product {\n        id\n        sku\n      }\n      ...OperationInfoFields\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteProduct($id: ID!) {\n    deleteProduct(id: $id) {\n      __typename\n      ... on Product {\n        id\n        sku\n      }\n      ...OperationInfoFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ExportJobFields on ExportJob {\n    id\n    status\n    format\n    progress\n    rowCount\n    totalRows\n    fileSize\n    errorMessage\n    downloadUrl\n    createdAt\n    finishedAt\n    expiresAt\n  }\n"): (typeof documents)["\n  fragment ExportJobFields on ExportJob {\n    id\n    status\n    format\n    progress\n    rowCount\n    totalRows\n    fileSize\n    errorMessage\n    downloadUrl\n    createdAt\n    finishedAt\n    expiresAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ExportProducts($filters: ProductFilter, $format: ExportFormat!) {\n    exportProducts(filters: $filters, format: $format) {\n      __typename\n      ... on ExportJob {\n        ...ExportJobFields\n      }\n      ...OperationInfoFields\n    }\n  }\n"): (typeof documents)["\n  mutation ExportProducts($filters: ProductFilter, $format: ExportFormat!) {\n    exportProducts(filters: $filters, format: $format) {\n      __typename\n      ... on ExportJob {\n        ...ExportJobFields\n      }\n      ...OperationInfoFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExportJob($id: ID!) {\n    exportJob(id: $id) {\n      ...ExportJobFields\n    }\n  }\n"): (typeof documents)["\n  query ExportJob($id: ID!) {\n    exportJob(id: $id) {\n      ...ExportJobFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LastManualEdit($id: ID!) {\n    product(id: $id) {\n      id\n      lastManualEdit {\n        at\n        actor\n        tokenLabel\n      }\n    }\n  }\n"): (typeof documents)["\n  query LastManualEdit($id: ID!) {\n    product(id: $id) {\n      id\n      lastManualEdit {\n        at\n        actor\n        tokenLabel\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Products(\n    $filters: ProductFilter\n    $ordering: [ProductOrder!]\n    $first: Int\n    $after: String\n    $last: Int\n    $before: String\n  ) {\n    products(filters: $filters, ordering: $ordering, first: $first, after: $after, last: $last, before: $before) {\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...ProductFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Products(\n    $filters: ProductFilter\n    $ordering: [ProductOrder!]\n    $first: Int\n    $after: String\n    $last: Int\n    $before: String\n  ) {\n    products(filters: $filters, ordering: $ordering, first: $first, after: $after, last: $last, before: $before) {\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...ProductFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProductsCount($filters: ProductFilter) {\n    products(filters: $filters) {\n      totalCount\n    }\n  }\n"): (typeof documents)["\n  query ProductsCount($filters: ProductFilter) {\n    products(filters: $filters) {\n      totalCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ProductFields on Product {\n    id\n    sku\n    name\n    description\n    active\n    createdAt\n    updatedAt\n    lastImportLine\n    lastImport {\n      id\n      fileName\n    }\n  }\n"): (typeof documents)["\n  fragment ProductFields on Product {\n    id\n    sku\n    name\n    description\n    active\n    createdAt\n    updatedAt\n    lastImportLine\n    lastImport {\n      id\n      fileName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateProduct($input: ProductPartialInput!) {\n    updateProduct(input: $input) {\n      __typename\n      ... on Product {\n        ...ProductFields\n      }\n      ...OperationInfoFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateProduct($input: ProductPartialInput!) {\n    updateProduct(input: $input) {\n      __typename\n      ... on Product {\n        ...ProductFields\n      }\n      ...OperationInfoFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CurrentProduct($id: ID!) {\n    product(id: $id) {\n      ...ProductFields\n    }\n  }\n"): (typeof documents)["\n  query CurrentProduct($id: ID!) {\n    product(id: $id) {\n      ...ProductFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateWebhook($input: WebhookInput!) {\n    createWebhook(input: $input) {\n      __typename\n      ... on Webhook {\n        ...WebhookFields\n      }\n      ...OperationInfoFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateWebhook($input: WebhookInput!) {\n    createWebhook(input: $input) {\n      __typename\n      ... on Webhook {\n        ...WebhookFields\n      }\n      ...OperationInfoFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteWebhook($id: ID!) {\n    deleteWebhook(id: $id) {\n      __typename\n      ... on Webhook {\n        id\n      }\n      ...OperationInfoFields\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteWebhook($id: ID!) {\n    deleteWebhook(id: $id) {\n      __typename\n      ... on Webhook {\n        id\n      }\n      ...OperationInfoFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DeliveryFields on WebhookDelivery {\n    id\n    eventId\n    eventType\n    attempt\n    status\n    statusCode\n    durationMs\n    error\n    requestBody\n    responseBody\n    createdAt\n    nextAttemptAt\n  }\n"): (typeof documents)["\n  fragment DeliveryFields on WebhookDelivery {\n    id\n    eventId\n    eventType\n    attempt\n    status\n    statusCode\n    durationMs\n    error\n    requestBody\n    responseBody\n    createdAt\n    nextAttemptAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebhookDeliveries($webhookId: ID!, $first: Int, $after: String) {\n    webhookDeliveries(webhookId: $webhookId, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...DeliveryFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query WebhookDeliveries($webhookId: ID!, $first: Int, $after: String) {\n    webhookDeliveries(webhookId: $webhookId, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...DeliveryFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Webhooks {\n    webhooks {\n      ...WebhookFields\n    }\n  }\n"): (typeof documents)["\n  query Webhooks {\n    webhooks {\n      ...WebhookFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RedeliverWebhook($deliveryId: ID!) {\n    redeliverWebhook(deliveryId: $deliveryId) {\n      __typename\n      ... on WebhookDelivery {\n        ...DeliveryFields\n      }\n      ...OperationInfoFields\n    }\n  }\n"): (typeof documents)["\n  mutation RedeliverWebhook($deliveryId: ID!) {\n    redeliverWebhook(deliveryId: $deliveryId) {\n      __typename\n      ... on WebhookDelivery {\n        ...DeliveryFields\n      }\n      ...OperationInfoFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RotateWebhookSecret($id: ID!) {\n    rotateWebhookSecret(id: $id) {\n      __typename\n      ... on Webhook {\n        ...WebhookFields\n      }\n      ...OperationInfoFields\n    }\n  }\n"): (typeof documents)["\n  mutation RotateWebhookSecret($id: ID!) {\n    rotateWebhookSecret(id: $id) {\n      __typename\n      ... on Webhook {\n        ...WebhookFields\n      }\n      ...OperationInfoFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TestWebhook($id: ID!) {\n    testWebhook(id: $id) {\n      __typename\n      ... on WebhookDelivery {\n        ...DeliveryFields\n      }\n      ...OperationInfoFields\n    }\n  }\n"): (typeof documents)["\n  mutation TestWebhook($id: ID!) {\n    testWebhook(id: $id) {\n      __typename\n      ... on WebhookDelivery {\n        ...DeliveryFields\n      }\n      ...OperationInfoFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateWebhook($input: WebhookPartialInput!) {\n    updateWebhook(input: $input) {\n      __typename\n      ... on Webhook {\n        ...WebhookFields\n      }\n      ...OperationInfoFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateWebhook($input: WebhookPartialInput!) {\n    updateWebhook(input: $input) {\n      __typename\n      ... on Webhook {\n        ...WebhookFields\n      }\n      ...OperationInfoFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment WebhookFields on Webhook {\n    id\n    url\n    events\n    enabled\n    secret\n    description\n    consecutiveFailures\n    disabledReason\n    createdAt\n    updatedAt\n  }\n"): (typeof documents)["\n  fragment WebhookFields on Webhook {\n    id\n    url\n    events\n    enabled\n    secret\n    description\n    consecutiveFailures\n    disabledReason\n    createdAt\n    updatedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment OperationInfoFields on OperationInfo {\n    messages {\n      kind\n      message\n      field\n      code\n    }\n  }\n"): (typeof documents)["\n  fragment OperationInfoFields on OperationInfo {\n    messages {\n      kind\n      message\n      field\n      code\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;