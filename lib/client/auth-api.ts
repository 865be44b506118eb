import type { TSessionUser } from "@/lib/auth/principal";

/** What a refused sign-in or pairing says: the server's message, and how long to wait when locked. */
export class AuthRequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly retryAfterSeconds: number | null,
  ) {
    super(message);
    this.name = "AuthRequestError";
  }
}

async function post(path: string, body?: unknown): Promise<Response> {
  const response = await fetch(path, {
    method: "POST",
    headers: body === undefined ? undefined : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
    cache: "no-store",
  });
  if (response.ok) return response;
  const payload = (await response.json().catch(() => null)) as {
    error?: { message?: string; retryAfterSeconds?: number };
  } | null;
  throw new AuthRequestError(
    response.status,
    payload?.error?.message ?? `HTTP ${response.status}`,
    payload?.error?.retryAfterSeconds ?? null,
  );
}

export async function signIn(username: string, password: string): Promise<TSessionUser> {
  return ((await (await post("/api/auth/sign-in", { username, password })).json()) as { user: TSessionUser }).user;
}

export async function pairDisplay(code: string): Promise<TSessionUser> {
  return ((await (await post("/api/auth/pair", { code })).json()) as { user: TSessionUser }).user;
}

export async function signOut(everywhere: boolean): Promise<void> {
  await post(everywhere ? "/api/auth/sign-out-everywhere" : "/api/auth/sign-out");
}

/** Tells the server that the person is here (a tap, a key): what keeps a clinical session from idling out. */
export async function reportActivity(): Promise<void> {
  await post("/api/auth/activity");
}
