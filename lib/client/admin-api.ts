import { z } from "zod";
import {
  ZUserDto,
  ZDisplayDto,
  ZIssuedPairing,
  type TDisplayDto,
  type TIssuedPairing,
  type TUserDto,
} from "@/lib/auth/account-dtos";
import { ZAuditEventDto, type TAuditEventDto } from "@/lib/auth/audit-actions";
import type { TCreateDisplay, TCreateUser, TUpdateUser } from "@/lib/auth/schemas";
import { ZShiftPattern, type TShiftPattern } from "@/lib/shifts";
import { ZUnitPointsOfCare, type TUnitPointsOfCare } from "@/lib/stays/points-of-care";
import { auditQueryString, type TAuditFilter } from "./audit-filter";
import { RequestError, sendRequest } from "./request-error";

/*
 * The browser's side of /api/admin/*. Every answer is parsed with the schema the server built it with, so a change on
 * one side fails here loudly rather than showing a wrong account. Mutations are same-origin fetches: the server's
 * gate checks their Origin.
 */

/** The message of each field a refusal named (by top-level field name): a field's own, then each schema failure's. */
export function fieldMessagesOf(error: unknown): Readonly<Record<string, string>> {
  if (!(error instanceof RequestError)) return {};
  const fields: Record<string, string> = {};
  for (const issue of error.issues) fields[topField(issue.field)] ??= issue.message;
  const { field, message } = error;
  // "username: "x" is taken" → "\"x\" is taken": the field's label is shown beside it already.
  if (field) fields[topField(field)] ??= message.startsWith(`${field}: `) ? message.slice(field.length + 2) : message;
  return fields;
}

/** A refusal is a RequestError (lib/client/request-error.ts): its code, message, named field and schema failures. */
function request(path: string, init: { method: string; body?: unknown } = { method: "GET" }): Promise<Response> {
  return sendRequest(path, init);
}

/** "unitIds.2" → "unitIds": the form shows one message per input. */
function topField(path: string): string {
  return path.split(".")[0] ?? path;
}

export async function fetchUsers(): Promise<TUserDto[]> {
  const body: unknown = await (await request("/api/admin/users")).json();
  return z.object({ users: z.array(ZUserDto) }).parse(body).users;
}

export async function createUser(input: TCreateUser): Promise<TUserDto> {
  const body: unknown = await (await request("/api/admin/users", { method: "POST", body: input })).json();
  return z.object({ user: ZUserDto }).parse(body).user;
}

export async function updateUser(userId: string, changes: TUpdateUser): Promise<TUserDto> {
  const body: unknown = await (
    await request(`/api/admin/users/${encodeURIComponent(userId)}`, { method: "PATCH", body: changes })
  ).json();
  return z.object({ user: ZUserDto }).parse(body).user;
}

export async function resetUserPassword(userId: string, password: string): Promise<void> {
  await request(`/api/admin/users/${encodeURIComponent(userId)}/password`, { method: "POST", body: { password } });
}

export async function fetchDisplays(): Promise<TDisplayDto[]> {
  const body: unknown = await (await request("/api/admin/displays")).json();
  return z.object({ displays: z.array(ZDisplayDto) }).parse(body).displays;
}

export async function createDisplay(input: TCreateDisplay): Promise<TIssuedPairing> {
  return ZIssuedPairing.parse(await (await request("/api/admin/displays", { method: "POST", body: input })).json());
}

export async function issuePairingCode(displayId: string): Promise<TIssuedPairing> {
  return ZIssuedPairing.parse(
    await (await request(`/api/admin/displays/${encodeURIComponent(displayId)}/pairing`, { method: "POST" })).json(),
  );
}

export async function revokeDisplay(displayId: string): Promise<void> {
  await request(`/api/admin/displays/${encodeURIComponent(displayId)}/revoke`, { method: "POST" });
}

const ZAuditPage = z.object({ events: z.array(ZAuditEventDto), nextBefore: z.number().int().nullable() });
export type TAuditPageDto = { events: TAuditEventDto[]; nextBefore: number | null };

/** One page of the trail, newest first; `before` is the previous page's `nextBefore`. */
export async function fetchAuditPage(filter: TAuditFilter, before: number | undefined): Promise<TAuditPageDto> {
  const query = auditQueryString(filter, { before, limit: AUDIT_PAGE_SIZE });
  return ZAuditPage.parse(await (await request(`/api/admin/audit?${query}`)).json());
}

export const AUDIT_PAGE_SIZE = 100;

/** Where the CSV of everything matching the filter downloads from (a plain link: the browser saves the file). */
export function auditExportUrl(filter: TAuditFilter): string {
  const query = auditQueryString(filter);
  return query ? `/api/admin/audit/export?${query}` : "/api/admin/audit/export";
}

/** A unit's shift pattern as GET/PUT /api/units/:unitId/shift-pattern answer it (lib/db/shifts/get-unit-shift-pattern.ts). */
const ZUnitShiftPattern = z.object({
  unitId: z.string(),
  timeZone: z.string(),
  pattern: ZShiftPattern,
  configured: z.boolean(),
  updatedAt: z.number().int().nullable(),
});
export type TUnitShiftPatternDto = z.infer<typeof ZUnitShiftPattern>;

export async function fetchShiftPattern(unitId: string): Promise<TUnitShiftPatternDto> {
  return ZUnitShiftPattern.parse(
    await (await request(`/api/units/${encodeURIComponent(unitId)}/shift-pattern`)).json(),
  );
}

export async function saveShiftPattern(unitId: string, pattern: TShiftPattern): Promise<TUnitShiftPatternDto> {
  const path = `/api/units/${encodeURIComponent(unitId)}/shift-pattern`;
  return ZUnitShiftPattern.parse(await (await request(path, { method: "PUT", body: pattern })).json());
}

export async function fetchPointsOfCare(unitId: string): Promise<TUnitPointsOfCare> {
  return ZUnitPointsOfCare.parse(
    await (await request(`/api/units/${encodeURIComponent(unitId)}/points-of-care`)).json(),
  );
}

export async function savePointsOfCare(unitId: string, input: TUnitPointsOfCare): Promise<TUnitPointsOfCare> {
  const path = `/api/units/${encodeURIComponent(unitId)}/points-of-care`;
  return ZUnitPointsOfCare.parse(await (await request(path, { method: "PUT", body: input })).json());
}
