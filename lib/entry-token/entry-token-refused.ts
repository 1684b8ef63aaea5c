// The one refusal every entry-token check answers with (403, its reason prefixed `entry_token_`),
// whether the guard found it or a seat-hold script found the admission revoked.
import { AppError } from '../errors/app-error';
import type { EntryTokenRejection } from './verify-entry-token';

export function entryTokenRefused(reason: EntryTokenRejection): AppError {
  return new AppError('forbidden', 'Join the waiting room for this performance first', { reason: `entry_token_${reason}` });
}
