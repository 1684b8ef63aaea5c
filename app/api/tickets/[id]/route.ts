// GET /api/tickets/:id — one of my tickets with its signed QR code (another user's id → 404).
import { gateway } from '../../../_server/gateway';

export const GET = gateway<{ id: string }>({ access: 'user', rateLimit: 'GENERAL' }, ({ forward }, { id }) => forward(`/v1/tickets/${encodeURIComponent(id)}`));
