// The bank account a virtual-account payment is refunded to: PortOne's cancel takes it as
// `refundAccount` (a virtual account cannot be refunded to itself, and PortOne refuses the cancel
// without one). Checked here, field by field, before a refund row is written.
import type { Bank } from '@portone/server-sdk/common';
import { z } from 'zod';

/** The deposit-taking banks a fan can name (PortOne's bank codes; securities firms left out). */
export const REFUND_BANKS = [
  'KOOKMIN', 'SHINHAN', 'WOORI', 'HANA', 'NONGHYUP', 'LOCAL_NONGHYUP', 'IBK', 'KDB', 'SUHYUP', 'STANDARD_CHARTERED', 'CITI', 'DAEGU',
  'BUSAN', 'KWANGJU', 'JEJU', 'JEONBUK', 'KYONGNAM', 'KFCC', 'SHINHYUP', 'SAVINGS_BANK', 'POST', 'K_BANK', 'KAKAO', 'TOSS',
] as const satisfies readonly Bank[];

/** Spaces and dashes as people type them; PortOne takes the digits. */
const digits = (v: string) => v.replace(/[\s-]/g, '');

export const RefundAccount = z.object({
  bank: z.enum(REFUND_BANKS),
  number: z.string().transform(digits).pipe(z.string().regex(/^\d{8,16}$/, 'an account number of 8 to 16 digits')),
  holderName: z.string().trim().min(1).max(60),
  /** Some PGs (Smartro) need the holder's phone for a virtual-account refund. */
  holderPhoneNumber: z.string().transform(digits).pipe(z.string().regex(/^01\d{8,9}$/, 'a mobile number such as 010-1234-5678')).optional(),
});
export type RefundAccount = z.infer<typeof RefundAccount>;
