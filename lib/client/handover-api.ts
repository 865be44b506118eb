import { z } from "zod";
import {
  ZHandoverSheetView,
  ZUnitHandover,
  type TAmendHandover,
  type THandoverSheetView,
  type TReceiveHandover,
  type TSaveHandoverDraft,
  type TSignOutHandover,
  type TUnitHandover,
} from "@/lib/handover";
import { sendRequest } from "./request-error";

/*
 * The browser's side of the handover routes. Answers are parsed with the schemas the server built them with; a
 * refusal is a RequestError (lib/client/request-error.ts), worded on screen in the page's language.
 */

async function request(path: string, init: { method: string; body?: unknown } = { method: "GET" }): Promise<unknown> {
  const response = await sendRequest(path, init);
  return response.json().catch(() => null);
}

const bedPath = (bedId: string, rest = "") => `/api/beds/${encodeURIComponent(bedId)}/handover${rest}`;
const shiftQuery = (shiftKey: string | undefined) => (shiftKey ? `?shift=${encodeURIComponent(shiftKey)}` : "");

export async function fetchHandoverSheet(bedId: string, shiftKey: string | undefined): Promise<THandoverSheetView> {
  return ZHandoverSheetView.parse(await request(bedPath(bedId, shiftQuery(shiftKey))));
}

export async function fetchUnitHandover(unitId: string, shiftKey: string | undefined): Promise<TUnitHandover> {
  return ZUnitHandover.parse(await request(`/api/units/${encodeURIComponent(unitId)}/handover${shiftQuery(shiftKey)}`));
}

const ZSaved = z.object({ sheetId: z.string(), version: z.number().int() });

/** Saves a draft; answers the sheet's new version, which the next save must name. */
export async function saveHandoverDraft(
  bedId: string,
  shiftKey: string,
  draft: TSaveHandoverDraft,
): Promise<z.infer<typeof ZSaved>> {
  return ZSaved.parse(await request(bedPath(bedId, `/draft${shiftQuery(shiftKey)}`), { method: "PUT", body: draft }));
}

export async function signOutHandover(bedId: string, shiftKey: string, signOut: TSignOutHandover): Promise<void> {
  await request(bedPath(bedId, `/sign-out${shiftQuery(shiftKey)}`), { method: "POST", body: signOut });
}

export async function receiveHandover(bedId: string, shiftKey: string, receive: TReceiveHandover): Promise<void> {
  await request(bedPath(bedId, `/receive${shiftQuery(shiftKey)}`), { method: "POST", body: receive });
}

export async function amendHandover(bedId: string, shiftKey: string, amendment: TAmendHandover): Promise<void> {
  await request(bedPath(bedId, `/amend${shiftQuery(shiftKey)}`), { method: "POST", body: amendment });
}

export async function addHandoverAction(bedId: string, text: string): Promise<void> {
  await request(bedPath(bedId, "/actions"), { method: "POST", body: { text } });
}

export async function completeHandoverAction(bedId: string, actionId: string): Promise<void> {
  await request(bedPath(bedId, `/actions/${encodeURIComponent(actionId)}`), { method: "PATCH", body: { done: true } });
}
