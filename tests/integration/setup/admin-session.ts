/** The first admin and a full-access API token, made through Strapi's own admin API. */
export const createAdminSession = async (url: string) => {
  const adminEmail = 'admin@whatsapp.test';
  const adminPassword = 'Test-Admin-Pass-1';
  const register = await fetch(`${url}/admin/register-admin`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: adminEmail, password: adminPassword, firstname: 'Test', lastname: 'Admin' }),
  });
  if (!register.ok) throw new Error(`register-admin failed: ${register.status} ${await register.text()}`);
  const { data } = (await register.json()) as { data: { token: string } };
  const adminJwt = data.token;

  const tokenResponse = await fetch(`${url}/admin/api-tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${adminJwt}` },
    body: JSON.stringify({ name: 'tests full access', description: 'API tests', type: 'full-access', lifespan: null }),
  });
  if (!tokenResponse.ok) throw new Error(`api-tokens failed: ${tokenResponse.status} ${await tokenResponse.text()}`);
  const token = (await tokenResponse.json()) as { data: { accessKey: string } };
  return { adminJwt, adminEmail, adminPassword, fullAccessToken: token.data.accessKey };
};
