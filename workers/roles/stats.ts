// The `stats` role: it runs no loop and consumes no event yet. It exists so that every role of the
// fleet (and its ECS service) is in place before the aggregates it will keep are built.
import { defineLoopRole } from './define-loop-role';

export const statsRole = defineLoopRole('stats', []);
