"""GraphQL documents of the contract's import operations (as the clients send them)."""

FIELDS = """
fragment ImportJobFields on ImportJob {
  id status fileName fileSize dryRun progress bytesProcessed rowsProcessed
  createdCount updatedCount unchangedCount replacedCount errorCount errorMessage
  createdAt startedAt finishedAt
}
"""

IMPORT_PRODUCTS = FIELDS + """
mutation ImportProducts($file: Upload!, $dryRun: Boolean) {
  importProducts(file: $file, dryRun: $dryRun) {
    ... on ImportJob { ...ImportJobFields }
    ... on OperationInfo { messages { kind message field code } }
  }
}
"""

IMPORT_JOB = FIELDS + """
query ImportJob($id: ID!) {
  importJob(id: $id) {
    ...ImportJobFields
    errors(first: 50) { totalCount edges { node { line sku message } } }
  }
}
"""

IMPORT_JOBS = FIELDS + """
query ImportJobs($first: Int, $after: String) {
  importJobs(first: $first, after: $after) {
    totalCount
    edges { node { ...ImportJobFields } }
  }
}
"""

CANCEL_IMPORT = FIELDS + """
mutation CancelImport($id: ID!) {
  cancelImport(id: $id) {
    ... on ImportJob { ...ImportJobFields }
    ... on OperationInfo { messages { kind message field code } }
  }
}
"""

IMPORT_PROGRESS = FIELDS + """
subscription ImportProgress($id: ID!) {
  importProgress(id: $id) { ...ImportJobFields }
}
"""
