import request from 'supertest';
import { ctx } from '../helpers/api';

/** The emulator's Content API state, through its control API (and its Twilio API for deletes). */

export type ApprovalStatus = 'unsubmitted' | 'received' | 'pending' | 'approved' | 'rejected' | 'paused' | 'disabled';

export type EmulatedContent = {
  sid: string;
  friendlyName: string;
  language: string;
  variables: Record<string, string>;
  types: Record<string, Record<string, unknown>>;
  approval: { name: string; category: string; status: ApprovalStatus; rejectionReason: string };
};

export type SeedInput = {
  friendlyName: string;
  body?: string;
  types?: Record<string, Record<string, unknown>>;
  language?: string;
  variables?: Record<string, string>;
  approval?: ApprovalStatus | { status: ApprovalStatus; name?: string; category?: string; rejectionReason?: string };
};

const control = () => request(ctx.emulatorUrl);

export const seedContent = async (input: SeedInput): Promise<EmulatedContent> => {
  const response = await control().post('/__emulator/content').send(input);
  if (response.status !== 200) throw new Error(`seed failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as EmulatedContent;
};

export const setApproval = async (sid: string, change: { status: ApprovalStatus; rejectionReason?: string; category?: string }) => {
  const response = await control().post(`/__emulator/content/${sid}/approval`).send(change);
  if (response.status !== 200) throw new Error(`approval change failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as EmulatedContent;
};

export const listContent = async (): Promise<EmulatedContent[]> => {
  const response = await control().get('/__emulator/content').expect(200);
  return response.body.contents as EmulatedContent[];
};

/** Deleted the way a user deletes a template in the Twilio Console: through Twilio's API. */
export const deleteContentAtTwilio = async (sid: string) => {
  await control().delete(`/v1/Content/${sid}`).auth(ctx.twilioAccountSid, ctx.twilioAuthToken).expect(204);
};

export type FailureRule = { kind: 'http429' } | { kind: 'http500'; status?: number } | { kind: 'error'; code: number; status?: number };

/** Fails the next Content API request(s) (`on: 'content'`), as Twilio would. */
export const failNextContentRequest = async (rule: FailureRule, times = 1) => {
  await control().post('/__emulator/failures').send({ ...rule, on: 'content', times }).expect(200);
};

/** Content failure rules still waiting for a request. */
export const pendingContentFailures = async (): Promise<number> => {
  const response = await control().get('/__emulator/failures').expect(200);
  return (response.body.rules as Array<{ on: string }>).filter((rule) => rule.on === 'content').length;
};
