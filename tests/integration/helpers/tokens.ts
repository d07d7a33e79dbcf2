import { adminApi } from './api';
import { uniqueName } from './data';

/** A custom API token granted only the given content-API actions, e.g. `plugin::whatsapp.candidate.find`. */
export const createCustomToken = async (permissions: string[]): Promise<string> => {
  const response = await adminApi()
    .post('/admin/api-tokens')
    .send({ name: uniqueName('custom'), type: 'custom', lifespan: null, permissions });
  if (response.status !== 201) throw new Error(`token creation failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body.data.accessKey as string;
};
