"""GraphQL documents of the feeds tests."""

ERRORS = "... on OperationInfo { messages { kind message field code } }"
FEED_FIELDS = """
fragment FeedFields on Feed {
  id name url username hasPassword headerName hasHeaderValue hasPrivateKey hostKey
  options { format delimiter headerRow mapping { sku name } mode missing missingScope source
            maxRemovalPercent }
  schedule timeZone scheduleDescription nextRunAt nextRunTimes enabled disabledReason
  consecutiveFailures notifyEmails notifyOnSuccess owner { username }
  lastRun { status } createdAt updatedAt
}
"""
CREATE = (
    "mutation CreateFeed($input: FeedInput!) { createFeed(input: $input) {"
    " ... on Feed { ...FeedFields } " + ERRORS + " } }" + FEED_FIELDS
)
UPDATE = (
    "mutation UpdateFeed($id: ID!, $input: FeedInput!) { updateFeed(id: $id, input: $input) {"
    " ... on Feed { ...FeedFields } " + ERRORS + " } }" + FEED_FIELDS
)
DELETE = (
    "mutation DeleteFeed($id: ID!) { deleteFeed(id: $id) { ... on Feed { id name } "
    + ERRORS
    + " } }"
)
RUN = (
    "mutation RunFeed($id: ID!) { runFeed(id: $id) { ... on FeedRun { id status trigger } "
    + ERRORS
    + " } }"
)
FEEDS = (
    "query Feeds($first: Int, $after: String) { feeds(first: $first, after: $after) {"
    " totalCount edges { node { ...FeedFields } } } }" + FEED_FIELDS
)
FEED = """
query Feed($id: ID!) { feed(id: $id) { id name
  runs(first: 10) { totalCount edges { node { status trigger fetchedBytes etag lastModified
    sha256 message errorCode httpStatus job { id status createdCount fileName } } } } } }
"""
TEST_SOURCE = (
    """
mutation TestFeedSource($input: FeedInput!, $feedId: ID) {
  testFeedSource(input: $input, feedId: $feedId) {
    ... on FeedSourceTest { ok message code httpStatus size contentType
      job { id status headers mapping { sku name } previewRows { line values } } }
    """
    + ERRORS
    + """
  }
}
"""
)
IMPORT_JOBS = "query { importJobs(first: 50) { totalCount edges { node { id } } } }"


def messages(answer: dict) -> dict[str, str]:
    """field -> code of an OperationInfo answer."""
    return {m["field"]: m["code"] for m in answer["messages"]}
