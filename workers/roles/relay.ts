// The `relay` role. Its loops are added by the issue that builds them (see README, worker roles).
import { defineLoopRole } from './define-loop-role';

export const relayRole = defineLoopRole('relay', []);
