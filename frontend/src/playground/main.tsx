// The GraphQL playground: its own entry (playground/index.html), so GraphiQL and
// its editor never weigh on the app's bundle. Every asset comes from this build;
// nothing is fetched from another host.
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import '@graphiql/plugin-explorer/style.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Playground } from '@/playground/playground';

createRoot(document.getElementById('playground')!).render(
  <StrictMode>
    <Playground />
  </StrictMode>,
);
