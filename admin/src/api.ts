/**
 * The Admin API client: same-origin JSON, the session cookie, and the CSRF token (kept in
 * memory only; after a reload it comes back from GET /session).
 */
export const API_BASE = '/api/admin';

let csrfToken = '';
let onUnauthorized: (() => void) | null = null;

export function setCsrfToken(token: string): void {
  csrfToken = token;
}

/** Called when a request gets 401: the session ended; the app shows the login screen. */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

/** The server answered with an error: `{ error: { message, field?, ...details } }`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly field: string | undefined,
    readonly details: Record<string, unknown>,
    readonly retryAfter: number | null,
  ) {
    super(message);
  }
}

/** The request never got an answer: offline, or the server is down. */
export class NetworkError extends Error {}

interface RequestOptions {
  /** A JSON body, or FormData for uploads. */
  body?: unknown;
  signal?: AbortSignal;
  /** Don't treat a 401 as "session ended" (the login form itself). */
  quiet401?: boolean;
}

export async function request<T>(
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  options: RequestOptions = {},
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET') headers['x-csrf-token'] = csrfToken;
  let body: BodyInit | undefined;
  if (options.body instanceof FormData) body = options.body;
  else if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  let response: Response;
  try {
    response = await fetch(`${API_BASE}${path}`, {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal ?? null,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new NetworkError(error instanceof Error ? error.message : String(error));
  }
  if (response.status === 204) return undefined as T;
  return answerOf<T>(
    {
      status: response.status,
      statusText: response.statusText,
      text: await response.text(),
      retryAfter: response.headers.get('retry-after'),
    },
    options.quiet401 === true,
  );
}

/** The JSON of a successful answer, or the ApiError the server's `{ error }` describes. */
function answerOf<T>(
  answer: { status: number; statusText: string; text: string; retryAfter: string | null },
  quiet401: boolean,
): T {
  let json: unknown;
  try {
    json = answer.text ? JSON.parse(answer.text) : null;
  } catch {
    json = null;
  }
  if (answer.status >= 200 && answer.status < 300) return json as T;
  const error =
    typeof json === 'object' && json !== null && 'error' in json
      ? ((json as { error: Record<string, unknown> }).error ?? {})
      : {};
  const { message, field, ...details } = error;
  const retryAfter = Number(answer.retryAfter);
  if (answer.status === 401 && !quiet401) onUnauthorized?.();
  throw new ApiError(
    answer.status,
    typeof message === 'string' ? message : `${answer.status} ${answer.statusText}`,
    typeof field === 'string' ? field : undefined,
    details,
    Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null,
  );
}

/**
 * Sends a multipart form with XMLHttpRequest, whose `upload.onprogress` reports the bytes sent
 * (fetch has no upload progress): for files large enough that a person waits for them.
 * `onProgress` gets a fraction from 0 to 1.
 */
export function uploadWithProgress<T>(
  path: string,
  form: FormData,
  { onProgress, signal }: { onProgress: (fraction: number) => void; signal?: AbortSignal },
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${API_BASE}${path}`);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      try {
        resolve(
          answerOf<T>(
            {
              status: xhr.status,
              statusText: xhr.statusText,
              text: xhr.responseText,
              retryAfter: xhr.getResponseHeader('retry-after'),
            },
            false,
          ),
        );
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    };
    xhr.onerror = () => reject(new NetworkError('the upload did not reach the server'));
    xhr.onabort = () => reject(new DOMException('the upload was cancelled', 'AbortError'));
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(form);
  });
}

export const get = <T>(path: string, signal?: AbortSignal) =>
  request<T>('GET', path, signal ? { signal } : {});
export const post = <T>(path: string, body?: unknown) =>
  request<T>('POST', path, body === undefined ? {} : { body });
export const patch = <T>(path: string, body: unknown) => request<T>('PATCH', path, { body });
export const put = <T>(path: string, body: unknown) => request<T>('PUT', path, { body });
export const del = (path: string): Promise<unknown> => request<unknown>('DELETE', path);

/** `?a=1&b=x` from the defined, non-empty values. */
export function query(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}

/**
 * The message without its field name: validation errors already say `field: message`, which
 * reads oddly next to the field itself.
 */
export function fieldMessage(error: ApiError): string {
  const prefix = error.field ? `${error.field}: ` : '';
  return prefix && error.message.startsWith(prefix)
    ? error.message.slice(prefix.length)
    : error.message;
}

/** A message for any error, for display away from the form: it names the field once. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError)
    return error.field ? `${error.field}: ${fieldMessage(error)}` : error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}

/** A form's error: which field it is about (if the server said), and what to show. */
export interface FormError {
  field: string | undefined;
  message: string;
}

export function formError(caught: unknown): FormError {
  return caught instanceof ApiError && caught.field
    ? { field: caught.field, message: fieldMessage(caught) }
    : { field: undefined, message: errorMessage(caught) };
}

/** The error's message when it is about `field`, for showing next to that field. */
export function errorFor(error: FormError | null, field: string): string | undefined {
  return error?.field === field ? error.message : undefined;
}
