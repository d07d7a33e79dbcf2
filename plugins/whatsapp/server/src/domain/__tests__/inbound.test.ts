import { detectOptChange, isSandboxJoin, previewOf, toE164, toInboundMessage } from '../inbound';
import { parsePhone } from '../phone';

const addresses = { from: '+919876543210', to: '+14155238886' };
const base = { MessageSid: 'SM0123456789abcdef0123456789abcdef', From: 'whatsapp:+919876543210', To: 'whatsapp:+14155238886' };

describe('opt-out and opt-in keywords', () => {
  it.each(['STOP', 'stop', ' Stop ', 'UNSUBSCRIBE', 'stopall', 'Cancel', 'END', 'quit\n'])('%j opts out', (body) => {
    expect(detectOptChange(body)).toBe('opt_out');
  });

  it.each(['START', 'start', ' Unstop '])('%j opts back in', (body) => {
    expect(detectOptChange(body)).toBe('opt_in');
  });

  it.each(['stop please', 'STOP!', 'please stop', 'started', '', null])('%j is an ordinary message', (body) => {
    expect(detectOptChange(body)).toBeNull();
  });
});

describe('sandbox join', () => {
  it.each(['join happy-tiger', 'JOIN  pale-blue-sky', 'join word-2'])('%j is a join code', (body) => {
    expect(isSandboxJoin(body)).toBe(true);
  });

  it.each(['join us', 'join the-team now', 'please join happy-tiger', null])('%j is not', (body) => {
    expect(isSandboxJoin(body)).toBe(false);
  });

  it('records a join and does not read its words as a keyword', () => {
    const message = toInboundMessage({ ...base, Body: 'join happy-tiger' }, addresses);
    expect(message).toMatchObject({ messageType: 'sandbox_join', optChange: null, body: 'join happy-tiger' });
  });
});

describe('toInboundMessage', () => {
  it('keeps every media with its content type', () => {
    const message = toInboundMessage(
      {
        ...base,
        NumMedia: '2',
        MediaUrl0: 'https://api.twilio.com/a',
        MediaContentType0: 'image/jpeg',
        MediaUrl1: 'https://api.twilio.com/b',
        MediaContentType1: 'application/pdf',
        Body: 'the documents',
      },
      addresses
    );
    expect(message.media).toEqual([
      { url: 'https://api.twilio.com/a', contentType: 'image/jpeg' },
      { url: 'https://api.twilio.com/b', contentType: 'application/pdf' },
    ]);
    expect(message.messageType).toBe('image');
    expect(message.preview).toBe('[2 attachments] the documents');
  });

  it('reads a location that comes without a body', () => {
    const message = toInboundMessage({ ...base, Body: '', Latitude: '12.9716', Longitude: '77.5946', Address: 'MG Road', Label: 'Office' }, addresses);
    expect(message).toMatchObject({
      body: null,
      location: { latitude: 12.9716, longitude: 77.5946, address: 'MG Road', label: 'Office' },
      messageType: 'location',
      preview: '[Location] Office',
    });
  });

  it('reads button replies, referrals, the replied-to message, profile name and WaId', () => {
    const message = toInboundMessage(
      {
        ...base,
        Body: 'Yes',
        ButtonText: 'Yes',
        ButtonPayload: 'confirm_interview',
        ReferralNumMedia: '0',
        ReferralSourceId: '1234',
        ReferralSourceType: 'ad',
        ReferralCtwaClid: 'clid',
        OriginalRepliedMessageSid: 'SMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
        ProfileName: '  Asha  ',
        WaId: '919876543210',
        MessageType: 'button',
      },
      addresses
    );
    expect(message).toMatchObject({
      button: { text: 'Yes', payload: 'confirm_interview' },
      referral: { sourceId: '1234', sourceType: 'ad', ctwaClid: 'clid' },
      inReplyToSid: 'SMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
      profileName: 'Asha',
      waId: '919876543210',
      messageType: 'button',
      preview: 'Yes',
    });
  });

  it('shortens long previews and collapses whitespace', () => {
    const message = toInboundMessage({ ...base, Body: `Hello\n\n${'x'.repeat(300)}` }, addresses);
    expect(message.preview).toHaveLength(140);
    expect(message.preview.startsWith('Hello x')).toBe(true);
    expect(message.preview.endsWith('…')).toBe(true);
  });

  it('truncates a profile name to the column size', () => {
    expect(toInboundMessage({ ...base, ProfileName: 'n'.repeat(400) }, addresses).profileName).toHaveLength(255);
  });
});

describe('previewOf', () => {
  it('names a media message without a caption', () => {
    expect(previewOf({ body: null, media: [{ url: 'u', contentType: 'audio/ogg' }], location: null, button: null, messageType: 'audio' })).toBe('[Audio]');
  });
  it('falls back to the message type', () => {
    expect(previewOf({ body: null, media: [], location: null, button: null, messageType: 'reaction' })).toBe('[reaction]');
  });
});

describe('toE164', () => {
  it('reads WhatsApp addresses', () => {
    expect(toE164('whatsapp:+919876543210', 'IN')).toBe('+919876543210');
    expect(toE164('+14155238886', 'IN')).toBe('+14155238886');
  });
  it('keeps an E.164 number libphonenumber does not know rather than losing the message', () => {
    expect(toE164('whatsapp:+999123456789', 'IN')).toBe('+999123456789');
  });
  it.each(['+919876543210', '+14155238886', '+447911123456', '+5511987654321', '+971501234567', '+6591234567', '+33612345678'])(
    'gives %s exactly what the phone rules give a number typed in the REST API',
    (e164) => {
      const typed = parsePhone(e164, 'IN');
      expect(typed).toMatchObject({ ok: true, e164 });
      expect(toE164(`whatsapp:${e164}`, 'IN')).toBe(e164);
    }
  );
  it('parses what is not E.164 yet', () => {
    expect(toE164('whatsapp:09876543210', 'IN')).toBe('+919876543210');
    expect(toE164('+91 98765 43210', 'IN')).toBe('+919876543210');
  });
  it('refuses what is not a phone number', () => {
    expect(toE164('whatsapp:hello', 'IN')).toBeNull();
    expect(toE164('', 'IN')).toBeNull();
  });
});
