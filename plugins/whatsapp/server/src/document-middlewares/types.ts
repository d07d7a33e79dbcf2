/** The parts of a Document Service middleware context these rules read. */
export type DocumentContext = {
  uid: string;
  action: string;
  params?: { documentId?: string; data?: Record<string, unknown> };
};

export type DocumentNext = () => Promise<unknown>;

export const isWrite = (action: string) => action === 'create' || action === 'update';
