import { explorerPlugin } from '@graphiql/plugin-explorer';
import { GraphiQL } from 'graphiql';
import { createPlaygroundFetcher } from '@/playground/fetcher';
import { PlaygroundLogo } from '@/playground/playground-logo';

const fetcher = createPlaygroundFetcher();
const plugins = [explorerPlugin()];

const DEFAULT_QUERY = `# The Product Importer API. You are signed in with this browser's session.
# Ctrl-Enter runs the query; the book icon on the left opens the schema docs.
{
  me {
    username
  }
  products(first: 5) {
    totalCount
    edges {
      node {
        sku
        name
        active
      }
    }
  }
}
`;

/** GraphiQL with the query builder (explorer), served by the backend at GET /graphql/. */
export function Playground() {
  return (
    <GraphiQL
      fetcher={fetcher}
      plugins={plugins}
      defaultQuery={DEFAULT_QUERY}
      defaultEditorToolsVisibility
      inputValueDeprecation
      isHeadersEditorEnabled
    >
      <GraphiQL.Logo>
        <PlaygroundLogo />
      </GraphiQL.Logo>
    </GraphiQL>
  );
}
