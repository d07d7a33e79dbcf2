import { adminApi, campaignFor, createCandidates, isCompleted, uniqueTag, waitForCampaign } from './helpers';

/**
 * A campaign launched through the admin API and run to its end: two candidates sent to, a third
 * skipped because they opted out.
 */
export const completedCampaignWithOneSkipped = async (overrides: Record<string, unknown> = {}) => {
  const tag = uniqueTag();
  await createCandidates(2, tag);
  await createCandidates(1, tag, () => ({ optIn: 'opted_out' }));
  const { campaign, template } = await campaignFor(tag, overrides);
  await adminApi().post(`/whatsapp/campaigns/${campaign.documentId}/launch`).expect(200);
  await waitForCampaign(campaign.documentId, isCompleted);
  return { campaign, template };
};
