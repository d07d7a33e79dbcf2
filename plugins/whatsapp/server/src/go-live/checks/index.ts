import type { GoLiveCheckId } from '../../../../shared/go-live';
import type { CheckDefinition } from '../types';
import { credentialsCheck } from './credentials';
import { publicUrlCheck } from './public-url';
import { sandboxCheck } from './sandbox';
import { senderCheck } from './sender';
import { statusCallbacksCheck } from './status-callbacks';
import { templatesCheck } from './templates';
import { webhookCheck } from './webhook';

export const CHECKS: Record<GoLiveCheckId, CheckDefinition> = {
  sandbox: sandboxCheck,
  credentials: credentialsCheck,
  sender: senderCheck,
  'public-url': publicUrlCheck,
  webhook: webhookCheck,
  templates: templatesCheck,
  'status-callbacks': statusCallbacksCheck,
};
