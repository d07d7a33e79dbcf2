import { getService } from '../utils/get-service';
import type { Core } from '@strapi/strapi';
import { fromTwilioContent, mapApprovalStatus, type RemoteContent, type TemplateFromTwilio } from '../domain/content-api';
import { templateRepository } from './sql';
import type { SyncCounts } from '../../../shared/templates';
import { describeFailureForLog, twilioFailureError } from '../utils/twilio-failure';
import type { ContentApi } from '../twilio/service';

/** Twilio's default page size; every page is read whatever the size. */
export const TEMPLATE_SYNC_PAGE_SIZE = 50;

export type TemplateSyncResult = SyncCounts & {
  /** Templates Twilio listed. */
  total: number;
  /** Pages read from /v1/ContentAndApprovals. */
  pages: number;
  syncedAt: string;
};

/** Every page of /v1/ContentAndApprovals. Nothing is written until the last page has been read. */
const readAllContent = async (content: ContentApi) => {
  const bySid = new Map<string, RemoteContent>();
  // nextPage() is typed as the generic Page: only `instances` and `nextPage` are used.
  let page: { instances: RemoteContent[]; nextPage(): Promise<unknown> | undefined } =
    await content.contentAndApprovals.page({ pageSize: TEMPLATE_SYNC_PAGE_SIZE });
  let pages = 1;
  for (;;) {
    // A Content created while we page can shift the list: the SID keeps each one once.
    for (const instance of page.instances) bySid.set(instance.sid, instance);
    const next = page.nextPage() as Promise<typeof page> | undefined;
    if (!next) break;
    page = await next;
    pages += 1;
  }
  return { contents: [...bySid.values()], pages };
};

export const createTemplateSyncService = ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * Imports and refreshes templates from Twilio's Content API. A failure while reading Twilio
   * leaves every template as it was and answers in Strapi's error shape (429/502/504).
   */
  async run({ trigger = 'manual' }: { trigger?: 'manual' | 'schedule' } = {}): Promise<TemplateSyncResult> {
    const { content, failure } = await getService(strapi, 'twilio').contentApi();
    const readStartedAt = new Date();
    let listing: Awaited<ReturnType<typeof readAllContent>>;
    try {
      listing = await readAllContent(content);
    } catch (error) {
      const info = failure(error);
      strapi.log.warn(`[whatsapp] template sync (${trigger}) failed reading Twilio, nothing changed: ${describeFailureForLog(info)}`);
      throw twilioFailureError(info, 'sync templates');
    }

    const templates: TemplateFromTwilio[] = listing.contents.map((remote) => {
      const approval = remote.approvalRequests as { status?: unknown } | null | undefined;
      if (!mapApprovalStatus(approval?.status).known) {
        strapi.log.warn(`[whatsapp] template ${remote.sid}: unknown approval state "${String(approval?.status)}", kept as pending`);
      }
      return fromTwilioContent(remote);
    });

    const now = new Date();
    const counts = await templateRepository(strapi).applySync(templates, { readStartedAt, now });
    strapi.log.info(
      `[whatsapp] template sync (${trigger}): ${templates.length} at Twilio over ${listing.pages} page(s); ` +
        `${counts.created} created, ${counts.updated} updated, ${counts.unchanged} unchanged, ` +
        `${counts.markedDeleted} marked deleted, ${counts.skipped} skipped`,
    );
    return { ...counts, total: templates.length, pages: listing.pages, syncedAt: now.toISOString() };
  },
});

export type TemplateSyncService = ReturnType<typeof createTemplateSyncService>;
