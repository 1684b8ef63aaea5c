// Which roles consume which events, known at import time (roles declare `consumes` when they
// are defined). The in-process relay waits for these groups before delivering, and the admin
// page and /metrics report lag for them.
import { topicsOf, type EventType } from '../../lib/events/catalog';

const declared = new Map<string, EventType[]>();

export function declareConsumerGroup(group: string, types: EventType[]): void {
  declared.set(group, types);
}

export function declaredConsumerGroups(): { group: string; topics: string[] }[] {
  return [...declared].map(([group, types]) => ({ group, topics: topicsOf(types) }));
}
