import { describe, expect, it } from 'vitest';
import { localizeErrorBody } from './localize-error-body';

describe('localizeErrorBody', () => {
  it('translates by reason and keeps code, reason and details', () => {
    const body = { error: { code: 'forbidden' as const, message: 'Sales have closed', reason: 'sale_closed', requestId: 'r1' } };
    expect(localizeErrorBody(body, 'ko').error).toEqual({ ...body.error, message: '판매가 종료되었습니다.' });
    expect(localizeErrorBody(body, 'en').error.message).toBe('Sales have closed.');
  });

  it('fills the reason message with the details it names', () => {
    const body = { error: { code: 'unprocessable' as const, message: 'You can reserve at most 4 seats', reason: 'too_many_seats', max: 4 } };
    expect(localizeErrorBody(body, 'ko').error.message).toBe('이 공연은 1인당 최대 4석까지 예매할 수 있습니다.');
  });

  it('folds every entry-token refusal into one message', () => {
    const body = { error: { code: 'forbidden' as const, message: 'Join the waiting room for this performance first', reason: 'entry_token_expired' } };
    expect(localizeErrorBody(body, 'ko').error.message).toBe('먼저 이 공연의 대기열에 입장해 주세요.');
  });

  it('falls back to the code in Korean and to the domain message in English', () => {
    const body = { error: { code: 'validation_failed' as const, message: 'grade: this performance has no grade VIP', field: 'grade' } };
    expect(localizeErrorBody(body, 'ko').error).toMatchObject({ message: '입력값을 확인해 주세요.', field: 'grade', code: 'validation_failed' });
    expect(localizeErrorBody(body, 'en')).toBe(body);
  });

  it('counts down the retry delay of a rate-limit refusal', () => {
    const body = { error: { code: 'rate_limited' as const, message: 'Too many requests; retry in 7 s', retryAfterSeconds: 7 } };
    expect(localizeErrorBody(body, 'ko').error.message).toBe('요청이 너무 많습니다. 7초 후 다시 시도해 주세요.');
  });
});
