import type { LinkSpec } from './names';

export type LinkSource = {
  /** A CTE name or a parenthesised query. */
  from: string;
  ownerId: string;
  targetId: string;
  /** Numbering of the new positions within the statement; defaults to the owner id. */
  orderBy?: string;
  where?: string;
  onConflictDoNothing?: boolean;
};

/**
 * Link rows for one relation, as the Document Service writes them: the owner's and the target's
 * ids and, where the relation keeps one, the owner's position in the target's list, appended
 * after the last position there.
 */
export const insertLinkRowsSql = (spec: LinkSpec, source: LinkSource): string => {
  const where = source.where ? `\n  WHERE ${source.where}` : '';
  const conflict = source.onConflictDoNothing ? '\n  ON CONFLICT DO NOTHING' : '';
  const from = `FROM ${source.from} AS link_source${where}${conflict}`;
  if (!spec.inverseOrderColumn) {
    return `INSERT INTO ${spec.table} (${spec.ownerColumn}, ${spec.targetColumn})
  SELECT ${source.ownerId}, ${source.targetId} ${from}`;
  }
  const order = spec.inverseOrderColumn;
  // `+ 0`: max() over the target's rows found by the target index, not by scanning an order-column index.
  return `INSERT INTO ${spec.table} (${spec.ownerColumn}, ${spec.targetColumn}, ${order})
  SELECT ${source.ownerId}, ${source.targetId},
         COALESCE((SELECT max(l.${order} + 0) FROM ${spec.table} l WHERE l.${spec.targetColumn} = link_source.${source.targetId}), 0)
           + row_number() OVER (PARTITION BY ${source.targetId} ORDER BY ${source.orderBy ?? source.ownerId})
  ${from}`;
};
