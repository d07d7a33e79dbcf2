import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from '../constants';

/**
 * The plugin's registered services by name. Each feature adds its facade here with
 * `declare module` in its own index.ts, so this file imports no feature and no cycle forms.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface PluginServices {}

/** Typed access to the plugin's feature facades; resolved lazily so factories never cycle. */
export const getService = <K extends keyof PluginServices>(strapi: Core.Strapi, name: K): PluginServices[K] =>
  strapi.plugin(PLUGIN_ID).service(name) as unknown as PluginServices[K];
