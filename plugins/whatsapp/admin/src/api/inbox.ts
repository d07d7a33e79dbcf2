import { useCallback, useEffect, useRef, useState } from 'react';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { refreshAccessToken, useFetchClient } from '@strapi/strapi/admin';
import type { ActorType } from '../../../shared/audit';
import type { AssigneeFilter, ConversationNote } from '../../../shared/team-inbox';

/** GET /whatsapp/inbox/conversations: one row of the list. */
export type InboxConversation = {
  documentId: string;
  status: 'open' | 'archived';
  sender: string;
  lastMessageAt: string | null;
  lastMessagePreview: string | null;
  lastInboundAt: string | null;
  windowExpiresAt: string | null;
  unreadCount: number;
  /** The admin user it is assigned to; null: unassigned. */
  assignee: { id: number; name: string | null } | null;
  candidate: { documentId: string; name: string | null; phone: string; optIn: string } | null;
};

export type InboxMedia = { url: string; contentType?: string | null };
export type InboxLocation = { latitude?: number; longitude?: number; address?: string | null; label?: string | null };

/** GET /whatsapp/inbox/conversations/:id/messages: one message of a thread. */
export type InboxMessage = {
  kind?: 'message';
  documentId: string;
  direction: 'inbound' | 'outbound';
  body: string | null;
  media: InboxMedia[] | null;
  location: InboxLocation | null;
  status: string;
  errorCode: number | null;
  errorDescription: string | null;
  messageType: string | null;
  profileName: string | null;
  /** The template it was sent with (its text is in `body`). */
  template?: { name: string } | null;
  /** Who caused an outbound message: an admin, an API token, a user, a campaign or the system. */
  actor?: { type: ActorType; name: string | null } | null;
  createdAt: string;
  sentAt: string | null;
  deliveredAt: string | null;
  readAt: string | null;
  failedAt: string | null;
};

type ConversationsAnswer = {
  data: InboxConversation[];
  meta: { pagination: { pageSize: number; nextCursor: string | null; page?: number; total?: number; pageCount?: number } };
};
/** A thread holds its messages and the staff notes written among them, by time. */
export type ThreadItem = InboxMessage | ConversationNote;
export const isNote = (item: ThreadItem): item is ConversationNote => item.kind === 'note';

type ThreadAnswer = {
  data: ThreadItem[];
  meta: { conversation: InboxConversation; hasOlder: boolean; olderCursor: string | null };
};

export const inboxKeys = {
  all: ['whatsapp', 'inbox'] as const,
  conversationLists: ['whatsapp', 'inbox', 'conversations'] as const,
  conversations: (search: string, assignee: AssigneeFilter = 'all') => ['whatsapp', 'inbox', 'conversations', search, assignee] as const,
  thread: (id: string) => ['whatsapp', 'inbox', 'thread', id] as const,
};

const PAGE_SIZE = 50;

/**
 * The conversation list, newest first: the first page, then "load more" pages that follow the
 * previous page's cursor (each costs the same however far down the list it is).
 */
export const useConversationsQuery = (search: string, assignee: AssigneeFilter = 'all') => {
  const { get } = useFetchClient();
  return useInfiniteQuery({
    queryKey: inboxKeys.conversations(search, assignee),
    initialPageParam: null as string | null,
    queryFn: async ({ pageParam }) => {
      // No total: the list never shows one, and counting costs a pass over every conversation.
      const params = new URLSearchParams({ pageSize: String(PAGE_SIZE), withCount: 'false', assignee, ...(search ? { search } : {}), ...(pageParam ? { cursor: pageParam } : {}) });
      const { data } = await get<ConversationsAnswer>(`/whatsapp/inbox/conversations?${params}`);
      return data;
    },
    getNextPageParam: (last) => last.meta.pagination.nextCursor,
    select: (result) => ({ data: result.pages.flatMap((page) => page.data) }),
  });
};

