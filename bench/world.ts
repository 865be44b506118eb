import type { Db } from "@/lib/db/client";
import { signInTestUser } from "@/test/support/sign-in-test-user";

/** 64 beds of VA-ECMO in one unit: the load the issue measures at (64 beds × 12 parameters at 1 Hz). */
export const BENCH_PARAMETERS = [
  ["ecmo_flow", "L/min", 3.5],
  ["ecmo_rpm", "/min", 3200],
  ["ecmo_sweep", "L/min", 3],
  ["ecmo_fdo2", "%", 60],
  ["ecmo_p1", "mm[Hg]", 250],
  ["ecmo_p2", "mm[Hg]", 220],
  ["ecmo_dp", "mm[Hg]", 30],
  ["ecmo_pven", "mm[Hg]", -40],
  ["nirs_left", "%", 70],
  ["nirs_right", "%", 68],
  ["map", "mm[Hg]", 72],
  ["hr", "/min", 88],
] as const;

export async function seedBenchWorld(db: Db, beds = 64): Promise<string[]> {
  await db.unit.create({ data: { id: "bench-unit", name: "Bench unit", timeZone: "UTC" } });
  const episodes: string[] = [];
  for (let i = 1; i <= beds; i++) {
    await db.bed.create({ data: { id: `bench-bed-${i}`, unitId: "bench-unit", label: String(i), position: i } });
    await db.patient.create({
      data: {
        id: `bench-p-${i}`,
        identifier: `BENCH-${i}`,
        givenName: "Bench",
        familyName: `P${i}`,
        birthDate: new Date("1960-01-01"),
        sex: "M",
      },
    });
    await db.stay.create({
      data: {
        id: `bench-s-${i}`,
        patientId: `bench-p-${i}`,
        unitId: "bench-unit",
        bedId: `bench-bed-${i}`,
        openBedKey: `bench-bed-${i}`,
        openPatientKey: `bench-p-${i}`,
        admittedAt: new Date(Date.now() - 86_400_000),
      },
    });
    await db.supportEpisode.create({
      data: {
        id: `bench-e-${i}`,
        stayId: `bench-s-${i}`,
        patientId: `bench-p-${i}`,
        bedId: `bench-bed-${i}`,
        deviceType: "VA_ECMO",
        startedAt: new Date(Date.now() - 86_400_000),
      },
    });
    episodes.push(`bench-e-${i}`);
  }
  return episodes;
}

/**
 * The Cookie header of a nurse of the bench unit, whose session is opened directly in the database: every socket and
 * request needs one, and the benches measure the station, not argon2. Sockets do not count as activity: the bench's
 * server (bench-server.ts) lets a session idle for a day, since the wall's 30-minute run outlasted the default 30.
 */
export async function signInBenchNurse(db: Db): Promise<string> {
  return (await signInTestUser(db, { role: "nurse", unitIds: ["bench-unit"], username: "bench-nurse" })).cookie;
}
