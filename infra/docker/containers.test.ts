// The compose file and the image as the code expects them: dclint validates docker-compose.yml
// against the compose schema and its rules (no Docker engine is needed), every worker role of
// workers/config.ts runs as its own service, and Kafka gets every topic of the event catalog.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { DEAD_LETTER_TOPICS, TOPICS } from '../../lib/events/catalog';
import { ROLE_NAMES } from '../../workers/config';

const run = promisify(execFile);
// dclint's package exports hide its CLI file, so it is run by path.
const dclint = path.resolve('node_modules/dclint/bin/dclint.cjs');
const composeText = readFileSync('docker-compose.yml', 'utf8');
const compose = parse(composeText, { merge: true }) as {
  services: Record<string, { environment?: Record<string, string>; command?: string[] | string; image?: string; volumes?: string[] }>;
};

type DclintReport = { filePath: string; messages: { rule: string; type: string; message: string; line: number }[] }[];

describe('docker-compose.yml', () => {
  it('passes dclint with no error and no warning', async () => {
    const { stdout } = await run(process.execPath, [dclint, 'docker-compose.yml', '--formatter', 'json', '--color', 'false']).catch((e) => e);
    const report = JSON.parse(stdout) as DclintReport;
    expect(report.flatMap((f) => f.messages.map((m) => `${m.line}: ${m.rule}: ${m.message}`))).toEqual([]);
  });

  it('runs every worker role as its own service with the production variables', () => {
    for (const role of ROLE_NAMES) {
      const env = compose.services[role]?.environment;
      expect(env?.WORKER_ROLE, `service ${role}`).toBe(role);
      for (const name of ['DATABASE_URL', 'REDIS_URL', 'INTERNAL_API_TOKEN', 'ENTRY_TOKEN_KEYS', 'KAFKA_BROKERS', 'PORTONE_API_SECRET', 'PORTONE_WEBHOOK_SECRETS', 'PORTONE_STORE_ID', 'PORTONE_CHANNEL_KEY']) {
        expect(env, `${role} lacks ${name}`).toHaveProperty(name);
      }
    }
    const roleServices = Object.values(compose.services).map((s) => s.environment?.WORKER_ROLE).filter(Boolean);
    expect(roleServices.sort()).toEqual([...ROLE_NAMES].sort());
  });

  it('gives every secret no default: compose refuses to start without it', () => {
    for (const name of ['INTERNAL_API_TOKEN', 'ENTRY_TOKEN_KEYS', 'POSTGRES_PASSWORD', 'REDIS_PASSWORD', 'AUTH_SECRET', 'PORTONE_API_SECRET', 'PORTONE_WEBHOOK_SECRETS']) {
      const uses = composeText.match(new RegExp(`\\$\\{${name}[^}]*\\}`, 'g')) ?? [];
      expect(uses.length, name).toBeGreaterThan(0);
      for (const use of uses) expect(use, name).toMatch(new RegExp(`^\\$\\{${name}:\\?`));
    }
  });

  it('runs PostgreSQL 18 with its volume at /var/lib/postgresql, Redis 7 and a KRaft Kafka', () => {
    expect(compose.services.postgres?.image).toMatch(/^postgres:18/);
    expect(compose.services.postgres?.volumes).toContain('postgres-data:/var/lib/postgresql');
    expect(compose.services.redis?.image).toMatch(/^redis:7/);
    expect(compose.services.kafka?.environment?.KAFKA_PROCESS_ROLES).toBe('broker,controller');
  });

  it('creates every catalog topic and its dead-letter topic before the workers start', () => {
    const script = [compose.services['kafka-topics']?.command].flat().join('\n');
    const specs = script.match(/for spec in ([^;]+);/)?.[1] ?? '';
    const created = specs.split(/\s+/).filter(Boolean).map((spec) => spec.split(':')[0]);
    expect(created.sort()).toEqual([...Object.values(TOPICS), ...Object.values(DEAD_LETTER_TOPICS)].sort());
  });
});

describe('infra/docker/Dockerfile', () => {
  const dockerfile = readFileSync('infra/docker/Dockerfile', 'utf8');
  const stages = dockerfile.split(/^FROM /m).slice(1);

  it('builds in stages and runs both images as the unprivileged node user with a health check', () => {
    expect(stages.length).toBeGreaterThanOrEqual(3);
    for (const target of ['web', 'workers']) {
      const stage = stages.find((s) => s.split('\n')[0]?.endsWith(` AS ${target}`));
      expect(stage, target).toBeDefined();
      expect(stage).toMatch(/^USER node$/m);
      expect(stage).toMatch(/^HEALTHCHECK /m);
    }
    // The last stage is what a plain `docker build` produces: the workers.
    expect(stages.at(-1)?.split('\n')[0]).toMatch(/ AS workers$/);
  });
});
