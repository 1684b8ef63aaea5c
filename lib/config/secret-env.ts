// Every secret of the platform, defined once: its field, the processes that refuse to start
// without it, and whether `npm start` may generate it. The web and worker configs take their
// secret fields from here and `npm start` generates the missing ones into its data folder, so a
// new secret is one line below. There is no fallback value anywhere: a process without its
// secrets stops at boot with one line naming each missing variable (parseEnv).
import { z } from 'zod';
import { parseEntryTokenKeys } from '../entry-token/entry-token-keys';
import { TICKET_SIGNING_KEY_PATTERN } from '../tickets/ticket-signing-key-pattern';
import { secret } from './parse-env';

export type SecretProcess = 'web' | 'workers';

type SecretSpec = {
  field: z.ZodType<string, string>;
  processes: readonly SecretProcess[];
  /** Required unless this other variable is set (it stands in for this one). */
  unlessSet?: string;
  /** Never required on its own (it stands in for another) and never generated. */
  optional?: true;
  /** A value in the format its consumer expects, when `npm start` generates it (default: 32 random bytes). */
  generate?: () => string;
};

/** Standard Webhooks secrets, comma-separated; each one verifies (two are live during a rotation). */
const webhookSecretsSpec = z.string().refine(
  (v) => v.split(',').every((s) => s.trim().length >= 8),
  'must be comma-separated secrets of at least 8 characters (whsec_…)',
);

/** `kid:secret[,kid:secret]`, checked at boot rather than at the first request that signs. */
const entryTokenKeySpec = z.string().superRefine((spec, ctx) => {
  try {
    parseEntryTokenKeys(spec);
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: (error as Error).message.replace(/^ENTRY_TOKEN_KEYS: /, '') });
  }
});

const ticketSigningKeySpec = z.string().regex(TICKET_SIGNING_KEY_PATTERN, 'must be 32 random bytes in base64url (43 characters)');

export const SECRETS = {
  /** Bearer the gateway presents to the worker API. */
  INTERNAL_API_TOKEN: { field: secret, processes: ['web', 'workers'] },
  /** Encrypts and signs the Auth.js session cookie (a JWE); rotate it to sign everyone out. */
  AUTH_SECRET: { field: secret, processes: ['web'] },
  /** One signing secret for entry tokens and queue tickets, key id `s1`. */
  ENTRY_TOKEN_SECRET: { field: secret, processes: ['web', 'workers'], unlessSet: 'ENTRY_TOKEN_KEYS' },
  /** Rotation: `kid:secret[,kid:secret]`, the first signs, all verify; same value in web and workers. */
  ENTRY_TOKEN_KEYS: { field: entryTokenKeySpec, processes: ['web', 'workers'], optional: true },
  /**
   * Ed25519 private key (its 32-byte seed, base64url) that signs ticket QR codes and the scanners'
   * offline lists; the public half is derived from it and handed to scanners. 32 random bytes are
   * a valid key, so `npm start` generates it like the others.
   */
  TICKET_SIGNING_KEY: { field: ticketSigningKeySpec, processes: ['web', 'workers'] },
  /**
   * PortOne V2 API secret (`Authorization: PortOne <secret>`). `npm start` generates one for its
   * PortOne stand-in when none is given; given, it names a real store.
   */
  PORTONE_API_SECRET: { field: z.string().min(16, 'must be at least 16 characters'), processes: ['workers'] },
  /** PortOne's webhook signing secrets (`whsec_` + base64, as the Standard Webhooks verifier decodes them). */
  PORTONE_WEBHOOK_SECRETS: { field: webhookSecretsSpec, processes: ['workers'], generate: () => `whsec_${randomBase64(32)}` },
} as const satisfies Record<string, SecretSpec>;

type Secrets = typeof SECRETS;
export type SecretName = keyof Secrets;
const entries = Object.entries(SECRETS) as Array<[SecretName, SecretSpec]>;

export const SECRET_NAMES: SecretName[] = entries.map(([name]) => name);

/** The secrets `npm start` generates into its data folder: each one not given and not stood in for. */
export function secretsToGenerate(given: Partial<Record<SecretName, unknown>>): SecretName[] {
  return entries
    .filter(([name, spec]) => !spec.optional && given[name] === undefined && (!spec.unlessSet || given[spec.unlessSet as SecretName] === undefined))
    .map(([name]) => name);
}

/** Every secret as an optional field: `npm start` checks the ones given and generates the rest. */
export function givenSecretShape(): { [K in SecretName]: z.ZodOptional<Secrets[K]['field']> } {
  return Object.fromEntries(entries.map(([name, spec]) => [name, spec.field.optional()])) as { [K in SecretName]: z.ZodOptional<Secrets[K]['field']> };
}

/** A fresh value for `name`, as `npm start` stores it in its data folder. */
export function generateSecret(name: SecretName): string {
  const spec: SecretSpec = SECRETS[name];
  return spec.generate ? spec.generate() : randomBase64(32).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Web Crypto, not node:crypto: the edge proxy imports this table through the web config. */
function randomBase64(bytes: number): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(bytes))));
}

type IsOptional<S> = S extends { unlessSet: string } ? true : S extends { optional: true } ? true : false;
type FieldOf<S> = S extends { field: infer F extends z.ZodType<string, string> } ? (IsOptional<S> extends true ? z.ZodOptional<F> : F) : never;
export type SecretShape<P extends SecretProcess> = {
  [K in SecretName as P extends Secrets[K]['processes'][number] ? K : never]: FieldOf<Secrets[K]>;
};

/**
 * A process's secret fields, to spread into its config object. Fields that another variable can
 * stand in for are optional here; `requireSecrets` names them when both are missing.
 */
export function secretShape<P extends SecretProcess>(process: P): SecretShape<P> {
  return Object.fromEntries(
    entries
      .filter(([, spec]) => spec.processes.includes(process))
      .map(([name, spec]) => [name, spec.unlessSet || spec.optional ? spec.field.optional() : spec.field]),
  ) as SecretShape<P>;
}

/**
 * The check for the either-or secrets, run even when other fields are bad (`when`), so the one
 * line names every missing variable at once.
 */
export function requireSecrets(process: SecretProcess) {
  const alternatives = entries.filter(([, spec]) => spec.processes.includes(process) && spec.unlessSet);
  return z.superRefine<Record<string, unknown>>(
    (env, ctx) => {
      for (const [name, spec] of alternatives) {
        if (env[name] === undefined && env[spec.unlessSet!] === undefined) {
          ctx.addIssue({ code: 'custom', path: [name], message: `is required unless ${spec.unlessSet} is set` });
        }
      }
    },
    { when: () => true },
  );
}
