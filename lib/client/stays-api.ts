import { z } from "zod";
import type { TBedStay } from "@/lib/stays/stay";

/*
 * The browser's side of the stay routes (admission, move, discharge, support). A refusal carries the server's message
 * (what went wrong and what to do: "Bed 02 is occupied: choose a free bed."), shown as it is.
 */

const ZErrorBody = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

export class StayRequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = "StayRequestError";
  }
}

async function request(path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(path, {
    method: body === undefined ? "GET" : "POST",
    headers: body === undefined ? undefined : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
    cache: "no-store",
  });
  const answer: unknown = await response.json().catch(() => null);
  if (response.ok) return answer;
  const parsed = ZErrorBody.safeParse(answer);
  throw new StayRequestError(response.status, parsed.success ? parsed.data.error.message : `HTTP ${response.status}`);
}

const bedPath = (bedId: string, rest: string) => `/api/beds/${encodeURIComponent(bedId)}/${rest}`;

/** The server built it with lib/stays' TBedStay; only its own routes answer here. */
export const fetchBedStay = async (bedId: string) => (await request(bedPath(bedId, "stay"))) as TBedStay;

/** `rest`: "stay" (admit), "stay/move", "stay/discharge", "support" (start), "support/end", "support/settings". */
export const postStay = (bedId: string, rest: string, body: unknown) => request(bedPath(bedId, rest), body);
