import { explorerPlugin } from '@graphiql/plugin-explorer';
import { GraphiQL } from 'graphiql';
import { createPlaygroundFetcher } from '@/playground/fetcher';
import { PlaygroundLogo } from '@/playground/playground-logo';

const fetcher = createPlaygroundFetcher();
const plugins = [explorerPlugin()];

// Short lines: the editor is half of an 800 px window, and nothing of the intro is cut.
const DEFAULT_QUERY = `# Product Importer API, signed in
# with this browser's session.
# Ctrl-Enter runs the query; the
# book icon opens the schema docs.
# Back to the app: the link at the top.
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
