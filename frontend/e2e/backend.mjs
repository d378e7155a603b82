// Starts the real backend in embedded mode for the end-to-end tests: a temporary
// DATA_DIR (SQLite, uploads), migrations, a first user, then uvicorn on 127.0.0.1.
// Also usable by hand: `node e2e/backend.mjs` serves until Ctrl-C.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const REPO_DIR = path.resolve(here, '..', '..');
export const FRONTEND_DIR = path.resolve(here, '..');
const PYTHON = process.env.E2E_PYTHON ?? path.join(REPO_DIR, '.venv', 'bin', 'python');
// The backend to test against: this checkout's, unless E2E_BACKEND_DIR names another.
const BACKEND_DIR = process.env.E2E_BACKEND_DIR
  ? path.resolve(process.env.E2E_BACKEND_DIR)
  : path.join(REPO_DIR, 'backend');

export const E2E_PORT = Number(process.env.E2E_PORT ?? 8031);
export const E2E_USERNAME = 'e2e-admin';
export const E2E_PASSWORD = 'e2e-password-123';

function backendEnv(dataDir) {
  const env = {
    ...process.env,
    DATA_DIR: dataDir,
    DJANGO_SUPERUSER_USERNAME: E2E_USERNAME,
    DJANGO_SUPERUSER_PASSWORD: E2E_PASSWORD,
    DJANGO_SUPERUSER_EMAIL: 'e2e@example.com',
    FRONTEND_DIST: path.join(FRONTEND_DIR, 'dist'),
    WEBHOOK_ALLOW_PRIVATE_TARGETS: '1',
    LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'WARNING',
  };
  // Embedded mode: neither URL set, whatever the shell that runs the tests has.
  delete env.DATABASE_URL;
  delete env.REDIS_URL;
  return env;
}

function manage(args, env) {
  const result = spawnSync(PYTHON, ['manage.py', ...args], { cwd: BACKEND_DIR, env, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`manage.py ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
}

async function waitForHealth(url, child, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the backend exited with code ${child.exitCode}`);
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the backend did not answer ${url}/healthz within ${timeoutMs / 1000} s`);
}

/** A free TCP port on 127.0.0.1. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitForPort(port, child, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`moto_server exited with code ${child.exitCode}`);
    try {
      await fetch(`http://127.0.0.1:${port}/`);
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  throw new Error(`moto_server did not listen on ${port} within ${timeoutMs / 1000} s`);
}

/**
 * Starts a real S3-compatible server (`moto_server`, from moto[server] in the virtualenv) on a
 * free loopback port with a bucket; resolves with the STORAGE_* variables that put the
 * backend's files there, its endpoint, and stop(). moto answers browsers' CORS requests for
 * any origin (it does not expose ETag: the app asks the store for the parts' ETags then).
 */
export async function startObjectStore() {
  const port = await freePort();
  const child = spawn(PYTHON, ['-c', 'from moto.server import main; main()', '-H', '127.0.0.1', '-p', String(port)], {
    stdio: 'ignore',
  });
  const endpoint = `http://127.0.0.1:${port}`;
  const variables = {
    STORAGE_BUCKET: 'product-importer-e2e',
    STORAGE_ENDPOINT_URL: endpoint,
    STORAGE_REGION: 'us-east-1',
    STORAGE_ACCESS_KEY_ID: 'e2e-key',
    STORAGE_SECRET_ACCESS_KEY: 'e2e-secret',
    STORAGE_KEY_PREFIX: 'media',
  };
  try {
    await waitForPort(port, child);
    const script = [
      'import boto3',
      'from botocore.config import Config',
      `boto3.client("s3", endpoint_url="${endpoint}", region_name="us-east-1", aws_access_key_id="e2e-key",`,
      '  aws_secret_access_key="e2e-secret", config=Config(s3={"addressing_style": "path"})',
      `).create_bucket(Bucket="${variables.STORAGE_BUCKET}")`,
    ].join('\n');
    const made = spawnSync(PYTHON, ['-c', script], { encoding: 'utf8' });
    if (made.status !== 0) throw new Error(`could not create the bucket:\n${made.stderr}`);
  } catch (error) {
    child.kill('SIGTERM');
    throw error;
  }
  return {
    endpoint,
    variables,
    stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
    },
  };
}

/**
 * Starts the backend and resolves with { url, stop() }. `objectStorage`: its files go to a
 * bucket of a moto_server started for it (direct uploads available, parts of 5 MiB).
 */
export async function startBackend({ port = E2E_PORT, quiet = true, objectStorage = false } = {}) {
  if (!existsSync(PYTHON)) throw new Error(`no Python at ${PYTHON}: run \`make test\` (or create .venv) first`);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'pi-frontend-e2e-'));
  const store = objectStorage ? await startObjectStore() : null;
  const env = { ...backendEnv(dataDir), ...(store ? { ...store.variables, UPLOAD_PART_BYTES: String(5 << 20) } : {}) };
  manage(['migrate', '--noinput'], env);
  manage(['createsuperuser', '--noinput'], env);
  const child = spawn(
    PYTHON,
    [
      '-m',
      'uvicorn',
      'config.asgi:application',
      '--app-dir',
      BACKEND_DIR,
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--lifespan',
      'on',
      '--ws',
      'websockets',
    ],
    {
      cwd: BACKEND_DIR,
      env,
      stdio: quiet ? ['ignore', 'ignore', 'pipe'] : 'inherit',
    },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk) => {
    stderr = (stderr + chunk).slice(-20_000);
  });
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(url, child);
  } catch (error) {
    child.kill('SIGTERM');
    store?.stop();
    throw new Error(`${error.message}\n${stderr}`);
  }
  return {
    url,
    dataDir,
    storeEndpoint: store?.endpoint ?? null,
    logs: () => stderr,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await new Promise((resolve) => {
          const timer = setTimeout(() => {
            child.kill('SIGKILL');
            resolve();
          }, 10_000);
          child.once('exit', () => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
      store?.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const backend = await startBackend({ quiet: false });
  console.log(
    `backend on ${backend.url} (user ${E2E_USERNAME} / ${E2E_PASSWORD}, data in ${backend.dataDir}); Ctrl-C stops it`,
  );
  const stop = async () => {
    await backend.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
