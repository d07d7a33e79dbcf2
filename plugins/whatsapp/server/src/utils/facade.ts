import type { Core } from '@strapi/strapi';

type Factory = (deps: { strapi: Core.Strapi }) => unknown;

/** A feature's one registered service: each member is one of the feature's own services, built once. */
export const facadeOf =
  <Members extends Record<string, Factory>>(members: Members) =>
  ({ strapi }: { strapi: Core.Strapi }): { [K in keyof Members]: ReturnType<Members[K]> } =>
    Object.fromEntries(Object.entries(members).map(([name, create]) => [name, create({ strapi })])) as {
      [K in keyof Members]: ReturnType<Members[K]>;
    };
