import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { CampaignDraftInput, EditableCampaign, WizardTemplate } from '../../../../shared/campaign-editor';
import { UID } from '../../constants';
import { extractPlaceholders } from '../../domain/placeholders';
import type { CampaignState } from '../../../../shared/statuses';
import { jsonColumn, isoOrNull } from '../../database/sql-row';
import { conflictError } from '../../utils/http-error';

type Row = Record<string, unknown>;

const EDITABLE: readonly CampaignState[] = ['draft', 'scheduled'];
/** A schedule this close to now would be due before the page got its answer. */
const MIN_SCHEDULE_AHEAD_MS = 60_000;

const toEditable = (row: Row): Omit<EditableCampaign, 'chosen'> => {
  const template = row.template as Row | null | undefined;
  const state = row.state as CampaignState;
  return {
    documentId: String(row.documentId),
    name: String(row.name ?? ''),
    state,
    template: template ? String(template.documentId) : null,
    variableMapping: (jsonColumn(row.variableMapping) as EditableCampaign['variableMapping'] | null) ?? {},
    audience: (jsonColumn(row.audience) as EditableCampaign['audience'] | null) ?? {},
    scheduledAt: isoOrNull(row.scheduledAt),
    editable: EDITABLE.includes(state),
  };
};

const assertFuture = (scheduledAt: string | null | undefined) => {
  if (!scheduledAt) return;
  if (new Date(scheduledAt).getTime() < Date.now() + MIN_SCHEDULE_AHEAD_MS) {
    throw new errors.ValidationError('Schedule the campaign at least a minute from now', {
      errors: [{ path: ['scheduledAt'], message: 'Choose a time in the future', name: 'ValidationError' }],
    });
  }
};

/**
 * The New campaign wizard: create, edit (drafts and scheduled campaigns only) and duplicate, through
 * the Document Service so the campaign rules (state from `scheduledAt`, the wake-up job) apply.
 */
export const createCampaignEditorService = ({ strapi }: { strapi: Core.Strapi }) => {
  // `as never`: plugin content types are not in the host app's generated type registry.
  const campaigns = () => strapi.documents(UID.campaign as never) as unknown as {
    findOne(params: Row): Promise<Row | null>;
    create(params: Row): Promise<Row>;
    update(params: Row): Promise<Row | null>;
  };
  /** The chosen candidates as the wizard shows them, in the audience's order. */
  const withChosen = async (campaign: Omit<EditableCampaign, 'chosen'>): Promise<{ data: EditableCampaign }> => {
    const ids = campaign.audience.candidates ?? [];
    const rows = ids.length === 0
      ? []
      : ((await strapi.db.query(UID.candidate as never).findMany({
          where: { documentId: { $in: ids } },
          select: ['documentId', 'name', 'phone'],
        })) as Array<{ documentId: string; name: string | null; phone: string }>);
    const byId = new Map(rows.map((row) => [row.documentId, { documentId: row.documentId, name: row.name ?? null, phone: row.phone }]));
    return { data: { ...campaign, chosen: ids.flatMap((id) => byId.get(id) ?? []) } };
  };
  const read = async (documentId: string) => {
    const found = await campaigns().findOne({ documentId, populate: { template: { fields: ['documentId'] } } });
    if (!found) throw new errors.NotFoundError('Campaign not found');
    return found;
  };

  return {
    async templates(): Promise<{ data: WizardTemplate[] }> {
      const rows = (await strapi.db.query(UID.template as never).findMany({
        where: { approvalStatus: 'approved', deletedAtTwilio: null },
        orderBy: [{ name: 'asc' }, { id: 'asc' }],
        limit: 500,
      })) as Row[];
      return {
        data: rows.map((row) => {
          const body = String(row.body ?? '');
          return {
            documentId: String(row.documentId),
            name: String(row.name),
            language: String(row.language ?? ''),
            category: String(row.category ?? ''),
            body,
            placeholders: extractPlaceholders(body),
          };
        }),
      };
    },

    async findOne(documentId: string) {
      return withChosen(toEditable(await read(documentId)));
    },

    async create(input: CampaignDraftInput) {
      assertFuture(input.scheduledAt);
      const created = await campaigns().create({ data: { ...input }, populate: { template: { fields: ['documentId'] } } });
      return withChosen(toEditable(created));
    },

    async update(documentId: string, input: Partial<CampaignDraftInput>) {
      const current = toEditable(await read(documentId));
      if (!current.editable) {
        throw conflictError(`This campaign is ${current.state}: only drafts and scheduled campaigns can be edited. Duplicate it to send it again.`, {
          code: 'CAMPAIGN_LAUNCHED',
          state: current.state,
        });
      }
      if (input.scheduledAt !== undefined) assertFuture(input.scheduledAt);
      const updated = await campaigns().update({ documentId, data: { ...input }, populate: { template: { fields: ['documentId'] } } });
      if (!updated) throw new errors.NotFoundError('Campaign not found');
      return withChosen(toEditable(updated));
    },

    /** A new draft with the same template, mapping and audience. */
    async duplicate(documentId: string, name?: string) {
      const source = toEditable(await read(documentId));
      const created = await campaigns().create({
        data: {
          name: (name ?? `Copy of ${source.name}`).slice(0, 255),
          template: source.template,
          variableMapping: source.variableMapping,
          audience: source.audience,
        },
        populate: { template: { fields: ['documentId'] } },
      });
      return withChosen(toEditable(created));
    },
  };
};

export type CampaignEditorService = ReturnType<typeof createCampaignEditorService>;
