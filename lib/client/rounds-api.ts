import { z } from "zod";
import {
  ZBedRoundContext,
  ZBedRoundHistory,
  ZRoundDto,
  ZSignRoundResult,
  ZUnitRounds,
  type TAmendRoundInput,
  type TBedRoundContext,
  type TBedRoundHistory,
  type TRoundDto,
  type TSignRoundInput,
  type TSignRoundResult,
  type TUnitRounds,
} from "@/lib/rounds/round-dtos";
import { ZRoundTemplate, type TRoundTemplate } from "@/lib/rounds/template";
import { sendRequest, unreadableAnswer } from "./request-error";

/*
 * The browser's side of the rounds endpoints. Answers are parsed with the schemas the server built them with. A
 * failure is a RequestError (lib/client/request-error.ts) whose kind the round form words differently: no network
 * (kept on the tablet, retried), refused (the station said what is wrong), or the server failing (retried).
 */

async function request<T>(
  path: string,
  schema: z.ZodType<T>,
  init?: { method: string; body: unknown },
): Promise<{ status: number; body: T }> {
  const response = await sendRequest(path, init ?? {});
  const parsed = schema.safeParse(await response.json().catch(() => null));
  if (!parsed.success) throw unreadableAnswer(response.status, parsed.error);
  return { status: response.status, body: parsed.data };
}

export async function fetchUnitRounds(unitId: string): Promise<TUnitRounds> {
  return (await request(`/api/units/${encodeURIComponent(unitId)}/rounds`, ZUnitRounds)).body;
}

export async function fetchBedRoundContext(bedId: string): Promise<TBedRoundContext> {
  return (await request(`/api/beds/${encodeURIComponent(bedId)}/round`, ZBedRoundContext)).body;
}

export async function fetchBedRoundHistory(bedId: string): Promise<TBedRoundHistory> {
  return (await request(`/api/beds/${encodeURIComponent(bedId)}/rounds`, ZBedRoundHistory)).body;
}

/** Signs a round. Safe to call again with the same round id: the station stores it once and says "duplicate". */
export async function submitRound(input: TSignRoundInput): Promise<TSignRoundResult> {
  return (await request("/api/rounds", ZSignRoundResult, { method: "POST", body: input })).body;
}

export async function amendRound(roundId: string, input: TAmendRoundInput): Promise<TRoundDto> {
  return (
    await request(`/api/rounds/${encodeURIComponent(roundId)}/amendments`, z.object({ round: ZRoundDto }), {
      method: "POST",
      body: input,
    })
  ).body.round;
}

export async function fetchRoundTemplates(): Promise<TRoundTemplate[]> {
  return (await request("/api/round-templates", z.object({ templates: z.array(ZRoundTemplate) }))).body.templates;
}

export async function publishRoundTemplate(template: unknown): Promise<TRoundTemplate> {
  return (
    await request("/api/round-templates", z.object({ template: ZRoundTemplate }), { method: "POST", body: template })
  ).body.template;
}
