import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Knex } from 'knex';
import { emptyStats } from '../domain/campaign-recipient';
import { SKIP_REASONS, type CampaignStats, type SkipReason } from '../../../shared/campaigns';
import { renderTemplate } from '../domain/placeholders';
import type { VariableMapping } from '../../../shared/variable-mapping';
import { templateRepository } from '../templates/sql';
import { isEmptyAudience, normalizeAudience, type Audience } from './audience';
import { recipientPlanSql, SKIP_DETAIL } from './plan-sql';
import { createRecipientPlanRepository, type PlanCounts } from './recipients-sql';
import type { PreviewInput } from './validation';
import type { AudiencePreview } from '../../../shared/audiences';

const isSkipReason = (value: string | null): value is SkipReason => value !== null && (SKIP_REASONS as readonly string[]).includes(value);

/** A launch's starting stats from the counts it wrote. */
export const statsFromCounts = (counts: PlanCounts): CampaignStats => {
  const stats = emptyStats();
  for (const { skipReason, count } of counts) {
    stats.total += count;
    if (skipReason === null) stats.pending += count;
    else {
      stats.skipped += count;
      if (isSkipReason(skipReason)) stats.skippedBy[skipReason] += count;
    }
  }
  return stats;
};

/** Audiences: who a campaign goes to, as SQL (plan-sql.ts), for the launch and the preview. */
export const createAudiencesService = ({ strapi }: { strapi: Core.Strapi }) => {
  const plans = createRecipientPlanRepository(strapi);

  return {
    normalize: normalizeAudience,
    isEmpty: isEmptyAudience,

    /** Writes every recipient of the audience for a launch; the campaign's starting stats. */
    async insertRecipients(
      trx: Knex.Transaction,
      campaign: { id: number; sender: string; templateId: number },
      input: { audience: Audience; body: string; mapping: VariableMapping | null | undefined }
    ): Promise<CampaignStats> {
      const counts = await plans.insertRecipients(trx, campaign, recipientPlanSql(input.audience, input.body, input.mapping));
      return statsFromCounts(counts);
    },

    /** What a launch would do, without writing anything. */
    async preview(input: PreviewInput): Promise<AudiencePreview> {
      const template = await templateRepository(strapi).findByDocumentId(input.template);
      if (!template) {
        throw new errors.ValidationError('Template not found', {
          errors: [{ path: ['template'], message: 'No template has this id', name: 'ValidationError' }],
        });
      }
      const body = template.body ?? '';
      const audience = normalizeAudience(input.audience);
      const { counts, picked } = await plans.countAndPick(recipientPlanSql(audience, body, input.variableMapping), input.samples);
      const stats = statsFromCounts(counts);
      // The samples rendered on their own; why each is skipped comes from the whole audience
      // (a duplicate number is one only among the others).
      const rendered = new Map(
        (await plans.rows(recipientPlanSql({ ...normalizeAudience({}), candidates: picked.map((one) => one.documentId) }, body, input.variableMapping))).map(
          (row) => [row.documentId, row]
        )
      );
      const samples = picked.flatMap(({ documentId, skipReason }) => {
        const row = rendered.get(documentId);
        if (!row) return [];
        const skipDetail = skipReason === row.skipReason ? row.skipDetail : skipReason === 'duplicate_phone' ? SKIP_DETAIL.duplicate_phone : null;
        return [{ ...row, skipReason, skipDetail }];
      });
      return {
        template: { documentId: template.documentId, name: template.name, approvalStatus: template.approvalStatus, body },
        total: stats.total,
        send: stats.pending,
        skipped: stats.skipped,
        skippedBy: stats.skippedBy,
        samples: samples.map((sample) => {
          const rendered = renderTemplate(body, sample.variables);
          return {
            candidate: { documentId: sample.documentId, name: sample.name, phone: sample.phone },
            send: sample.skipReason === null,
            skipReason: isSkipReason(sample.skipReason) ? sample.skipReason : null,
            skipDetail: sample.skipDetail,
            text: rendered.text,
            missing: rendered.missing,
          };
        }),
      };
    },
  };
};

export type AudiencesService = ReturnType<typeof createAudiencesService>;
