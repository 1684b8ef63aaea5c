import type { RoleName } from '../config';
import type { Role } from '../runtime/context';
import { admissionRole } from './admission';
import { apiRole } from './api';
import { paymentsRole } from './payments';
import { relayRole } from './relay';
import { reservationsRole } from './reservations';
import { statsRole } from './stats';

export const ROLES: Record<RoleName, Role> = {
  api: apiRole,
  admission: admissionRole,
  reservations: reservationsRole,
  payments: paymentsRole,
  relay: relayRole,
  stats: statsRole,
};
