/**
 * What a status sync run covers, and the key that allows one run at a time per scope.
 * Pure, no Strapi imports.
 */
import { createHash } from 'node:crypto';

import type { SyncScope } from '../../../shared/sync-status';

export type { SyncScope };

/** Chosen messages in a stable order, without repeats: the same choice is the same scope. */
export const normalizeScope = (scope: SyncScope): SyncScope =>
  scope.kind === 'messages' ? { kind: 'messages', messages: [...new Set(scope.messages)].sort() } : scope;

/**
 * `all`, `campaign:<documentId>`, or `messages:<digest>`: a digest keeps the key short for
 * hundreds of ids while two requests for the same messages still share one run.
 */
export const scopeKey = (scope: SyncScope): string => {
  const normal = normalizeScope(scope);
  if (normal.kind === 'all') return 'all';
  if (normal.kind === 'campaign') return `campaign:${normal.campaign}`;
  return `messages:${createHash('sha256').update(normal.messages.join('\n')).digest('hex').slice(0, 40)}`;
};
