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

/*
 * The browser's side of the rounds endpoints. Answers are parsed with the schemas the server built them with. A
 * failure says which kind it is, because the round form words them differently: no network (kept on the tablet,
 * retried), refused (the station said what is wrong), or the server failing (retried).
 */

const ZErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    issues: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  }),
});

export class RoundsRequestError extends Error {
  constructor(
    /** network: no answer at all; refused: a 4xx with the station's reason; server: a 5xx or an unreadable answer. */
    readonly kind: "network" | "refused" | "server",
    message: string,
    readonly status: number | null = null,
    readonly issues: ReadonlyArray<{ field: string; message: string }> = [],
  ) {
    super(message);
    this.name = "RoundsRequestError";
  }
}

async function request<T>(
  path: string,
  schema: z.ZodType<T>,
  init?: { method: string; body: unknown },
): Promise<{ status: number; body: T }> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: init?.method ?? "GET",
      headers: init ? { "content-type": "application/json" } : undefined,
      body: init ? JSON.stringify(init.body) : undefined,
      cache: "no-store",
    });
  } catch (error) {
    throw new RoundsRequestError("network", error instanceof Error ? error.message : String(error));
  }
  const json: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const parsed = ZErrorBody.safeParse(json);
    const message = parsed.success ? parsed.data.error.message : `HTTP ${response.status}`;
    throw new RoundsRequestError(
      response.status >= 500 || response.status === 0 ? "server" : "refused",
      message,
      response.status,
      parsed.success ? (parsed.data.error.issues ?? []) : [],
    );
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new RoundsRequestError("server", z.prettifyError(parsed.error), response.status);
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
