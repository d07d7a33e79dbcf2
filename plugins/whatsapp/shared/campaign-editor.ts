/** What the New campaign wizard reads and writes, shared by the server and the admin pages. */
import type { VariableMapping, VariableSource } from './variable-mapping';
import type { CampaignState } from './statuses';
import type { AudiencePreview } from './audiences';
import type { AudienceInput, TagRules } from './audiences';

export type { AudienceInput, AudiencePreview, TagRules, VariableMapping, VariableSource };

/** An approved template the wizard offers, with its text and placeholder numbers. */
export type WizardTemplate = { documentId: string; name: string; language: string; category: string; body: string; placeholders: number[] };

/** A campaign as the wizard edits it. */
export type EditableCampaign = {
  documentId: string;
  name: string;
  state: CampaignState;
  template: string | null;
  variableMapping: VariableMapping;
  audience: AudienceInput;
  scheduledAt: string | null;
  /** Drafts and scheduled campaigns can be edited; a launched one cannot. */
  editable: boolean;
  /** The candidates `audience.candidates` names, with what the wizard shows of them (a deleted one is left out). */
  chosen: Array<{ documentId: string; name: string | null; phone: string }>;
};

export type CampaignDraftInput = {
  name: string;
  template?: string | null;
  variableMapping?: VariableMapping | null;
  audience?: AudienceInput | null;
  scheduledAt?: string | null;
};

/** The renderer campaigns send with, so the wizard's live preview is the text that goes out. */
export { renderForCandidate } from './variable-mapping';
export { CANDIDATE_FIELDS } from './variable-mapping';
