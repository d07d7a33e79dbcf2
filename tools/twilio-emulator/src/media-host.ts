import { newSid } from './ids';
import { API_VERSION } from './message-resource';

export interface HostedMedia {
  contentType: string;
  data: Buffer;
  messageSid: string;
}

// 1×1 transparent PNG: a valid image for clients that download inbound media.
const PLACEHOLDER_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

const placeholderFor = (contentType: string): Buffer =>
  contentType.startsWith('image/') ? PLACEHOLDER_PNG : Buffer.from('emulated media\n');

/** Placeholder files for inbound media sent without a URL, at Twilio-style media URLs. */
export class MediaHost {
  private readonly files = new Map<string, HostedMedia>();

  constructor(
    private readonly accountSid: string,
    private readonly baseUrl: () => string,
  ) {}

  host(messageSid: string, contentType: string): string {
    const mediaSid = newSid('ME');
    this.files.set(mediaSid, { contentType, data: placeholderFor(contentType), messageSid });
    return `${this.baseUrl()}/${API_VERSION}/Accounts/${this.accountSid}/Messages/${messageSid}/Media/${mediaSid}`;
  }

  get(messageSid: string, mediaSid: string): HostedMedia | undefined {
    const file = this.files.get(mediaSid);
    return file && file.messageSid === messageSid ? file : undefined;
  }

  clear(): void {
    this.files.clear();
  }
}
