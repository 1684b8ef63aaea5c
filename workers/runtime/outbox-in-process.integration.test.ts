// The same outbox suite over the in-process transport (the embedded default), minus broker faults.
import { defineOutboxSuite } from '../../test/support/outbox-suite';

defineOutboxSuite('in-process');
