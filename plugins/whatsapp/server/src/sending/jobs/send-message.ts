import type { Core } from '@strapi/strapi';
import type { JOB } from '../../jobs/names';
import type { JobHandler } from '../../jobs/queue';
import { getService } from '../../utils/get-service';
import { parseInput } from '../../validation/parse';
import { sendJobPayloadSchema } from '../validation';

/** One attempt to hand a pending message to Twilio (sending/delivery.ts decides what that means). */
export const createSendMessageHandler =
  (strapi: Core.Strapi): JobHandler<typeof JOB.sendMessage> =>
  async (payload, job) => {
    const { messageId } = parseInput(sendJobPayloadSchema, payload, 'Invalid send-message job payload');
    await getService(strapi, 'sending').delivery.deliver(messageId, { priority: job.priority });
  };
