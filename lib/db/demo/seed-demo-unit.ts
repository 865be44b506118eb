import seedrandom from "seedrandom";
import type { TLocale } from "@/lib/i18n/locales";
import { SCENARIO_DEVICE_TYPE, type TScenarioName } from "@/lib/simulator/scenarios";
import type { Db } from "../client";
import { admitPatientInTransaction } from "../stays/admit-patient";
import { startEpisodeInTransaction } from "../stays/start-episode";
import { DEMO_EPISODES, DEMO_PATIENTS, DEMO_SCENARIO_ORDER } from "./demo-profiles";

export const DEMO_UNIT_ID = "demo-icu";

export interface SeedDemoUnitOptions {
  db: Db;
  now: Date;
  /** Varies the episode start times by a few minutes; the same seed gives the same unit. */
  seed?: string | number;
  /** Number of beds (default 8); beyond the 8 default beds the scenarios repeat. */
  beds?: number;
  /**
   * Scenarios in bed order, repeated to fill the beds; null leaves the bed free. Defaults to DEMO_SCENARIO_ORDER (one
   * free bed in 8); a list given by SIMULATOR_SCENARIOS fills every bed.
   */
  scenarios?: readonly (TScenarioName | null)[];
  /** The language the demo's stored text (admission diagnoses) is written in: DEMO_LANGUAGE, English by default. */
  language?: TLocale;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** The demo's patients arrived this long before their support started (the admission comes first). */
const ADMITTED_BEFORE_SUPPORT_MS = 30 * 60_000;

/**
 * Creates the demo unit with synthetic patients on simulated support, in one transaction, through the operations a
 * nurse and a physician use (lib/db/stays: admit, start support), so that the demo's stays are what a real
 * admission writes, audit events included (actor null: the system). Idempotent: when the demo unit exists, nothing
 * is written (a running demo keeps its history; delete the database to start over).
 */
export async function seedDemoUnit({
  db,
  now,
  seed = 1,
  beds = 8,
  scenarios = DEMO_SCENARIO_ORDER,
  language = "en",
}: SeedDemoUnitOptions): Promise<{ created: boolean; unitId: string }> {
  if (!Number.isInteger(beds) || beds < 1 || beds > 64) throw new Error(`beds must be 1–64, got ${beds}`);
  if (scenarios.length === 0) throw new Error("scenarios must not be empty");
  const random = seedrandom(`demo-unit|${seed}`);

  const rows = Array.from({ length: beds }, (_, i) => {
    const n = i + 1;
    const scenario = scenarios[i % scenarios.length] ?? null;
    const bed = { id: `demo-bed-${n}`, unitId: DEMO_UNIT_ID, label: String(n).padStart(2, "0"), position: n };
    if (scenario === null) return { bed, occupant: null };
    const profile = DEMO_EPISODES[scenario];
    const person = DEMO_PATIENTS[i % DEMO_PATIENTS.length] ?? DEMO_PATIENTS[0];
    // Only ever earlier than the profile says, so that every episode is at least a day old.
    const startedAt = now.getTime() - profile.startHoursAgo * HOUR - Math.floor(random() * 20) * 60_000;
    // A birthday 1–3 months ago: the age shown is exactly the profile's.
    const birth =
      Date.UTC(now.getUTCFullYear() - person.ageYears, now.getUTCMonth(), now.getUTCDate()) - (30 + 7 * (i % 8)) * DAY;
    return { bed, occupant: { n, scenario, profile, person, startedAt, birth } };
  });

  return db.$transaction(
    async (tx) => {
      if (await tx.unit.findUnique({ where: { id: DEMO_UNIT_ID }, select: { id: true } })) {
        return { created: false, unitId: DEMO_UNIT_ID };
      }
      await tx.unit.create({
        // A unit's name is a proper name, the same in every language the screens switch to: no French words on an
        // English screen (issue 17), no English ones on a French screen.
        data: { id: DEMO_UNIT_ID, name: "Cardio 4B", timeZone: "Europe/Paris" },
      });
      await tx.bed.createMany({ data: rows.map((r) => r.bed) });
      for (const { bed, occupant } of rows) {
        if (!occupant) continue;
        const { n, scenario, profile, person, startedAt, birth } = occupant;
        const { stayId } = await admitPatientInTransaction({
          tx,
          input: {
            unitId: DEMO_UNIT_ID,
            bedId: bed.id,
            mrn: `DEMO-${String(n).padStart(4, "0")}`,
            givenName: person.givenName,
            familyName: person.familyName,
            birthDate: new Date(birth).toISOString().slice(0, 10),
            sex: person.sex,
            weightKg: person.weightKg,
            heightCm: null,
            diagnosis: profile.diagnosis[language],
            admittedAt: startedAt - ADMITTED_BEFORE_SUPPORT_MS,
          },
          actor: null,
          context: null,
          now,
          ids: { stayId: `demo-stay-${n}`, patientId: `demo-patient-${n}` },
        });
        await startEpisodeInTransaction({
          tx,
          input: {
            stayId,
            deviceType: SCENARIO_DEVICE_TYPE[scenario],
            startedAt,
            cannulationSite: profile.cannulationSite,
            cannulationSide: null,
            cannulas: null,
            distalPerfusion: null,
            consoleModel: null,
            settings: profile.settings,
          },
          actor: null,
          context: null,
          now,
          scenario,
          episodeId: `demo-episode-${n}`,
        });
      }
      return { created: true, unitId: DEMO_UNIT_ID };
    },
    // Some hundred statements: one round trip each on PostgreSQL, which on a busy machine outlasts Prisma's default
    // 5 s. Seeding runs once, at start-up, under the start-up lock: nothing waits on it but this node's start.
    { timeout: 60_000 },
  );
}
