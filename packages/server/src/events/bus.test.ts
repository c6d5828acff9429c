// The in-process bus against the shared contract: one process is one node, so every node is the same bus.

import { describeEventBus } from './bus.contract.ts';
import { InProcessBus } from './bus.ts';

describeEventBus('InProcessBus', () => {
  const reported: unknown[] = [];
  const bus = new InProcessBus((err) => reported.push(err));
  return { node: () => bus, reported, close: () => {} };
});