/** A thread's latest messages, oldest first; "load older" pages back with the cursor it returned. */
export const useThreadQuery = (id: string | null) => {
  const { get } = useFetchClient();
  return useInfiniteQuery({
    queryKey: inboxKeys.thread(id ?? ''),
    enabled: Boolean(id),
    initialPageParam: null as string | null,
    queryFn: async ({ pageParam }) => {
      const params = new URLSearchParams({ limit: '100', ...(pageParam ? { cursor: pageParam } : {}) });
      const { data } = await get<ThreadAnswer>(`/whatsapp/inbox/conversations/${id}/messages?${params}`);
      return data;
    },
    getNextPageParam: (last) => last.meta.olderCursor,
    // Pages come newest first; the thread reads top to bottom.
    select: (result) => ({
      data: [...result.pages].reverse().flatMap((page) => page.data),
      meta: result.pages[0]!.meta,
    }),
  });
};

export const useMarkRead = () => {
  const { post } = useFetchClient();
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => (await post<{ data: InboxConversation }>(`/whatsapp/inbox/conversations/${id}/read`)).data.data,
    onSuccess: () => client.invalidateQueries({ queryKey: inboxKeys.conversationLists }),
  });
};

/** POST /whatsapp/messages (the admin send route): free text to a candidate. */
export const useSendMessage = () => {
  const { post } = useFetchClient();
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (input: { candidate: string; body: string }) =>
      (await post<{ data: InboxMessage }>('/whatsapp/messages', { data: input })).data.data,
    onSettled: () => client.invalidateQueries({ queryKey: inboxKeys.all }),
  });
};

export const useRetryMessage = () => {
  const { post } = useFetchClient();
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => (await post<{ data: InboxMessage }>(`/whatsapp/messages/${id}/retry`)).data.data,
    onSettled: () => client.invalidateQueries({ queryKey: inboxKeys.all }),
  });
};

/** The admin panel's access token, where getFetchClient keeps it (remember-me storage or cookie). */
const currentToken = (): string | null => {
  try {
    const stored = localStorage.getItem('jwtToken');
    if (stored) return JSON.parse(stored) as string;
  } catch {
    // Not JSON: fall through to the cookie.
  }
  const cookie = document.cookie
    .split(';')
    .map((part) => part.trim().split('='))
    .find(([key]) => key === 'jwtToken');
  return cookie?.[1] ? decodeURIComponent(cookie[1]) : null;
};

/** Where the admin API lives (set by the admin app; not in its public window type). */
const backendURL = () => (window as unknown as { strapi: { backendURL: string } }).strapi.backendURL;

export type StreamEvent = { type: string; conversationId?: string | null; messageId?: string; status?: string };
export type StreamState = 'connecting' | 'live' | 'offline';

/** Events after which the page refetches everything it shows: it may have missed some. */
export const isResyncEvent = (event: StreamEvent) => event.type === 'ready' || event.type === 'resync';

/**
 * Live updates from GET /whatsapp/inbox/stream (server-sent events). EventSource cannot send
 * the admin's bearer token, so the stream is read with fetch, and does what EventSource would:
 * it keeps the last event id and sends it back as `Last-Event-ID` when it reconnects, so the
 * server replays what came meanwhile. It reconnects after the server's `retry:` (backing off
 * while it keeps failing) and refreshes an expired access token first.
 */
