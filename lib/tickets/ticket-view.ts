// A ticket as its holder sees it (lists and the ticket page). No Prisma types leave lib/.
export type TicketStatus = 'ISSUED' | 'USED' | 'CANCELLED' | 'REFUNDED';

export type TicketView = {
  id: string;
  /** Printed under the QR code, so staff can tell tickets apart by eye. */
  shortId: string;
  status: TicketStatus;
  issuedAt: string;
  usedAt: string | null;
  event: { title: string; slug: string; transfersEnabled: boolean };
  performance: { id: string; startsAt: string; endsAt: string | null; timeZone: string; venueName: string; hallName: string };
  seat: { section: string; row: string; number: number; grade: string };
  /** The entrance printed on the ticket; null = the main gate. */
  gate: string | null;
  holderName: string;
};

/** The ticket page adds what gets its holder in, while the ticket can still do so. */
export type TicketDetail = TicketView & {
  /** The signed QR text; null once the ticket is used, refunded or cancelled. */
  qr: string | null;
  /** The bare code, for a door whose camera fails (staff type it). */
  code: string | null;
};
