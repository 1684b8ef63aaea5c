// Runs Terraform itself on the one root of both environments (and through it every module): `init` from the
// machine's provider mirror, `validate`, then `terraform test`, whose plan-time assertions
// check the fleet's invariants against a mocked AWS provider. The role list comes from the
// code, so renaming a role in workers/config.ts without infra/ fails here. A machine without
// Terraform or the provider mirror fails this file: it never passes by not running.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { ROLE_NAMES } from '../../workers/config';
import '../../workers/roles';
import { declaredConsumerGroups } from '../../workers/runtime/consumer-groups';

const run = promisify(execFile);
const root = path.dirname(new URL(import.meta.url).pathname);
const PLUGIN_DIR = '/opt/tf-plugins';
const scratch = mkdtempSync(path.join(os.tmpdir(), 'openseat-tf-'));
// An empty CLI config: no ~/.terraformrc lookup, no warning about its absence, no credentials.
const cliConfig = path.join(scratch, 'terraformrc');
writeFileSync(cliConfig, '');

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function terraform(cwd: string, dataDir: string, args: string[]) {
  try {
    return await run('terraform', ['-chdir=' + cwd, ...args], {
      env: { ...process.env, TF_CLI_CONFIG_FILE: cliConfig, TF_DATA_DIR: dataDir, TF_IN_AUTOMATION: '1', CHECKPOINT_DISABLE: '1' },
      maxBuffer: 16 * 1024 * 1024,
    });
  } catch (error) {
    const e = error as { code?: string; stdout?: string; stderr?: string; message: string };
    if (e.code === 'ENOENT') throw new Error('terraform is not installed on this machine: the infra checks did NOT run');
    throw new Error(`terraform ${args[0]} failed in ${path.relative(process.cwd(), cwd)}:\n${e.stdout ?? ''}\n${e.stderr ?? e.message}`);
  }
}

describe('infra/terraform', () => {
  it('finds Terraform and the hashicorp/aws provider mirror', async () => {
    expect(existsSync(PLUGIN_DIR), `no provider mirror at ${PLUGIN_DIR}: the infra checks did NOT run`).toBe(true);
    const { stdout } = await terraform(root, path.join(scratch, 'version'), ['version', '-json']);
    expect(JSON.parse(stdout).terraform_version).toMatch(/^1\.(1[1-9]|[2-9]\d)\./);
  });

  it('is formatted (terraform fmt -check)', async () => {
    const { stdout } = await terraform(root, path.join(scratch, 'fmt'), ['fmt', '-check', '-recursive', '-list=true']);
    expect(stdout.trim()).toBe('');
  });

  it('alarms on the lag of every consumer group on every topic it reads, as the roles declare them', () => {
    const main = readFileSync(path.join(root, 'live', 'main.tf'), 'utf8');
    const listed = [...main.matchAll(/\{ group = "([^"]+)", topic = "([^"]+)" \}/g)].map(([, group, topic]) => `${group} ${topic}`);
    const declared = declaredConsumerGroups().flatMap(({ group, topics }) => topics.map((topic) => `${group} ${topic}`));
    expect(declared.length).toBeGreaterThan(0);
    expect(listed.sort()).toEqual(declared.sort());
  });

  // One root serves both environments; init and validate once, then each environment's plan.
  const live = path.join(root, 'live');
  const dataDir = path.join(scratch, 'live');

  it('init and validate the root of every environment', { timeout: 300_000 }, async () => {
    await terraform(live, dataDir, ['init', '-backend=false', '-input=false', '-no-color', `-plugin-dir=${PLUGIN_DIR}`]);
    const validate = await terraform(live, dataDir, ['validate', '-no-color']);
    expect(validate.stdout).toContain('The configuration is valid.');
  });

  // The two environments plan concurrently: each is a plan of the whole fleet per run block,
  // mostly waiting on the provider process.
  it.concurrent.each(['staging', 'prod'])('%s: terraform test passes with the roles of workers/config.ts', { timeout: 300_000 }, async (env) => {
    const test = await terraform(live, dataDir, ['test', '-no-color', `-var=environment=${env}`, `-var=worker_roles=${JSON.stringify(ROLE_NAMES)}`]);
    expect(test.stdout).toMatch(/Success! \d+ passed, 0 failed\./);
    expect(test.stdout).toContain('run "fleet"... pass');
    expect(test.stdout).toContain('run "a_role_without_a_service_fails"... pass');
  });
});