export const useInboxStream = (onEvent: (event: StreamEvent) => void): StreamState => {
  const [state, setState] = useState<StreamState>('connecting');
  const handler = useRef(onEvent);
  handler.current = onEvent;

  useEffect(() => {
    const controller = new AbortController();
    let attempt = 0;
    let retryMs = 1_000;
    let lastEventId: string | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;

    const read = async (): Promise<void> => {
      let token = currentToken();
      const open = () =>
        fetch(`${backendURL()}/whatsapp/inbox/stream`, {
          headers: {
            Accept: 'text/event-stream',
            ...(token ? { Authorization: `Bearer ${token}` } : {}),
            ...(lastEventId ? { 'Last-Event-ID': lastEventId } : {}),
          },
          signal: controller.signal,
        });
      let response = await open();
      if (response.status === 401) {
        token = await refreshAccessToken(token ?? undefined);
        response = await open();
      }
      if (!response.ok || !response.body) throw new Error(`stream answered ${response.status}`);
      const reader = response.body.getReader();
      const decoder = new TextDecoder();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += decoder.decode(value, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          let name = 'message';
          let data = '';
          for (const line of block.split('\n')) {
            if (line.startsWith('event:')) name = line.slice(6).trim();
            else if (line.startsWith('data:')) data += line.slice(5).trim();
            else if (line.startsWith('id:')) lastEventId = line.slice(3).trim();
            else if (line.startsWith('retry:') && Number(line.slice(6)) > 0) retryMs = Number(line.slice(6));
          }
          if (name === 'ready') {
            attempt = 0;
            setState('live');
            // Whatever happened while we were away.
            handler.current({ type: 'ready' });
          } else if (name === 'resync') {
            // The server lost events on its side (its database connection): refetch.
            handler.current({ type: 'resync' });
          } else if (data) {
            try {
              handler.current(JSON.parse(data) as StreamEvent);
            } catch {
              // Not ours: ignore.
            }
          }
        }
      }
    };

    const loop = () => {
      if (controller.signal.aborted) return;
      setState((current) => (current === 'live' ? 'connecting' : current));
      read()
        .catch(() => undefined)
        .finally(() => {
          if (controller.signal.aborted) return;
          setState('offline');
          attempt += 1;
          const delay = Math.min(15_000, retryMs * 2 ** Math.min(attempt - 1, 4)) * (0.75 + Math.random() / 2);
          timer = setTimeout(loop, delay);
        });
    };
    loop();
    return () => {
      controller.abort();
      if (timer) clearTimeout(timer);
    };
  }, []);

  return state;
};

/**
 * Keeps what the inbox shows current from the stream: after a (re)connect or a resync everything
 * is refetched (events may have been missed); otherwise the lists, and the open thread when the
 * event is about it or names no conversation (status events of messages sent outside one).
 */
export const useInboxLiveUpdates = (selectedId: string | null): StreamState => {
  const client = useQueryClient();
  return useInboxStream(
    useCallback(
      (event: StreamEvent) => {
        if (isResyncEvent(event)) {
          void client.invalidateQueries({ queryKey: inboxKeys.all });
          return;
        }
        void client.invalidateQueries({ queryKey: inboxKeys.conversationLists });
        if (selectedId && (!event.conversationId || event.conversationId === selectedId)) {
          void client.invalidateQueries({ queryKey: inboxKeys.thread(selectedId) });
        }
      },
      [client, selectedId]
    )
  );
};

/** A candidate as the send dialogs show it (fields and attributes fill template placeholders). */
export type SendCandidate = {
  documentId: string;
  name: string | null;
  phone: string;
  email: string | null;
  optIn: string;
  tags: unknown;
  attributes: Record<string, unknown> | null;
};

/** GET /whatsapp/inbox/conversations/:id/reply-plan: where the next message goes from, and its window. */
export type ReplyPlan = {
  conversationSender: string;
  senderIsOurs: boolean;
  nextSender: string | null;
  nextConversation: string | null;
  window: { open: boolean; expiresAt: string | null };
  freeTextAllowed: boolean;
  candidate: SendCandidate;
};

/** An approved template that can be sent now (GET /whatsapp/inbox/templates). */
export type SendableTemplate = {
  documentId: string;
  name: string;
  language: string;
  category: string;
  body: string;
  variables: Record<string, string> | null;
  twilioTypes: Record<string, unknown> | null;
};

export type SendOptions = { sender: string | null; defaultCountry: string };

/** What a send from the inbox answers: the message and the conversation it went into. */
export type SentMessage = { data: InboxMessage; meta: { conversation: string | null } };

