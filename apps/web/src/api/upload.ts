import { tokenStore } from '../auth/token-store';
import { ApiProblem, parseRetryAfter, type ProblemBody } from './api-problem';
import { buildUrl, refreshTokens } from './http';

/** Fraction sent, 0..1. */
export type ProgressListener = (fraction: number) => void;

/**
 * A multipart upload through XMLHttpRequest, the one browser API that reports upload progress;
 * refreshes the token and retries once on 401 like `call`.
 */
export async function uploadWithProgress<T>(path: string, form: FormData, onProgress: ProgressListener): Promise<T> {
  try {
    return await sendOnce<T>(path, form, onProgress);
  } catch (error) {
    if (!(error instanceof ApiProblem) || error.status !== 401 || !(await refreshTokens())) throw error;
    return sendOnce<T>(path, form, onProgress);
  }
}

function sendOnce<T>(path: string, form: FormData, onProgress: ProgressListener): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', buildUrl(path));
    const token = tokenStore.get()?.accessToken;
    if (token) xhr.setRequestHeader('authorization', `Bearer ${token}`);
    xhr.setRequestHeader('accept', 'application/json, application/problem+json');
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onerror = () => reject(new ApiProblem(0, { title: 'Network failure', detail: 'The upload was interrupted.' }));
    xhr.onload = () => {
      const body = parse(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(1);
        resolve(body as T);
      } else {
        const retryAfter = parseRetryAfter(xhr.getResponseHeader('retry-after'));
        reject(new ApiProblem(xhr.status, (body ?? {}) as ProblemBody, retryAfter));
      }
    };
    xhr.send(form);
  });
}

function parse(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return { detail: text };
  }
}
