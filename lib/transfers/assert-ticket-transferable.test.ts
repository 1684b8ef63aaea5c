import { describe, expect, it } from 'vitest';
import { AppError } from '../errors/app-error';
import { assertTicketTransferable, type TransferableTicket } from './assert-ticket-transferable';

const HOUR = 3_600_000;
const now = new Date('2027-05-01T00:00:00Z');
const limits = { cutoffHoursBeforeShow: 24, maxPerTicket: 1, offerHours: 72 };
const holder = '0190a000-0000-7000-8000-000000000001';
const ticket: TransferableTicket = { ownerId: holder, status: 'ISSUED', transferCount: 0, startsAt: new Date(now.getTime() + 48 * HOUR), transfersEnabled: true };

function refusal(candidate: TransferableTicket | null, holderId = holder, at = now) {
  try {
    assertTicketTransferable(candidate, holderId, limits, at);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    const { code, details } = error as AppError;
    return { code, reason: details?.reason ?? null, field: details?.field ?? null };
  }
  return null;
}

describe('assertTicketTransferable', () => {
  it('lets the holder of an ISSUED ticket give it while transfers are on, under the limit, before the cutoff', () => {
    expect(refusal(ticket)).toBeNull();
    expect(refusal(ticket, holder, new Date(now.getTime() + 24 * HOUR - 1))).toBeNull();
  });

  it('hides another holder’s ticket and a missing one alike', () => {
    expect(refusal(ticket, '0190a000-0000-7000-8000-000000000002')).toEqual({ code: 'not_found', reason: null, field: null });
    expect(refusal(null)).toEqual({ code: 'not_found', reason: null, field: null });
  });

  it.each([
    ['transfers are off for the event', { transfersEnabled: false }, 'unprocessable', 'transfers_disabled'],
    ['the ticket was checked in', { status: 'USED' }, 'conflict', 'ticket_not_transferable'],
    ['the ticket was refunded', { status: 'REFUNDED' }, 'conflict', 'ticket_not_transferable'],
    ['the ticket used its transfers', { transferCount: 1 }, 'unprocessable', 'transfer_limit_reached'],
    ['the show is within the cutoff', { startsAt: new Date(now.getTime() + 24 * HOUR) }, 'unprocessable', 'transfers_closed'],
  ] as const)('refuses when %s, naming the ticket', (_, change, code, reason) => {
    expect(refusal({ ...ticket, ...change })).toEqual({ code, reason, field: 'ticketId' });
  });
});
