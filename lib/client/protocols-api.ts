import { z } from "zod";
import {
  ZBedProtocols,
  ZProtocolPlanDto,
  ZUnitProtocols,
  type TBedProtocols,
  type TCancelProtocolInput,
  type TProtocolPlanDto,
  type TSignStepInput,
  type TStartProtocolInput,
  type TUnitProtocols,
} from "@/lib/protocols/protocol-dtos";

/* The browser's side of the protocol timer endpoints; answers are parsed with the schemas the server built them with. */

const ZErrorBody = z.object({ error: z.object({ message: z.string() }) });

/** The station's reason when it refused (a 4xx), else what went wrong on the way. */
export class ProtocolRequestError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
  ) {
    super(message);
    this.name = "ProtocolRequestError";
  }
}

async function request<T>(path: string, schema: z.ZodType<T>, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: body === undefined ? "GET" : "POST",
      headers: body === undefined ? undefined : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: "no-store",
    });
  } catch (error) {
    throw new ProtocolRequestError(error instanceof Error ? error.message : String(error), null);
  }
  const json: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const parsed = ZErrorBody.safeParse(json);
    throw new ProtocolRequestError(
      parsed.success ? parsed.data.error.message : `HTTP ${response.status}`,
      response.status,
    );
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new ProtocolRequestError(z.prettifyError(parsed.error), response.status);
  return parsed.data;
}

const bedPath = (bedId: string) => `/api/beds/${encodeURIComponent(bedId)}/protocols`;

export function fetchUnitProtocols(unitId: string): Promise<TUnitProtocols> {
  return request(`/api/units/${encodeURIComponent(unitId)}/protocols`, ZUnitProtocols);
}

export function fetchBedProtocols(bedId: string): Promise<TBedProtocols> {
  return request(bedPath(bedId), ZBedProtocols);
}

export function startProtocol(bedId: string, input: TStartProtocolInput): Promise<TProtocolPlanDto> {
  return request(bedPath(bedId), ZProtocolPlanDto, input);
}

export function signProtocolStep(bedId: string, timerId: string, input: TSignStepInput): Promise<TProtocolPlanDto> {
  return request(`${bedPath(bedId)}/${encodeURIComponent(timerId)}/steps`, ZProtocolPlanDto, input);
}

export function cancelProtocol(bedId: string, timerId: string, input: TCancelProtocolInput): Promise<TProtocolPlanDto> {
  return request(`${bedPath(bedId)}/${encodeURIComponent(timerId)}/cancel`, ZProtocolPlanDto, input);
}
