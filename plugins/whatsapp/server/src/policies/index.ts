import { verifyTwilioSignature } from '../inbound/verify-twilio-signature';
import { hasAnyPermission } from './has-any-permission';

export default {
  'verify-twilio-signature': verifyTwilioSignature,
  'has-any-permission': hasAnyPermission,
};
