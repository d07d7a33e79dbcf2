import { UID } from '../constants';
import { isWrite, type DocumentContext, type DocumentNext } from '../document-middlewares/types';

/** A message's actor fields: the audit of who caused it. */
export const MESSAGE_ACTOR_FIELDS = ['actorType', 'actorId', 'actorName'] as const;

/**
 * Nobody rewrites who caused a message: a Document Service write (REST, GraphQL, the Content
 * Manager, the plugin itself) loses the actor fields. The send path writes them with SQL
 * (sending/outbound-sql.ts, campaigns/dispatch-sql.ts), the one place that knows the actor.
 */
export const messageRules = () => async (context: DocumentContext, next: DocumentNext) => {
  if (context.uid === UID.message && isWrite(context.action) && context.params?.data) {
    for (const field of MESSAGE_ACTOR_FIELDS) delete context.params.data[field];
  }
  return next();
};
