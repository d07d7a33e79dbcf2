import type { Core } from '@strapi/strapi';
import { getService } from '../../utils/get-service';
import { withErrorDescription } from '../../utils/message-view';
import { documentIdParamsSchema } from '../../validation/common';
import { messageSendSchema } from '../../sending/validation';
import { parseInput } from '../../validation/parse';
import { withoutNulls, type IdArgs } from './input';

/** `POST /messages` and `POST /messages/:id/retry`: the pending message, as REST answers. */
export const messageMutations = (strapi: Core.Strapi) => ({
  sendWhatsappMessage: (_parent: unknown, args: { data: unknown }) =>
    getService(strapi, 'sending').outbound.send(parseInput(messageSendSchema, withoutNulls(args.data))),

  retryWhatsappMessage: (_parent: unknown, args: IdArgs) =>
    getService(strapi, 'sending').outbound.retry(parseInput(documentIdParamsSchema, args).id),
});

type MessageErrorFields = { errorCode?: number | null; errorMessage?: string | null };

/** Every message REST answers carries `errorDescription`; so does every `WhatsappMessage`. */
export const messageFields = {
  errorDescription: (message: MessageErrorFields) => withErrorDescription(message).errorDescription,
};
