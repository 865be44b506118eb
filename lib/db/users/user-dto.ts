import type { TRole } from "@/lib/auth/roles";
import type { TUserDto } from "@/lib/auth/account-dtos";

// The answer's schema lives in lib/auth (account-dtos.ts) so that the admin pages parse it too: client code cannot
// import this file.

export const USER_DTO_SELECT = {
  id: true,
  username: true,
  displayName: true,
  role: true,
  active: true,
  passwordHash: true,
  createdAt: true,
  units: { select: { unitId: true } },
  sessions: { select: { lastActiveAt: true } },
} as const;

interface TUserRow {
  id: string;
  username: string;
  displayName: string;
  role: TRole;
  active: boolean;
  passwordHash: string | null;
  createdAt: Date;
  units: { unitId: string }[];
  sessions: { lastActiveAt: Date }[];
}

export function toUserDto(row: TUserRow): TUserDto {
  const last = row.sessions.reduce<Date | null>(
    (max, s) => (max === null || s.lastActiveAt > max ? s.lastActiveAt : max),
    null,
  );
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    role: row.role,
    unitIds: row.units.map((u) => u.unitId).sort(),
    active: row.active,
    hasPassword: row.passwordHash !== null,
    createdAt: row.createdAt.toISOString(),
    sessions: row.sessions.length,
    lastActiveAt: last?.toISOString() ?? null,
  };
}