export const sendKeys = {
  plan: (id: string) => ['whatsapp', 'inbox', 'reply-plan', id] as const,
  templates: ['whatsapp', 'inbox', 'sendable-templates'] as const,
  candidates: (search: string) => ['whatsapp', 'inbox', 'candidates', search] as const,
  candidate: (id: string) => ['whatsapp', 'inbox', 'candidate', id] as const,
  emulator: ['whatsapp', 'inbox', 'emulator'] as const,
};

export const useReplyPlanQuery = (id: string | null) => {
  const { get } = useFetchClient();
  return useQuery({
    queryKey: sendKeys.plan(id ?? ''),
    enabled: Boolean(id),
    queryFn: async () => (await get<{ data: ReplyPlan }>(`/whatsapp/inbox/conversations/${id}/reply-plan`)).data.data,
  });
};

export const useSendableTemplatesQuery = (enabled = true) => {
  const { get } = useFetchClient();
  return useQuery({
    queryKey: sendKeys.templates,
    enabled,
    queryFn: async () => (await get<{ data: SendableTemplate[]; meta: SendOptions }>('/whatsapp/inbox/templates')).data,
  });
};

export const useCandidateSearchQuery = (search: string, enabled = true) => {
  const { get } = useFetchClient();
  return useQuery({
    queryKey: sendKeys.candidates(search),
    enabled,
    queryFn: async () =>
      (await get<{ data: SendCandidate[] }>(`/whatsapp/inbox/candidates?${new URLSearchParams(search ? { search } : {})}`)).data.data,
  });
};

export const useSendCandidateQuery = (id: string | null) => {
  const { get } = useFetchClient();
  return useQuery({
    queryKey: sendKeys.candidate(id ?? ''),
    enabled: Boolean(id),
    queryFn: async () => (await get<{ data: SendCandidate }>(`/whatsapp/inbox/candidates/${id}`)).data.data,
  });
};

export type ReplyInput = { body?: string; template?: string; variables?: Record<string, string> };

/** POST /whatsapp/inbox/conversations/:id/messages: a reply, from the sender the reply plan names. */
export const useReply = () => {
  const { post } = useFetchClient();
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ conversation, ...data }: ReplyInput & { conversation: string }) =>
      (await post<SentMessage>(`/whatsapp/inbox/conversations/${conversation}/messages`, { data })).data,
    onSettled: () => client.invalidateQueries({ queryKey: inboxKeys.all }),
  });
};

export type StartInput = { candidate?: string; to?: string; template: string; variables?: Record<string, string> };

/** POST /whatsapp/inbox/conversations: a template to a candidate or a number opens a conversation. */
export const useStartConversation = () => {
  const { post } = useFetchClient();
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (data: StartInput) => (await post<SentMessage>('/whatsapp/inbox/conversations', { data })).data,
    onSettled: () => client.invalidateQueries({ queryKey: inboxKeys.all }),
  });
};

/** GET /whatsapp/inbox/emulator: whether the app talks to the Twilio emulator (never a credential). */
export const useEmulatorQuery = () => {
  const { get } = useFetchClient();
  return useQuery({
    queryKey: sendKeys.emulator,
    queryFn: async () => (await get<{ data: { emulator: boolean; sender: string | null } }>('/whatsapp/inbox/emulator')).data.data,
    staleTime: 60_000,
  });
};

export type SimulatedInbound = {
  from: string;
  profileName: string;
  kind: 'text' | 'media' | 'location';
  body?: string;
  mediaContentType?: string;
  latitude?: number;
  longitude?: number;
  label?: string;
};

export const useSimulateInbound = () => {
  const { post } = useFetchClient();
  return useMutation({
    mutationFn: async (data: SimulatedInbound) =>
      (await post<{ data: { messageSid: string; from: string; to: string } }>('/whatsapp/inbox/emulator/inbound', { data })).data.data,
  });
};

export const useCloseWindow = () => {
  const { post } = useFetchClient();
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (conversation: string) => (await post(`/whatsapp/inbox/conversations/${conversation}/close-window`)).data,
    onSettled: () => client.invalidateQueries({ queryKey: inboxKeys.all }),
  });
};
