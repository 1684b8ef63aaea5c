// Why an offer cannot be answered or withdrawn, as the error the fan sees. An offer is visible
// only to its two parties, and each acts on it in one role: the recipient accepts or declines,
// the sender withdraws; any other caller (or the other role) gets 404, as for an unknown id.
import { AppError, notFound } from '../errors/app-error';

export type TransferParties = { fromUserId: string; toUserId: string | null; status: string; expiresAt: Date };

export function assertTransferOpen(transfer: TransferParties | null, as: { userId: string; role: 'recipient' | 'sender' }, now: Date): asserts transfer is TransferParties {
  const party = as.role === 'recipient' ? transfer?.toUserId : transfer?.fromUserId;
  if (!transfer || party !== as.userId) throw notFound('Transfer');
  if (transfer.status !== 'PENDING') {
    throw new AppError('conflict', `transferId: this offer is already ${transfer.status.toLowerCase()}`, { field: 'transferId', reason: 'transfer_closed', status: transfer.status });
  }
  if (now.getTime() >= transfer.expiresAt.getTime()) {
    throw new AppError('conflict', 'transferId: this offer has expired', { field: 'transferId', reason: 'transfer_closed', status: 'EXPIRED' });
  }
}
