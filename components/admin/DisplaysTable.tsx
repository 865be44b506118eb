"use client";

import { useTranslations } from "next-intl";
import { useRecordTime } from "@/lib/client/use-record-time";
import type { TDisplayDto } from "@/lib/auth/account-dtos";
import { unitName, type TAdminUnit } from "./admin-unit";

/** Wall screens: where, whether paired and seen lately, and whether a pairing code is waiting to be typed. */
export function DisplaysTable({
  displays,
  units,
  busyDisplayId,
  onIssueCode,
  onRevoke,
}: {
  readonly displays: readonly TDisplayDto[];
  readonly units: readonly TAdminUnit[];
  readonly busyDisplayId: string | null;
  readonly onIssueCode: (display: TDisplayDto) => void;
  readonly onRevoke: (display: TDisplayDto) => void;
}) {
  const t = useTranslations("admin.displays.table");
  const recordTime = useRecordTime();
  const when = (iso: string) => recordTime(iso);
  return (
    <table className="admin-table" data-testid="displays-table">
      <caption className="visually-hidden">{t("caption")}</caption>
      <thead>
        <tr>
          <th scope="col">{t("name")}</th>
          <th scope="col">{t("unit")}</th>
          <th scope="col">{t("state")}</th>
          <th scope="col">{t("sessions")}</th>
          <th scope="col">{t("lastSeen")}</th>
          <th scope="col">{t("pairing")}</th>
          <th scope="col">
            <span className="visually-hidden">{t("actions")}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {displays.map((display) => (
          <tr
            key={display.id}
            className={display.active ? undefined : "admin-table__row--inactive"}
            data-testid="display-row"
          >
            <th scope="row">{display.displayName}</th>
            <td>{unitName(units, display.unitId)}</td>
            <td>
              <span className={`admin-badge admin-badge--${display.active ? "active" : "inactive"}`}>
                {display.active ? t("active") : t("revoked")}
              </span>
            </td>
            <td>{display.sessions}</td>
            <td>
              {display.lastSeenAt ? when(display.lastSeenAt) : <span className="admin__muted">{t("never")}</span>}
            </td>
            <td>
              {display.pairingExpiresAt ? (
                t("pendingUntil", { time: when(display.pairingExpiresAt) })
              ) : (
                <span className="admin__muted">{t("noCode")}</span>
              )}
            </td>
            <td>
              {display.active && (
                <div className="admin-table__actions">
                  <button
                    type="button"
                    className="admin-button"
                    disabled={busyDisplayId === display.id}
                    onClick={() => onIssueCode(display)}
                    aria-label={t("newCodeFor", { name: display.displayName })}
                    data-testid="issue-code"
                  >
                    {t("newCode")}
                  </button>
                  <button
                    type="button"
                    className="admin-button admin-button--danger"
                    disabled={busyDisplayId === display.id}
                    onClick={() => onRevoke(display)}
                    aria-label={t("revokeFor", { name: display.displayName })}
                    data-testid="revoke-display"
                  >
                    {t("revoke")}
                  </button>
                </div>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
