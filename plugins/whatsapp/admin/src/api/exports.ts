import { useMutation } from '@tanstack/react-query';
import { useFetchClient } from '@strapi/strapi/admin';

/** The CSV exports of `/whatsapp/exports/<kind>`. */
export type ExportKind = 'campaign-recipients' | 'messages' | 'candidates';

export type ExportParams = Record<string, string | number | null | undefined>;

/** The file name the server chose (Content-Disposition), or a fallback. */
const filenameOf = (headers: Headers | undefined, fallback: string) =>
  headers?.get('content-disposition')?.match(/filename="([^"]+)"/)?.[1] ?? fallback;

/** Strapi's error message from an error body read as a blob. */
const errorMessageOf = async (blob: Blob, status: number) => {
  try {
    const body = JSON.parse(await blob.text()) as { error?: { message?: string } };
    if (body.error?.message) return body.error.message;
  } catch {
    // Not Strapi's JSON error shape: the status says enough.
  }
  return `The export failed (HTTP ${status}).`;
};

/** Hands a blob to the browser as a download, then lets its memory go. */
const saveBlob = (blob: Blob, filename: string) => {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
};

const queryString = (params: ExportParams) => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
};

/**
 * Downloads an export. The admin API needs the admin's bearer token, which a plain link cannot
 * send: the file is fetched with Strapi's fetch client (token and its refresh included) as a blob,
 * then saved through an object URL. A 401 still throws, so the client refreshes the token.
 */
export const useCsvDownload = () => {
  const { get } = useFetchClient();
  return useMutation({
    mutationFn: async ({ kind, params }: { kind: ExportKind; params: ExportParams }) => {
      const response = await get<Blob>(`/whatsapp/exports/${kind}${queryString(params)}`, {
        responseType: 'blob',
        validateStatus: (status) => status !== 401,
      });
      const status = response.status ?? 200;
      if (status >= 400) throw new Error(await errorMessageOf(response.data, status));
      const filename = filenameOf(response.headers, `${kind}.csv`);
      saveBlob(response.data, filename);
      return { filename };
    },
  });
};
