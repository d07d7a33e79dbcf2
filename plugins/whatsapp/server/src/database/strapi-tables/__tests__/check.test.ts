import { columnOf, LINK, mappingProblems, TABLE, type ModelMeta } from '..';
import { UID } from '../../../constants';

type Meta = { tableName: string; attributes: Record<string, Record<string, unknown>> };

/** Metadata shaped as Strapi 5 builds it for the plugin's types, limited to what the check reads. */
const metadataFor = (edit: (models: Record<string, Meta>) => void = () => {}) => {
  const models: Record<string, Meta> = {};
  for (const [key, table] of Object.entries(TABLE)) {
    const uid = (UID as Record<string, string>)[key]!;
    models[uid] = { tableName: table, attributes: { documentId: { type: 'string', columnName: 'document_id' }, lastInboundAt: { type: 'datetime', columnName: 'last_inbound_at' } } };
  }
  for (const spec of Object.values(LINK)) {
    models[spec.uid]!.attributes[spec.attribute] = {
      type: 'relation',
      joinTable: {
        name: spec.table,
        joinColumn: { name: spec.ownerColumn },
        inverseJoinColumn: { name: spec.targetColumn },
        ...(spec.inverseOrderColumn ? { inverseOrderColumnName: spec.inverseOrderColumn } : {}),
      },
    };
  }
  edit(models);
  return { get: (uid: string) => models[uid]! as unknown as ModelMeta };
};

describe('mappingProblems (the Strapi tables gateway boot check)', () => {
  it('finds nothing when Strapi maps the types as the plugin SQL expects', () => {
    expect(mappingProblems(metadataFor())).toEqual([]);
  });

  it('names a content type stored in another table', () => {
    const problems = mappingProblems(metadataFor((models) => (models[UID.message]!.tableName = 'whatsapp_messages')));
    expect(problems).toEqual([`${UID.message} is stored in "whatsapp_messages", the plugin writes "${TABLE.message}"`]);
  });

  it('names an attribute whose column is not the snake_case the SQL uses', () => {
    const problems = mappingProblems(metadataFor((models) => (models[UID.candidate]!.attributes.lastInboundAt!.columnName = 'lastInboundAt')));
    expect(problems).toEqual([`${UID.candidate}.lastInboundAt is column "lastInboundAt", the plugin writes "last_inbound_at"`]);
  });

  it('names a link table whose order column changed', () => {
    const problems = mappingProblems(
      metadataFor((models) => {
        const join = models[UID.message]!.attributes.conversation!.joinTable as Record<string, unknown>;
        join.inverseOrderColumnName = 'message_order';
      })
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(`${UID.message}.conversation links through`);
    expect(problems[0]).toContain('"inverseOrderColumn":"message_order"');
  });

  it('maps camelCase attributes to snake_case columns', () => {
    expect(columnOf('windowExpiresAt')).toBe('window_expires_at');
    expect(columnOf('body')).toBe('body');
  });
});
