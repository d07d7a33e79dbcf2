import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import { readTwilioForm } from '../inbound/twilio-form';
import { isValidSignature, signedUrl } from '../inbound/verify-twilio-signature';
import { TWILIO_SIGNATURE_HEADER } from '../constants';
import { getService } from '../utils/get-service';
import { parseInput } from '../validation/parse';
import { isValidProbeRequest, PROBE_AUTH_HEADER, PROBE_PARAM, probeProof } from './probe-token';
import { checksQuerySchema } from './validation';

export const goLiveController = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** `GET /settings/checks[?check=<id>]` (admin): every check, or one, as JSON. */
  async checks(ctx: Context) {
    const { check } = parseInput(checksQuerySchema, ctx.query);
    ctx.body = { data: await getService(strapi, 'go-live').run(check) };
  },

  /**
   * `POST /api/whatsapp/webhook/probe` (public): answers this app's own probe with what the
   * webhook's signature check would see. Anything else (no probe authentication) is a 403
   * that tells nothing, so the route leaks no internal address.
   */
  async probe(ctx: Context) {
    const params = readTwilioForm(ctx, strapi.log);
    const { authToken, publicUrl } = await getService(strapi, 'settings').getResolved();
    const nonce = params[PROBE_PARAM];
    if (!authToken || !isValidProbeRequest(authToken, nonce, ctx.request.get(PROBE_AUTH_HEADER))) {
      throw new errors.PolicyError('Not a go-live probe of this app');
    }
    const checkedUrl = signedUrl(ctx, publicUrl, strapi.config.get('server.url'));
    const signature = ctx.request.get(TWILIO_SIGNATURE_HEADER);
    ctx.body = {
      data: {
        proof: probeProof(authToken, nonce),
        signatureValid: Boolean(signature) && isValidSignature(authToken, signature, checkedUrl, params),
        checkedUrl,
        receivedUrl: `${ctx.request.protocol}://${ctx.request.host}${ctx.originalUrl}`,
      },
    };
  },
});
