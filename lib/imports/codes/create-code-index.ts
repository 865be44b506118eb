import { CATALOGUE, isParameterCode, type TParameterCode } from "@/lib/catalogue";
import type { TCoding } from "../import-record";
import { DEFAULT_LOCAL_CODES, STATION_CODE_SYSTEM, type TLocalCode } from "./local-codes";

/** The names senders give LOINC: HL7 table 0396 "LN", FHIR's URI, the OID, and what people type in CSV files. */
const LOINC_SYSTEMS = new Set([
  "LN",
  "LOINC",
  "HTTP://LOINC.ORG",
  "2.16.840.1.113883.6.1",
  "URN:OID:2.16.840.1.113883.6.1",
]);
const STATION_SYSTEMS = new Set([STATION_CODE_SYSTEM, "URN:ECMO-STATION:PARAMETER"]);

export interface TCodeIndex {
  /** The monitored parameter a result's codings name, or undefined when the station does not monitor it. */
  find(codings: readonly TCoding[], sender: string | undefined): TParameterCode | undefined;
  /** "LN 26453-1": how an ignored code is counted and shown. */
  describe(codings: readonly TCoding[]): string;
}

export function normaliseSystem(system: string): string {
  const upper = system.trim().toUpperCase();
  if (LOINC_SYSTEMS.has(upper)) return "LN";
  if (STATION_SYSTEMS.has(upper)) return STATION_CODE_SYSTEM;
  return system.trim();
}

/**
 * Maps codes to the catalogue: the catalogue's LOINC codes first, then the local table (a sender's own entries before
 * entries for every sender). Site entries come before the shipped ones, so a site can correct a shipped mapping.
 */
export function createCodeIndex({ localCodes = [] }: { localCodes?: readonly TLocalCode[] } = {}): TCodeIndex {
  const loinc = new Map<string, TParameterCode>();
  for (const parameter of CATALOGUE) for (const code of parameter.loinc) loinc.set(code, parameter.code);

  const bySender = new Map<string, TParameterCode>();
  const anySender = new Map<string, TParameterCode>();
  for (const entry of [...localCodes, ...DEFAULT_LOCAL_CODES]) {
    const key = `${normaliseSystem(entry.system)}\u0000${entry.code}`;
    const target = entry.sender ? bySender : anySender;
    const fullKey = entry.sender ? `${entry.sender}\u0000${key}` : key;
    if (!target.has(fullKey)) target.set(fullKey, entry.parameter);
  }

  return {
    find(codings, sender) {
      for (const coding of codings) {
        const system = normaliseSystem(coding.system);
        const code = coding.code.trim();
        const key = `${system}\u0000${code}`;
        // A sender-specific entry wins even over LOINC: it exists because that sender's LOINC is known to be wrong.
        const own = sender ? bySender.get(`${sender}\u0000${key}`) : undefined;
        if (own) return own;
        if (system === "LN" && loinc.has(code)) return loinc.get(code);
        if (system === STATION_CODE_SYSTEM && isParameterCode(code)) return code;
        const local = anySender.get(key);
        if (local) return local;
      }
      return undefined;
    },
    describe(codings) {
      const first = codings[0];
      return first ? `${normaliseSystem(first.system) || "?"} ${first.code}` : "(no code)";
    },
  };
}
