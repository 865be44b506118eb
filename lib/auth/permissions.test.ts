import { describe, expect, it } from "vitest";
import { ACTIONS, PERMISSIONS, can } from "./permissions";
import { canAccessUnit, canInUnit, toSessionUser, type TPrincipal } from "./principal";
import { ROLES, type TRole } from "./roles";

/** What each role may do, spelled out: a change to the matrix must change this table too, on purpose. */
const EXPECTED: Record<TRole, readonly string[]> = {
  nurse: [
    "station.view",
    "bed.view",
    "alarm.acknowledge",
    "alarm.pause-audio",
    "checklist.sign",
    "protocol.run",
    "handover.sign",
    "handover.view",
    "handover.edit",
    "stay.manage",
    "stay.view",
    "episode.settings",
  ],
  physician: [
    "station.view",
    "bed.view",
    "score.record",
    "alarm.acknowledge",
    "alarm.pause-audio",
    "threshold.change",
    "protocol.run",
    "handover.sign",
    "import.view",
    "handover.view",
    "handover.edit",
    "stay.manage",
    "stay.view",
    "episode.manage",
    "episode.settings",
  ],
  perfusionist: [
    "station.view",
    "bed.view",
    "score.record",
    "alarm.acknowledge",
    "alarm.pause-audio",
    "threshold.change",
    "checklist.sign",
    "protocol.run",
    "handover.view",
    "stay.view",
    "episode.settings",
  ],
  admin: [
    "station.view",
    "bed.view",
    "import.view",
    "import.run",
    "simulator.control",
    "user.manage",
    "display.manage",
    "audit.view",
    "shift.configure",
    "unit.configure",
    "checklist.publish",
  ],
  display: ["station.view"],
};

describe("the permission matrix", () => {
  it.each(ROLES)("gives a %s exactly its actions", (role) => {
    expect(ACTIONS.filter((action) => can(role, action)).sort()).toEqual([...EXPECTED[role]].sort());
  });

  it("lets a display see its station and nothing else", () => {
    expect(ACTIONS.filter((action) => can("display", action))).toEqual(["station.view"]);
    expect(can("display", "bed.view")).toBe(false);
  });

  it("keeps imports from nurses, and running them for admins", () => {
    expect(can("nurse", "import.run")).toBe(false);
    expect(can("nurse", "import.view")).toBe(false);
    expect(ROLES.filter((role) => can(role, "import.run"))).toEqual(["admin"]);
  });

  it("lets only admins manage users, displays and read the audit trail", () => {
    for (const action of ["user.manage", "display.manage", "audit.view"] as const)
      expect(ROLES.filter((role) => can(role, action))).toEqual(["admin"]);
  });

  it("lets only physicians and perfusionists record a score", () => {
    expect(PERMISSIONS["score.record"]).toEqual(["physician", "perfusionist"]);
  });
});

describe("unit membership", () => {
  const nurse: TPrincipal = {
    sessionId: "s-1",
    userId: "u-1",
    username: "cmartin",
    displayName: "C. Martin",
    role: "nurse",
    unitIds: ["icu-a"],
    idleTimeoutMinutes: 30,
  };

  it("needs both the role's right and membership of the unit", () => {
    expect(canAccessUnit(nurse, "icu-a")).toBe(true);
    expect(canInUnit(nurse, "bed.view", "icu-a")).toBe(true);
    expect(canInUnit(nurse, "bed.view", "icu-b")).toBe(false);
    expect(canInUnit(nurse, "import.run", "icu-a")).toBe(false);
  });

  it("hands the screens the user without the session's id", () => {
    expect(toSessionUser(nurse)).not.toHaveProperty("sessionId");
    expect(toSessionUser(nurse)).toMatchObject({ userId: "u-1", role: "nurse" });
  });
});
