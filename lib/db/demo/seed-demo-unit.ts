import seedrandom from "seedrandom";
import { SCENARIO_DEVICE_TYPE, type TScenarioName } from "@/lib/simulator/scenarios";
import type { Db } from "../client";
import { DEMO_EPISODES, DEMO_PATIENTS, DEMO_SCENARIO_ORDER } from "./demo-profiles";

export const DEMO_UNIT_ID = "demo-icu";

export interface SeedDemoUnitOptions {
  db: Db;
  now: Date;
  /** Varies the episode start times by a few minutes; the same seed gives the same unit. */
  seed?: string | number;
  /** Number of beds (default 8); beyond the 8 default stories the scenarios repeat. */
  beds?: number;
  /** Scenarios in bed order, repeated to fill the beds; defaults to DEMO_SCENARIO_ORDER. */
  scenarios?: readonly TScenarioName[];
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * Creates the demo unit with synthetic patients on simulated support, in one transaction. Idempotent: when the demo
 * unit exists, nothing is written (a running demo keeps its history; delete the database to start over).
 */
export async function seedDemoUnit({
  db,
  now,
  seed = 1,
  beds = 8,
  scenarios = DEMO_SCENARIO_ORDER,
}: SeedDemoUnitOptions): Promise<{ created: boolean; unitId: string }> {
  if (!Number.isInteger(beds) || beds < 1 || beds > 64) throw new Error(`beds must be 1–64, got ${beds}`);
  if (scenarios.length === 0) throw new Error("scenarios must not be empty");
  const random = seedrandom(`demo-unit|${seed}`);

  const rows = Array.from({ length: beds }, (_, i) => {
    const n = i + 1;
    const scenario = scenarios[i % scenarios.length] ?? "stable_va_ecmo";
    const profile = DEMO_EPISODES[scenario];
    const person = DEMO_PATIENTS[i % DEMO_PATIENTS.length] ?? DEMO_PATIENTS[0];
    // Only ever earlier than the profile says, so that every episode is at least a day old.
    const startedAt = new Date(now.getTime() - profile.startHoursAgo * HOUR - Math.floor(random() * 20) * 60_000);
    // A birthday 1–3 months ago: the age shown is exactly the profile's.
    const birth =
      Date.UTC(now.getUTCFullYear() - person.ageYears, now.getUTCMonth(), now.getUTCDate()) - (30 + 7 * (i % 8)) * DAY;
    return {
      bed: { id: `demo-bed-${n}`, unitId: DEMO_UNIT_ID, label: String(n).padStart(2, "0"), position: n },
      patient: {
        id: `demo-patient-${n}`,
        identifier: `DEMO-${String(n).padStart(4, "0")}`,
        givenName: person.givenName,
        familyName: person.familyName,
        birthDate: new Date(birth),
        sex: person.sex,
        weightKg: person.weightKg,
      },
      episode: {
        id: `demo-episode-${n}`,
        patientId: `demo-patient-${n}`,
        bedId: `demo-bed-${n}`,
        deviceType: SCENARIO_DEVICE_TYPE[scenario],
        startedAt,
        cannulationSite: profile.cannulationSite,
        diagnosis: profile.diagnosis,
        settings: profile.settings,
        scenario,
      },
    };
  });

  return db.$transaction(async (tx) => {
    if (await tx.unit.findUnique({ where: { id: DEMO_UNIT_ID }, select: { id: true } })) {
      return { created: false, unitId: DEMO_UNIT_ID };
    }
    await tx.unit.create({
      data: { id: DEMO_UNIT_ID, name: "Réanimation cardiaque — démo", timeZone: "Europe/Paris" },
    });
    await tx.bed.createMany({ data: rows.map((r) => r.bed) });
    await tx.patient.createMany({ data: rows.map((r) => r.patient) });
    await tx.supportEpisode.createMany({ data: rows.map((r) => r.episode) });
    return { created: true, unitId: DEMO_UNIT_ID };
  });
}
