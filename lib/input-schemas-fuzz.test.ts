import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { ZAcknowledgeAlarmSchema } from "@/lib/alarms/alarm-dto";
import { ZSetLimitOverrideSchema } from "@/lib/alarms/limit-overrides";
import {
  ZAuditQuery,
  ZCreateDisplay,
  ZCreateUser,
  ZPairDisplay,
  ZResetPassword,
  ZSignIn,
  ZUpdateUser,
} from "@/lib/auth/schemas";
import {
  ZAddHandoverAction,
  ZAmendHandover,
  ZCompleteHandoverAction,
  ZReceiveHandover,
  ZSaveHandoverDraft,
  ZSignOutHandover,
} from "@/lib/handover/handover-sheet";
import { ZBedSubscribe, ZHandoverSubscribe, ZPauseAudio, ZRoomLeave, ZUnitSubscribe } from "@/lib/realtime/events";
import { ZAmendRoundInput, ZSignRoundInput } from "@/lib/rounds/round-dtos";
import { ZRoundTemplateInput } from "@/lib/rounds/template";
import { ZFourTsAnswers } from "@/lib/scores/four-ts-record";
import { ZSaveScoreInputs } from "@/lib/scores/save-score";
import { ZShiftPattern } from "@/lib/shifts/shift-pattern";

/**
 * Every zod schema at an edge (an HTTP body, a socket payload, a query) under arbitrary input: parsing never throws,
 * and a refusal of an object names the field at fault (a non-empty path) with a message, which is what the 400
 * INVALID_INPUT / INVALID_PAYLOAD answers show. Inputs: any JSON-like value, and objects with the schema's own keys
 * holding arbitrary values (hostile strings among them), which reach deeper than random keys would.
 */
const EDGES: Record<string, z.ZodType> = {
  ZAcknowledgeAlarmSchema,
  ZSetLimitOverrideSchema,
  ZAuditQuery,
  ZCreateDisplay,
  ZCreateUser,
  ZPairDisplay,
  ZResetPassword,
  ZSignIn,
  ZUpdateUser,
  ZAddHandoverAction,
  ZAmendHandover,
  ZCompleteHandoverAction,
  ZReceiveHandover,
  ZSaveHandoverDraft,
  ZSignOutHandover,
  ZBedSubscribe,
  ZHandoverSubscribe,
  ZPauseAudio,
  ZRoomLeave,
  ZUnitSubscribe,
  ZAmendRoundInput,
  ZSignRoundInput,
  ZRoundTemplateInput,
  ZFourTsAnswers,
  ZSaveScoreInputs,
  ZShiftPattern,
};
const RUNS = 200;
const SEED = 20261215;

/** The keys a schema reads at its top level (through .extend, refinements and unions), found by parsing {} once. */
function keysOf(schema: z.ZodType): string[] {
  const result = schema.safeParse({});
  return result.success ? [] : [...new Set(result.error.issues.map((i) => String(i.path[0] ?? "")).filter(Boolean))];
}

const hostile = fc.oneof(
  fc.string({ unit: "binary", maxLength: 60 }),
  fc.constantFrom("\u202e", "\ud800", "\u0000", "<script>", "NaN", "1e309", "-0", "__proto__", "a".repeat(5000)),
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.jsonValue(),
);

describe("zod edges under arbitrary input", () => {
  let cases = 0;
  it.each(Object.entries(EDGES))("%s never throws, and names the field it refuses", (_name, schema) => {
    const keys = keysOf(schema);
    const input = fc.oneof(
      fc.anything(),
      keys.length > 0 ? fc.dictionary(fc.constantFrom(...keys), hostile) : fc.object(),
    );
    fc.assert(
      fc.property(input, (value) => {
        const result = schema.safeParse(value);
        if (result.success) return;
        for (const issue of result.error.issues) {
          expect(issue.message.length).toBeGreaterThan(0);
          const isObject = typeof value === "object" && value !== null && !Array.isArray(value);
          // A rule about the whole object ("nothing to change") has no one field to name; it is a custom issue.
          const wholeObject =
            issue.code === "unrecognized_keys" || issue.code === "invalid_union" || issue.code === "custom";
          if (isObject && !wholeObject) expect(issue.path.length, `${issue.code}: ${issue.message}`).toBeGreaterThan(0);
        }
      }),
      { numRuns: RUNS, seed: SEED },
    );
    cases += RUNS;
  });

  it("ran every edge", () => {
    console.info(`zod edges fuzzed: ${Object.keys(EDGES).length} schemas, ${cases} cases (seed ${SEED})`);
    expect(cases).toBe(RUNS * Object.keys(EDGES).length);
  });
});
