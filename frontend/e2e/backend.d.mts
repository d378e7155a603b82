export const REPO_DIR: string;
export const FRONTEND_DIR: string;
export const E2E_PORT: number;
export const E2E_USERNAME: string;
export const E2E_PASSWORD: string;
export function startBackend(options?: {
  port?: number;
  quiet?: boolean;
}): Promise<{ url: string; dataDir: string; logs: () => string; stop: () => Promise<void> }>;
