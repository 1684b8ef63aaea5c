-- Each index is written on every reservation and every seat of it; these two answered nothing the
-- others do not: five of the 26 index entries a four-seat reservation writes at a sale's opening.

-- Expiry reads PENDING reservations by deadline through the partial reservations_pending_deadline_idx.
DROP INDEX "ticket"."reservations_status_payment_deadline_idx";

-- Live seats of a performance are found through the partial unique reservation_items_live_seat_key;
-- a seat's history through reservation_items_seat_id_idx.
DROP INDEX "ticket"."reservation_items_performance_id_seat_id_idx";
