// A load-generator process: holds client sockets and runs the scenario steps it is asked for.

import { serve } from '../rpc.ts';
import { avalancheHandlers } from './avalanche.ts';
import { fanReceiverHandlers } from './fan-receivers.ts';
import { floodHandlers } from './flood.ts';
import { idleHandlers } from './idle.ts';
import { jitterHandlers } from './jitter.ts';
import { messagingHandlers } from './messaging.ts';

serve({
  ...messagingHandlers,
  ...fanReceiverHandlers,
  ...idleHandlers,
  ...jitterHandlers,
  ...avalancheHandlers,
  ...floodHandlers,
});
