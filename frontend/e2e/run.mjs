// `npm run e2e`: end-to-end tests in real headless Chromium against the real
// backend (embedded mode), which the tests start themselves. Without a Chromium
// on the machine it says so and exits 0, so `make test` still passes there.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const frontendDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const candidates = [
  process.env.CHROMIUM_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
].filter(Boolean);
const chromium = candidates.find((candidate) => existsSync(candidate));

if (!chromium) {
  console.log(
    'e2e: SKIPPED: no Chromium found (looked at CHROMIUM_PATH, /usr/bin/chromium, /usr/bin/chromium-browser, /usr/bin/google-chrome).',
  );
  console.log(
    'e2e: install one (Debian: apt-get install -y chromium) and run `npm run e2e` again; CI installs it first.',
  );
  process.exit(0);
}

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

// The backend serves frontend/dist (the app and the playground), so the tests need a build at least as new as the sources.
const index = path.join(frontendDir, 'dist', 'index.html');
const sources = Math.max(
  newestMtime(path.join(frontendDir, 'src')),
  newestMtime(path.join(frontendDir, 'playground')),
  statSync(path.join(frontendDir, 'index.html')).mtimeMs,
);
const stale = !existsSync(index) || statSync(index).mtimeMs < sources;
if (stale) {
  console.log('e2e: building the app first (npm run build)');
  const build = spawnSync('npm', ['run', 'build'], { cwd: frontendDir, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

console.log(`e2e: Chromium at ${chromium}`);
const result = spawnSync('npx', ['playwright', 'test', ...process.argv.slice(2)], {
  cwd: frontendDir,
  stdio: 'inherit',
  env: { ...process.env, CHROMIUM_PATH: chromium },
});
process.exit(result.status ?? 1);
