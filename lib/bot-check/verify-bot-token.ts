// reCAPTCHA v3 (invisible to the fan, scored): the server asks the verify URL whether the browser's
// token is genuine and how human it looked, and refuses scores under the configured threshold.
// Fails closed: when the verifier cannot be reached the request is refused with a 503.
import { z } from 'zod';
import { AppError } from '../errors/app-error';

export type BotCheckSettings = { secret: string; verifyUrl: string; minScore: number; timeoutMs?: number };

export const VerifyBotTokenInput = z.object({
  token: z.string().min(1).max(8192),
  remoteIp: z.string().optional(),
  /** The action the page asked the token for (sign_up, sign_in, queue_join); checked when given. */
  action: z.string().optional(),
});
export type VerifyBotTokenInput = z.infer<typeof VerifyBotTokenInput>;

const SiteVerifyResponse = z.object({
  success: z.boolean(),
  score: z.number().optional(),
  action: z.string().optional(),
  'error-codes': z.array(z.string()).optional(),
});

export async function verifyBotToken(settings: BotCheckSettings, input: VerifyBotTokenInput): Promise<{ score: number }> {
  const parsed = VerifyBotTokenInput.safeParse(input);
  if (!parsed.success) throw new AppError('forbidden', 'The bot check token is missing; reload the page and try again', { reason: 'missing-token' });
  const { token, remoteIp, action } = parsed.data;

  const form = new URLSearchParams({ secret: settings.secret, response: token });
  if (remoteIp) form.set('remoteip', remoteIp);
  let body: unknown;
  try {
    const response = await fetch(settings.verifyUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form,
      signal: AbortSignal.timeout(settings.timeoutMs ?? 3_000),
    });
    if (!response.ok) throw new Error(`verify answered ${response.status}`);
    body = await response.json();
  } catch {
    throw new AppError('unavailable', 'The bot check is temporarily unavailable, please retry');
  }
  const result = SiteVerifyResponse.safeParse(body);
  if (!result.success) throw new AppError('unavailable', 'The bot check is temporarily unavailable, please retry');
  const { success, score = 0, action: seenAction } = result.data;
  if (!success) throw new AppError('forbidden', 'The bot check failed; reload the page and try again', { reason: 'invalid-token' });
  if (action && seenAction && seenAction !== action) throw new AppError('forbidden', 'The bot check failed; reload the page and try again', { reason: 'wrong-action' });
  if (score < settings.minScore) throw new AppError('forbidden', 'The bot check failed; reload the page and try again', { reason: 'low-score' });
  return { score };
}
