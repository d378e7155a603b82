export const REPO_DIR: string;
export const FRONTEND_DIR: string;
export const E2E_PORT: number;
export const E2E_USERNAME: string;
export const E2E_PASSWORD: string;
export function startBackend(options?: { port?: number; quiet?: boolean; objectStorage?: boolean }): Promise<{
  url: string;
  dataDir: string;
  /** The object store's URL when started with `objectStorage`, else null. */
  storeEndpoint: string | null;
  logs: () => string;
  stop: () => Promise<void>;
}>;
export function startObjectStore(): Promise<{
  endpoint: string;
  variables: Record<string, string>;
  stop: () => void;
}>;
