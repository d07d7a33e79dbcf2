import { parsePhone, stripWhatsAppPrefix, toWhatsAppAddress } from '../phone';

describe('parsePhone', () => {
  it.each([
    ['9876543210', 'IN', '+919876543210'],
    ['+91 98765 43210', 'IN', '+919876543210'],
    ['whatsapp:+919876543210', 'IN', '+919876543210'],
    ['WhatsApp:+44 7911 123456', 'IN', '+447911123456'],
    ['07911 123456', 'GB', '+447911123456'],
  ])('reads %s (default %s) as %s', (input, country, e164) => {
    expect(parsePhone(input, country)).toMatchObject({ ok: true, e164 });
  });

  it.each(['', '12345', 'call me', '+91 12345'])('refuses %j', (input) => {
    expect(parsePhone(input, 'IN')).toMatchObject({ ok: false, reason: expect.any(String) });
  });

  it('tells a mobile number from a fixed line', () => {
    expect(parsePhone('+919876543210', 'IN')).toMatchObject({ ok: true, isMobile: true });
    expect(parsePhone('+442071838750', 'GB')).toMatchObject({ ok: true, isMobile: false });
  });

  it('adds and strips the whatsapp: prefix', () => {
    expect(toWhatsAppAddress('+919876543210')).toBe('whatsapp:+919876543210');
    expect(stripWhatsAppPrefix(' whatsapp:+1 ')).toBe('+1');
  });
});
