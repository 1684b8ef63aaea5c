// What a transfer page shows about the ticket: the show, where and when (on the venue's clock),
// and the seat. One select and one mapping shared by the holder's and the recipient's views.
export type TransferTicketFacts = {
  ticketId: string;
  eventTitle: string;
  startsAt: string;
  /** The venue's IANA zone: times are shown on its clock. */
  timeZone: string;
  venue: string;
  seat: { section: string; row: string; number: number; grade: string };
};

export const TRANSFER_TICKET_SELECT = {
  id: true,
  seat: { select: { rowLabel: true, number: true, grade: true, section: { select: { name: true } } } },
  performance: { select: { startsAt: true, event: { select: { title: true } }, hall: { select: { name: true, venue: { select: { name: true, timeZone: true } } } } } },
} as const;

type TicketRow = {
  id: string;
  seat: { rowLabel: string; number: number; grade: string; section: { name: string } };
  performance: { startsAt: Date; event: { title: string }; hall: { name: string; venue: { name: string; timeZone: string } } };
};

export function toTransferTicketFacts(ticket: TicketRow): TransferTicketFacts {
  return {
    ticketId: ticket.id,
    eventTitle: ticket.performance.event.title,
    startsAt: ticket.performance.startsAt.toISOString(),
    timeZone: ticket.performance.hall.venue.timeZone,
    venue: `${ticket.performance.hall.venue.name} ${ticket.performance.hall.name}`,
    seat: { section: ticket.seat.section.name, row: ticket.seat.rowLabel, number: ticket.seat.number, grade: ticket.seat.grade },
  };
}
