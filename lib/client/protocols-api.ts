import { type z } from "zod";
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
import { sendRequest, unreadableAnswer } from "./request-error";

/*
 * The browser's side of the protocol timer endpoints; answers are parsed with the schemas the server built them with,
 * a refusal is a RequestError (lib/client/request-error.ts).
 */

async function request<T>(path: string, schema: z.ZodType<T>, body?: unknown): Promise<T> {
  const response = await sendRequest(path, { body });
  const parsed = schema.safeParse(await response.json().catch(() => null));
  if (!parsed.success) throw unreadableAnswer(response.status, parsed.error);
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
