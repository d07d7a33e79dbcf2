import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { UID } from '../constants';
import { renderForCandidate, type CandidateValues, type VariableMapping } from '../../../shared/variable-mapping';
import type { RenderedTemplate } from '../../../shared/templates';
import { templateRepository } from './sql';

export type PreviewInput = {
  variables?: Record<string, string> | null;
  /** A candidate's documentId: their fields fill the placeholders through `variableMapping`. */
  candidate?: string | null;
  variableMapping?: VariableMapping | null;
};

export const createTemplatePreviewService = ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * The text a candidate would receive, rendered by the same function campaigns use. Given
   * neither variables nor a candidate, the template's own samples fill it.
   */
  async preview(documentId: string, input: PreviewInput): Promise<RenderedTemplate> {
    const template = await templateRepository(strapi).findByDocumentId(documentId);
    if (!template) throw new errors.NotFoundError('Template not found');

    let candidate: CandidateValues | null = null;
    if (input.candidate) {
      candidate = (await strapi.documents(UID.candidate).findOne({
        documentId: input.candidate,
        fields: ['name', 'phone', 'email', 'attributes'] as never,
      })) as CandidateValues | null;
      if (!candidate) {
        throw new errors.ValidationError('Candidate not found', {
          errors: [{ path: ['candidate'], message: 'No candidate has this id', name: 'ValidationError' }],
        });
      }
    }
    const samplesOnly = !input.variables && !input.candidate && !input.variableMapping;
    const overrides = samplesOnly ? template.variables : input.variables;
    return renderForCandidate(template.body ?? '', input.variableMapping, candidate, overrides);
  },
});

export type TemplatePreviewService = ReturnType<typeof createTemplatePreviewService>;
