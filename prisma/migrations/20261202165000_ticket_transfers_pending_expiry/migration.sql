-- The reservations role looks for open transfer offers every few seconds (expiry, tickets that
-- stopped being transferable): index only the PENDING ones, by deadline, so the sweep reads the
-- few open offers instead of every offer ever made. Prisma cannot express partial indexes.
CREATE INDEX "ticket_transfers_pending_expires_at_idx" ON "ticket"."ticket_transfers"("expires_at") WHERE "status" = 'PENDING';
