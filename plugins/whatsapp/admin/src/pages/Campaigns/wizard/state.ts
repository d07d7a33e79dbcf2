import type { AudienceInput, CampaignDraftInput, EditableCampaign, VariableMapping } from '../../../api/campaigns';
import type { OptInState } from '../../../api/candidates';

/** A candidate chosen by hand, with what the page shows for them. */
export type ChosenCandidate = { documentId: string; label: string };

/** How a candidate is named on the wizard's pages: name and number, or the number alone. */
export const candidateLabel = (candidate: { name?: string | null; phone: string | null }): string =>
  candidate.name ? `${candidate.name} (${candidate.phone ?? ''})` : (candidate.phone ?? '');

export type AudienceForm = {
  candidates: ChosenCandidate[];
  anyOf: string[];
  allOf: string[];
  noneOf: string[];
  optIn: OptInState | null;
  /** ISO: wrote to us after this. */
  wroteAfter: string | null;
  attributeEquals: Array<{ key: string; value: string }>;
  /** Filters written through the API that the form does not edit; kept as they are. */
  otherFilters: Record<string, unknown> | null;
};

export type When = 'now' | 'schedule' | 'draft';

export type WizardState = {
  name: string;
  template: string | null;
  mapping: VariableMapping;
  audience: AudienceForm;
  when: When;
  scheduledAt: Date | null;
};

export const emptyAudience = (candidates: ChosenCandidate[] = []): AudienceForm => ({
  candidates,
  anyOf: [],
  allOf: [],
  noneOf: [],
  optIn: null,
  wroteAfter: null,
  attributeEquals: [],
  otherFilters: null,
});

export const newWizardState = (candidates: ChosenCandidate[] = []): WizardState => ({
  name: '',
  template: null,
  mapping: {},
  audience: emptyAudience(candidates),
  when: 'now',
  scheduledAt: null,
});

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The audience as the API stores it (tags as rules, filters in Strapi's syntax). */
export const toAudienceInput = (form: AudienceForm): AudienceInput => {
  const filters: Record<string, unknown> = {};
  if (form.optIn) filters.optIn = { $eq: form.optIn };
  if (form.wroteAfter) filters.lastInboundAt = { $gt: form.wroteAfter };
  const attributes = form.attributeEquals.filter((row) => row.key.trim() && row.value.trim());
  if (attributes.length > 0) filters.attributes = Object.fromEntries(attributes.map((row) => [row.key.trim(), { $eqi: row.value.trim() }]));
  const own = Object.keys(filters).length > 0 ? filters : null;
  const combined = own && form.otherFilters ? { $and: [form.otherFilters, own] } : (own ?? form.otherFilters);
  const tags = { ...(form.anyOf.length ? { anyOf: form.anyOf } : {}), ...(form.allOf.length ? { allOf: form.allOf } : {}), ...(form.noneOf.length ? { noneOf: form.noneOf } : {}) };
  return {
    candidates: form.candidates.map((candidate) => candidate.documentId),
    tags,
    ...(combined ? { filters: combined } : {}),
  };
};

const readFilters = (filters: unknown): Pick<AudienceForm, 'optIn' | 'wroteAfter' | 'attributeEquals' | 'otherFilters'> => {
  const form = { optIn: null, wroteAfter: null, attributeEquals: [], otherFilters: null } as Pick<AudienceForm, 'optIn' | 'wroteAfter' | 'attributeEquals' | 'otherFilters'>;
  if (!isRecord(filters)) return form;
  const other: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(filters)) {
    if (key === 'optIn' && isRecord(value) && typeof value.$eq === 'string' && Object.keys(value).length === 1) form.optIn = value.$eq as OptInState;
    else if (key === 'lastInboundAt' && isRecord(value) && typeof value.$gt === 'string' && Object.keys(value).length === 1) form.wroteAfter = value.$gt;
    else if (key === 'attributes' && isRecord(value) && Object.values(value).every((condition) => isRecord(condition) && Object.keys(condition).length === 1 && typeof condition.$eqi === 'string')) {
      form.attributeEquals = Object.entries(value).map(([name, condition]) => ({ key: name, value: String((condition as { $eqi: string }).$eqi) }));
    } else other[key] = value;
  }
  form.otherFilters = Object.keys(other).length > 0 ? other : null;
  return form;
};

export const fromEditable = (campaign: EditableCampaign): WizardState => {
  const audience = campaign.audience ?? {};
  const tags = audience.tags;
  const rules = Array.isArray(tags) ? { anyOf: tags } : (tags ?? {});
  return {
    name: campaign.name,
    template: campaign.template,
    mapping: campaign.variableMapping ?? {},
    audience: {
      // A candidate deleted since is left out, as the launch would leave them out.
      candidates: campaign.chosen.map((candidate) => ({ documentId: candidate.documentId, label: candidateLabel(candidate) })),
      anyOf: rules.anyOf ?? [],
      allOf: rules.allOf ?? [],
      noneOf: rules.noneOf ?? [],
      ...readFilters(audience.filters),
    },
    when: campaign.scheduledAt ? 'schedule' : 'now',
    scheduledAt: campaign.scheduledAt ? new Date(campaign.scheduledAt) : null,
  };
};

export const toDraftInput = (state: WizardState): CampaignDraftInput => ({
  name: state.name.trim(),
  template: state.template,
  variableMapping: state.mapping,
  audience: toAudienceInput(state.audience),
  scheduledAt: state.when === 'schedule' && state.scheduledAt ? state.scheduledAt.toISOString() : null,
});

/** Every placeholder has a source with something in it. */
export const mappingComplete = (mapping: VariableMapping, placeholders: number[]) =>
  placeholders.every((n) => {
    const source = mapping[String(n)];
    if (!source) return false;
    if (source.source === 'attribute') return source.key.trim() !== '';
    if (source.source === 'text') return source.value.trim() !== '';
    return true;
  });

export const audienceChosen = (form: AudienceForm) =>
  form.candidates.length > 0 || form.anyOf.length > 0 || form.allOf.length > 0 || form.noneOf.length > 0 || form.optIn !== null ||
  form.wroteAfter !== null || form.attributeEquals.some((row) => row.key.trim() && row.value.trim()) || form.otherFilters !== null;
