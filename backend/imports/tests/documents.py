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


def public_operation(name: str) -> str:
    """The operation `name` of docs/api/operations.graphql with the fragments it uses, as
    clients send it (so the tests exercise the published documents themselves)."""
    from pathlib import Path

    from django.conf import settings
    from graphql import parse, print_ast
    from graphql.language import FragmentSpreadNode, visit
    from graphql.language.visitor import Visitor

    document = parse(Path(settings.REPO_DIR, "docs", "api", "operations.graphql").read_text())
    defs = {d.name.value: d for d in document.definitions}
    wanted, todo = [], [name]

    class Spreads(Visitor):
        def enter_fragment_spread(self, node: FragmentSpreadNode, *_args) -> None:
            todo.append(node.name.value)

    while todo:
        current = todo.pop()
        if current in wanted:
            continue
        wanted.append(current)
        visit(defs[current], Spreads())
    return "\n".join(print_ast(defs[n]) for n in wanted)

REVERT_FIELDS = """
fragment RevertFields on ImportJob {
  id kind status progress rowsProcessed deletedCount restoredCount conflictCount
  revertBlockedReason changesKeptUntil reverts { id fileName }
}
"""

REVERT_IMPORT = REVERT_FIELDS + """
mutation RevertImport($id: ID!) {
  revertImport(id: $id) {
    ... on ImportJob { ...RevertFields }
    ... on OperationInfo { messages { kind message field code } }
  }
}
"""

IMPORT_CHANGES = """
query ImportChanges($id: ID!, $first: Int, $after: String, $kind: ImportChangeKind) {
  importJob(id: $id) {
    id createdCount updatedCount revertBlockedReason latestRevert { id status }
    changes(first: $first, after: $after, kind: $kind) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node {
        kind line sku changedFields product { id sku }
        before { sku name description active }
        after { sku name description active }
      } }
    }
  }
}
"""

REVERT_CONFLICTS = """
query RevertConflicts($id: ID!, $first: Int, $after: String) {
  importJob(id: $id) {
    conflictCount
    conflicts(first: $first, after: $after) {
      totalCount
      edges { node { reason message laterImportId change { line sku kind } } }
    }
  }
}
"""

PRODUCT_PROVENANCE = """
query ProductProvenance($sku: String!) {
  productBySku(sku: $sku) { sku lastImportLine lastImport { id fileName } }
}
"""
