import type { TDisplayDto } from "@/lib/auth/account-dtos";

// The answer's schema lives in lib/auth (account-dtos.ts) so that the admin pages parse it too: client code cannot
// import this file.

export const DISPLAY_DTO_SELECT = {
  id: true,
  displayName: true,
  active: true,
  createdAt: true,
  units: { select: { unitId: true } },
  sessions: { select: { lastActiveAt: true } },
  pairings: { where: { usedAt: null }, select: { expiresAt: true }, orderBy: { expiresAt: "desc" }, take: 1 },
} as const;

interface TDisplayRow {
  id: string;
  displayName: string;
  active: boolean;
  createdAt: Date;
  units: { unitId: string }[];
  sessions: { lastActiveAt: Date }[];
  pairings: { expiresAt: Date }[];
}

export function toDisplayDto(row: TDisplayRow, now: Date): TDisplayDto {
  const last = row.sessions.reduce<Date | null>(
    (max, s) => (max === null || s.lastActiveAt > max ? s.lastActiveAt : max),
    null,
  );
  const pending = row.pairings[0]?.expiresAt;
  return {
    id: row.id,
    displayName: row.displayName,
    unitId: row.units[0]?.unitId ?? "",
    active: row.active,
    createdAt: row.createdAt.toISOString(),
    sessions: row.sessions.length,
    lastSeenAt: last?.toISOString() ?? null,
    pairingExpiresAt: pending && pending > now && row.active ? pending.toISOString() : null,
  };
}
