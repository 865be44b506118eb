import { sendRequest } from "./request-error";
import type { TBedStay } from "@/lib/stays/stay";

/*
 * The browser's side of the stay routes (admission, move, discharge, support). A refusal is a RequestError
 * (lib/client/request-error.ts), worded on screen in the page's language ("Bed 02 is occupied: choose a free bed.").
 */

async function request(path: string, body?: unknown): Promise<unknown> {
  const response = await sendRequest(path, { body });
  return response.json().catch(() => null);
}

const bedPath = (bedId: string, rest: string) => `/api/beds/${encodeURIComponent(bedId)}/${rest}`;

/** The server built it with lib/stays' TBedStay; only its own routes answer here. */
export const fetchBedStay = async (bedId: string) => (await request(bedPath(bedId, "stay"))) as TBedStay;

/** `rest`: "stay" (admit), "stay/move", "stay/discharge", "support" (start), "support/end", "support/settings". */
export const postStay = (bedId: string, rest: string, body: unknown) => request(bedPath(bedId, rest), body);
