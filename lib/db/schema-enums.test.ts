import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ACKNOWLEDGEMENT_REASONS, ALARM_STATUSES } from "@/lib/alarms/alarm-dto";
import { LIMIT_SCOPES } from "@/lib/alarms/limit-overrides";
import { ALARM_PRIORITIES, COMPARISONS } from "@/lib/alarms/rule-schema";
import { AUDIT_OUTCOMES } from "@/lib/auth/audit-actions";
import { ROLES } from "@/lib/auth/roles";
import { DEVICE_TYPES } from "@/lib/catalogue/types";
import { ILLNESS_SEVERITIES } from "@/lib/handover/handover-data";
import { AMENDABLE_FIELDS, HANDOVER_STATUSES } from "@/lib/handover/handover-sheet";
import { IMPORT_JOB_STATUSES } from "@/lib/imports/import-job";
import { IMPORT_KINDS, IMPORT_REJECTION_CODES } from "@/lib/imports/import-record";
import { RESULT_STATUSES } from "@/lib/observations/lab-result";
import { OBSERVATION_SOURCES } from "@/lib/observations/reading";
import { PROTOCOL_TIMER_STATUSES } from "@/lib/protocols/protocols";
import { ROUND_FREQUENCIES, ROUND_ITEM_TYPES } from "@/lib/rounds/template";
import { FOUR_TS_PROBABILITIES } from "@/lib/scores/four-ts";
import { EPISODE_END_REASONS, STAY_DISPOSITIONS } from "@/lib/stays/stay";
import * as Enums from "./generated/enums";

const SCHEMA = readFileSync(path.resolve(import.meta.dirname, "../../prisma/schema.prisma"), "utf8");

/**
 * lib/ lists these sets for its zod schemas, which the browser runs too and so cannot import the generated client;
 * prisma/schema.prisma lists them for the database. A value added to one list only would be refused by the other at
 * run time (zod at the edge, or Prisma reading the row): they must stay the same set.
 */
const MIRRORED: [name: keyof typeof Enums, enumeration: Record<string, string>, zodList: readonly string[]][] = [
  ["DeviceType", Enums.DeviceType, DEVICE_TYPES],
  ["StayDisposition", Enums.StayDisposition, STAY_DISPOSITIONS],
  ["EpisodeEndReason", Enums.EpisodeEndReason, EPISODE_END_REASONS],
  ["ObservationSource", Enums.ObservationSource, OBSERVATION_SOURCES],
  ["ResultStatus", Enums.ResultStatus, RESULT_STATUSES],
  ["ImportKind", Enums.ImportKind, IMPORT_KINDS],
  ["ImportJobStatus", Enums.ImportJobStatus, IMPORT_JOB_STATUSES],
  ["ImportRejectionCode", Enums.ImportRejectionCode, IMPORT_REJECTION_CODES],
  ["Role", Enums.Role, ROLES],
  ["AuditOutcome", Enums.AuditOutcome, AUDIT_OUTCOMES],
  // "not_started" is a shift without a sheet: it is never stored.
  ["HandoverSheetStatus", Enums.HandoverSheetStatus, HANDOVER_STATUSES.filter((s) => s !== "not_started")],
  ["IllnessSeverity", Enums.IllnessSeverity, ILLNESS_SEVERITIES],
  ["HandoverField", Enums.HandoverField, AMENDABLE_FIELDS],
  ["AlarmPriority", Enums.AlarmPriority, ALARM_PRIORITIES],
  ["AlarmStatus", Enums.AlarmStatus, ALARM_STATUSES],
  ["Comparison", Enums.Comparison, COMPARISONS],
  ["AcknowledgementReason", Enums.AcknowledgementReason, ACKNOWLEDGEMENT_REASONS],
  ["LimitScope", Enums.LimitScope, LIMIT_SCOPES],
  ["RoundItemType", Enums.RoundItemType, ROUND_ITEM_TYPES],
  ["RoundFrequency", Enums.RoundFrequency, ROUND_FREQUENCIES],
  ["FourTsProbability", Enums.FourTsProbability, FOUR_TS_PROBABILITIES],
  ["ProtocolTimerStatus", Enums.ProtocolTimerStatus, PROTOCOL_TIMER_STATUSES],
];

describe("the schema's enums", () => {
  it.each(MIRRORED)("%s holds exactly the values of lib's zod list", (_name, enumeration, zodList) => {
    expect(Object.values(enumeration).sort()).toEqual([...zodList].sort());
  });

  it("store each value as the code spells it (no @map), so that raw SQL, the wire and the client read one string", () => {
    const blocks = [...SCHEMA.matchAll(/^enum (\w+) \{([^}]*)\}/gm)];
    expect(blocks.map((b) => b[1]).sort()).toEqual(Object.keys(Enums).sort());
    for (const [, , body] of blocks) expect(body).not.toContain("@map");
  });

  it("are each mirrored above, or listed nowhere but in the schema (Sex, AlarmOrigin)", () => {
    const mirrored = new Set(MIRRORED.map(([name]) => name));
    expect(
      Object.keys(Enums)
        .filter((name) => !mirrored.has(name as keyof typeof Enums))
        .sort(),
    ).toEqual(["AlarmOrigin", "Sex"]);
  });
});
