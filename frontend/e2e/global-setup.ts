import { startBackend } from './backend.mjs';

/** Starts the real backend once for all specs; Playwright runs the returned teardown. */
export default async function globalSetup() {
  const backend = await startBackend();
  process.env.E2E_BASE_URL = backend.url;
  console.log(`e2e: backend (embedded mode) on ${backend.url}, data in ${backend.dataDir}`);
  return async () => {
    await backend.stop();
  };
}
