import { verifyTwilioSignature } from '../inbound/verify-twilio-signature';

export default {
  'verify-twilio-signature': verifyTwilioSignature,
};
