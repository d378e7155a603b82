"""GraphQL documents of the export operations (as the clients send them)."""

FIELDS = """
fragment ExportJobFields on ExportJob {
  id status format progress rowCount totalRows fileSize errorMessage downloadUrl
  createdAt startedAt finishedAt expiresAt
}
"""

EXPORT_PRODUCTS = FIELDS + """
mutation ExportProducts($filters: ProductFilter, $format: ExportFormat!) {
  exportProducts(filters: $filters, format: $format) {
    ... on ExportJob { ...ExportJobFields }
    ... on OperationInfo { messages { kind message field code } }
  }
}
"""

EXPORT_JOB = FIELDS + """
query ExportJob($id: ID!) {
  exportJob(id: $id) { ...ExportJobFields }
}
"""

EXPORT_JOBS = FIELDS + """
query ExportJobs($first: Int, $after: String) {
  exportJobs(first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { ...ExportJobFields } }
  }
}
"""
