import { tokenStore } from '../auth/token-store';
import { ApiProblem } from './api-problem';
import { buildUrl, refreshTokens } from './http';

/** Saves an authenticated download (the bearer token cannot ride on a plain link). */
export async function downloadFile(path: string, fileName: string): Promise<void> {
  let response = await get(path);
  if (response.status === 401 && (await refreshTokens())) response = await get(path);
  if (!response.ok) throw new ApiProblem(response.status, await response.json().catch(() => ({})));
  const url = URL.createObjectURL(await response.blob());
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  anchor.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function get(path: string): Promise<Response> {
  const token = tokenStore.get()?.accessToken;
  return fetch(buildUrl(path), { headers: token ? { authorization: `Bearer ${token}` } : {} });
}
