const E164 = /^\+[1-9]\d{6,14}$/;

export const WHATSAPP_PREFIX = 'whatsapp:';

export const isWhatsApp = (address: string): boolean => address.startsWith(WHATSAPP_PREFIX);

export const stripChannel = (address: string): string =>
  isWhatsApp(address) ? address.slice(WHATSAPP_PREFIX.length) : address;

/** `+…` or `whatsapp:+…` with an E.164 number. */
export const isValidAddress = (address: string): boolean => E164.test(stripChannel(address));

export const toWhatsApp = (address: string): string => {
  const bare = stripChannel(address.trim());
  return `${WHATSAPP_PREFIX}${bare.startsWith('+') ? bare : `+${bare}`}`;
};

/** Compares two addresses ignoring the `whatsapp:` channel prefix. */
export const sameNumber = (a: string, b: string): boolean => stripChannel(a) === stripChannel(b);
