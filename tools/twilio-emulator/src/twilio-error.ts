/** Twilio's error body, the same for every API: `{ code, message, more_info, status }`. */
export interface TwilioErrorBody {
  code: number;
  message: string;
  more_info: string;
  status: number;
}

/** Default texts, worded as Twilio words them. */
export const ERROR_MESSAGES: Readonly<Record<number, string>> = {
  20001: 'Invalid parameter',
  20003: 'Authenticate',
  20004: 'Method not allowed',
  20404: 'The requested resource was not found',
  20429: 'Too Many Requests',
  20500: 'Internal Server Error',
  20503: 'Service Unavailable',
  21211: "Invalid 'To' Phone Number",
  21212: "Invalid 'From' Phone Number",
  21408: 'Permission to send an SMS has not been enabled for the region indicated by the To number',
  21603: "A 'From' phone number is required.",
  21604: "A 'To' phone number is required.",
  21609: 'Invalid StatusCallback url',
  21610: 'Attempt to send to unsubscribed recipient',
  21614: "'To' number is not a valid mobile number",
  21617: 'The concatenated message body exceeds the 1600 character limit.',
  21619: 'A text message body or media urls must be specified.',
  21620: 'Invalid media URL(s)',
  21655: 'The ContentSid is Invalid',
  21656: 'The ContentVariables Parameter is invalid',
  21701: 'The Messaging Service Sid is invalid',
  21910: 'Invalid From and To pair. From and To should be of the same channel',
  30003: 'Unreachable destination handset',
  30005: 'Unknown destination handset',
  30006: 'Landline or unreachable carrier',
  30008: 'Unknown error',
  63003: 'Channel could not find To address',
  63015:
    'Channel Sandbox can only send messages to phone numbers that have joined the Sandbox',
  63016:
    'Failed to send freeform message because you are outside the allowed window. If you are using WhatsApp, please use a Message Template.',
  63018: 'Rate limit exceeded for Channel',
  63024: 'Invalid message recipient',
  63032: "We cannot send this message to this user because of a WhatsApp limitation",
};

export const errorMessageFor = (code: number): string =>
  ERROR_MESSAGES[code] ?? `Twilio error ${code}`;

export const moreInfo = (code: number): string => `https://www.twilio.com/docs/errors/${code}`;

/** Thrown by handlers; the router turns it into Twilio's error response. */
export class TwilioApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string = errorMessageFor(code),
  ) {
    super(message);
    this.name = 'TwilioApiError';
  }

  toBody(): TwilioErrorBody {
    return { code: this.code, message: this.message, more_info: moreInfo(this.code), status: this.status };
  }
}

export const notFound = (path: string): TwilioApiError =>
  new TwilioApiError(404, 20404, `The requested resource ${path} was not found`);

export const invalidParameter = (message: string): TwilioApiError =>
  new TwilioApiError(400, 20001, message);
