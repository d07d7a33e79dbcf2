import { verifyTwilioSignature } from './verify-twilio-signature';

export default {
  'verify-twilio-signature': verifyTwilioSignature,
};
