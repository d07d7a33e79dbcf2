import { Kind, parse, type ObjectTypeExtensionNode } from 'graphql';
import contentApiRoutes from '../../routes/content-api';
import { OPERATION_HANDLERS, permissionOf, resolversConfig } from '../operations';
import { createResolvers } from '../resolvers';
import { typeDefs } from '../type-defs';

const declaredOperations = () =>
  parse(typeDefs)
    .definitions.filter(
      (definition): definition is ObjectTypeExtensionNode =>
        definition.kind === Kind.OBJECT_TYPE_EXTENSION && ['Query', 'Mutation'].includes(definition.name.value)
    )
    .flatMap((definition) => (definition.fields ?? []).map((field) => `${definition.name.value}.${field.name.value}`))
    .sort();

describe('GraphQL operations', () => {
  it('declares, resolves and guards the same operations', () => {
    const resolvers = createResolvers({} as never);
    const resolved = (['Query', 'Mutation'] as const).flatMap((type) => Object.keys(resolvers[type]).map((field) => `${type}.${field}`)).sort();
    expect(declaredOperations()).toEqual(Object.keys(OPERATION_HANDLERS).sort());
    expect(resolved).toEqual(Object.keys(OPERATION_HANDLERS).sort());
  });

  it('takes for each operation the permission of an existing REST route (routes/content-api)', () => {
    const handlers = new Set(contentApiRoutes.routes.map((route) => route.handler));
    for (const [path, handler] of Object.entries(OPERATION_HANDLERS)) {
      expect(handlers).toContain(handler);
      expect(resolversConfig[path]).toEqual({ auth: { scope: [`plugin::whatsapp.${handler}`] } });
    }
    expect(permissionOf('message.send')).toBe('plugin::whatsapp.message.send');
  });
});
