// The AppError a domain call refused with; fails the test when it resolved or threw something else.
import { expect } from 'vitest';
import { AppError } from '../../lib/errors/app-error';

export async function appErrorOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}
