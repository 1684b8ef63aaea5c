// `next build` when the production build is missing or older than any source it is built from:
// `npm start` calls it before `next start`, and so does the simulated opening (bench/open-day),
// which runs Next in production mode too. Returns whether it built.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const SOURCES = ['app', 'components', 'lib', 'public', 'messages', 'i18n', 'next.config.js', 'proxy.ts'];

function newestSourceTime(dirs: string[]): number {
  let newest = 0;
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    if (!statSync(dir).isDirectory()) return void (newest = Math.max(newest, statSync(dir).mtimeMs));
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name === 'generated' || entry.name.startsWith('.')) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else newest = Math.max(newest, statSync(full).mtimeMs);
    }
  };
  dirs.forEach(walk);
  return newest;
}

export function buildWebAppIfStale(say: (line: string) => void): boolean {
  const buildId = '.next/BUILD_ID';
  const builtAt = existsSync(buildId) ? statSync(buildId).mtimeMs : 0;
  if (builtAt > newestSourceTime(SOURCES)) return false;
  say('building the web app (first start only; about two minutes on 2 cores)…');
  const result = spawnSync(process.execPath, ['node_modules/next/dist/bin/next', 'build'], { stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) throw new Error('next build failed (see above)');
  return true;
}
