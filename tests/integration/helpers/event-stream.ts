/** One server-sent event as a browser's EventSource sees it. */
export type StreamEvent = { event: string; data: string; id: string | null };

export type OpenStream = {
  status: number;
  contentType: string | null;
  /** Every event read so far, in order. */
  events: StreamEvent[];
  /** Resolves with the first event (already read or still to come) that `found` accepts, or null when time is up. */
  waitFor(found: (event: StreamEvent) => boolean, within: number): Promise<StreamEvent | null>;
  /** Message document ids of every `message.created` event read so far. */
  createdIds(): Set<string>;
  close(): void;
};

/**
 * GET /whatsapp/inbox/stream as the admin Inbox reads it, read in the background until closed.
 * `headers` adds e.g. Last-Event-ID.
 */
export const openEventStream = async (baseUrl: string, token: string, options: { headers?: Record<string, string>; query?: string } = {}): Promise<OpenStream> => {
  const controller = new AbortController();
  const response = await fetch(`${baseUrl}/whatsapp/inbox/stream${options.query ?? ''}`, {
    headers: { Authorization: `Bearer ${token}`, Accept: 'text/event-stream', ...options.headers },
    signal: controller.signal,
  });
  const events: StreamEvent[] = [];
  if (response.ok && response.body) {
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    void (async () => {
      for (;;) {
        const chunk = await reader.read().catch(() => null);
        if (!chunk || chunk.done) return;
        buffer += decoder.decode(chunk.value, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event: StreamEvent = { event: 'message', data: '', id: null };
          for (const line of block.split('\n')) {
            if (line.startsWith('event: ')) event.event = line.slice(7);
            else if (line.startsWith('data: ')) event.data += line.slice(6);
            else if (line.startsWith('id: ')) event.id = line.slice(4);
          }
          if (event.data) events.push(event);
        }
      }
    })();
  } else {
    await response.text().catch(() => undefined);
  }

  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    events,
    async waitFor(found, within) {
      const deadline = Date.now() + within;
      for (;;) {
        const event = events.find(found);
        if (event) return event;
        if (Date.now() > deadline) return null;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
    createdIds: () =>
      new Set(events.filter((event) => event.event === 'message.created').map((event) => (JSON.parse(event.data) as { messageId: string }).messageId)),
    close: () => controller.abort(),
  };
};
