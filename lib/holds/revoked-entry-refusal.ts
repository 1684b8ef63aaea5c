// A seat script found the admission revoked: counted through the guard's hook, refused as the guard refuses.
import { entryTokenRefused } from '../entry-token/entry-token-refused';
import type { AppError } from '../errors/app-error';
import type { AdmittedEntry } from './entry-check-of';

export function revokedEntryRefusal(entry: AdmittedEntry | undefined): AppError {
  entry?.onRevoked?.();
  return entryTokenRefused('revoked');
}
