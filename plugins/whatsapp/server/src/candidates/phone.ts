import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { parsePhone, type ParsedPhone } from '../domain/phone';
import { getService } from '../utils/get-service';

export const createPhoneService = ({ strapi }: { strapi: Core.Strapi }) => ({
  async parse(input: string): Promise<ParsedPhone> {
    const { defaultCountry } = await getService(strapi, 'settings').getResolved();
    return parsePhone(input, defaultCountry);
  },

  /** E.164 or a 400 ValidationError naming the field. */
  async normalizeOrThrow(input: string, field = 'phone'): Promise<string> {
    const parsed = await this.parse(input);
    if (!parsed.ok) {
      throw new errors.ValidationError(parsed.reason, {
        errors: [{ path: [field], message: parsed.reason, name: 'ValidationError' }],
      });
    }
    return parsed.e164;
  },
});

export type PhoneService = ReturnType<typeof createPhoneService>;
