/**
 * The audit trail's wire types and labels, shared by the server and the admin panel: who caused
 * a message or an action (its actor), and the actions recorded.
 */
export const ACTOR_TYPES = ['admin', 'api-token', 'user', 'campaign', 'system'] as const;
export type ActorType = (typeof ACTOR_TYPES)[number];

/** `id` and `name` are a snapshot taken when it happened: a renamed token keeps its old label here. */
export type Actor = { type: ActorType; id: string | null; name: string | null };

export const SYSTEM_ACTOR: Actor = { type: 'system', id: null, name: 'System' };

export const AUDIT_ACTIONS = [
  'campaign.launch',
  'campaign.pause',
  'campaign.resume',
  'campaign.cancel',
  'campaign.retry-failed',
  'settings.update',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_ACTION_LABELS: Record<AuditAction, string> = {
  'campaign.launch': 'Campaign launched',
  'campaign.pause': 'Campaign paused',
  'campaign.resume': 'Campaign resumed',
  'campaign.cancel': 'Campaign canceled',
  'campaign.retry-failed': 'Campaign failures retried',
  'settings.update': 'Settings changed',
};

export const ACTOR_TYPE_LABELS: Record<ActorType, string> = {
  admin: 'Admin',
  'api-token': 'API token',
  user: 'User',
  campaign: 'Campaign',
  system: 'System',
};

/** GET /whatsapp/audit: one entry. */
export type AuditEntry = {
  id: number;
  at: string;
  action: AuditAction;
  subject: { type: string; id: string | null; label: string | null };
  actor: Actor;
  details: Record<string, unknown> | null;
};

export type AuditListAnswer = {
  data: AuditEntry[];
  meta: { pagination: { page: number; pageSize: number; pageCount: number; total: number } };
};

/** How a message's cause reads in the thread: "Ana Silva (admin)", "Campaign: Spring drive", "API token: CRM", "System". */
export const actorLabel = (actor: { type: ActorType | null; name: string | null } | null): string | null => {
  if (!actor?.type) return null;
  const name = actor.name ?? 'unknown';
  switch (actor.type) {
    case 'admin':
      return `${name} (admin)`;
    case 'api-token':
      return `API token: ${name}`;
    case 'user':
      return `${name} (user)`;
    case 'campaign':
      return `Campaign: ${name}`;
    case 'system':
      return 'System';
  }
};
