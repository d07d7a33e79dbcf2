import type { Core } from '@strapi/strapi';
import { getService } from '../../utils/get-service';
import { documentIdParamsSchema } from '../../validation/common';
import { parseInput } from '../../validation/parse';
import { templatePreviewSchema, templateSubmitSchema } from '../../templates/actions-validation';
import { permissionOf } from '../operations';
import { withoutNulls, type ResolverContext } from './input';

type DataArgs = { id: string; data?: unknown };

/** `POST /templates/sync`, `/templates/:id/submit` and `/templates/:id/preview`. */
export const templateMutations = (strapi: Core.Strapi) => ({
  syncWhatsappTemplates: () => getService(strapi, 'templates').sync.run({ trigger: 'manual' }),

  submitWhatsappTemplate: (_parent: unknown, args: DataArgs) => {
    const { id } = parseInput(documentIdParamsSchema, { id: args.id });
    const data = withoutNulls(args.data);
    const quickReplies = Array.isArray(data.quickReplies) ? data.quickReplies.map(withoutNulls) : data.quickReplies;
    const extras = parseInput(templateSubmitSchema, quickReplies === undefined ? data : { ...data, quickReplies });
    return getService(strapi, 'templates').submit.submit(id, extras);
  },

  previewWhatsappTemplate: async (_parent: unknown, args: DataArgs, context: ResolverContext) => {
    const { id } = parseInput(documentIdParamsSchema, { id: args.id });
    const input = parseInput(templatePreviewSchema, withoutNulls(args.data));
    // A preview for a candidate shows that candidate's fields: the caller must be allowed to
    // read candidates too, as on REST.
    if (input.candidate) await strapi.auth.verify(context.state.auth as never, { scope: [permissionOf('candidate.findOne')] } as never);
    return getService(strapi, 'templates').preview.preview(id, input);
  },
});
