"use client";

import { useTranslations } from "next-intl";
import { useRecordTime } from "@/lib/client/use-record-time";
import { INTERFACE_ACTOR_PREFIX, type TAuditEventDto } from "@/lib/auth/audit-actions";
import { ZRole } from "@/lib/auth/roles";
import { unitName, type TAdminUnit } from "./admin-unit";
import { auditDetailLines } from "./audit-details";
import { useAuditActionLabel } from "./use-audit-action-label";

/** Events of the trail, newest first: when (UTC as stored, and the station's local time), who, what, how it ended. */
export function AuditTable({
  events,
  units,
}: {
  readonly events: readonly TAuditEventDto[];
  readonly units: readonly TAdminUnit[];
}) {
  const t = useTranslations("admin.audit.table");
  const tRole = useTranslations("auth.roles");
  const tOutcome = useTranslations("admin.audit.outcomes");
  const tDetail = useTranslations("admin.audit.detailKeys");
  const tTarget = useTranslations("admin.audit.targetTypes");
  const tRule = useTranslations("alarms");
  const actionLabel = useAuditActionLabel();
  // An alarm rule by its name (messages alarms.ruleNames), never its id; a rule this version does not name reads as
  // "Alarm rule".
  const ruleName = (ruleId: string) => {
    const key = `ruleNames.${ruleId}` as "ruleNames.lactate-medium";
    return tRule.has(key) ? tRule(key) : tRule("ruleNameUnknown");
  };
  const tAudit = useTranslations("admin.audit");
  // A permission by what it lets a person do ("open a bed's view"), never its code ("bed.view").
  const permissionLabel = (permission: string) => {
    const key = `permissions.${permission}` as "permissions.bed.view";
    return tAudit.has(key) ? tAudit(key) : tAudit("permissionUnknown");
  };
  const deniedReason = (reason: "role" | "unit") => tAudit(`deniedReasons.${reason}`);
  const detailLabel = (key: string) => {
    const known = key as "rule";
    return tDetail.has(known) ? tDetail(known) : key;
  };
  const targetLabel = (type: string, id: string | null) => {
    const known = type as "user";
    const label = tTarget.has(known) ? tTarget(known) : type;
    // A unit by its name; other targets by their kind only: their ids are for the export, not for reading.
    return type === "unit" && id ? `${label}: ${unitName(units, id)}` : label;
  };
  const recordTime = useRecordTime();
  const roleLabel = (role: string | null) => {
    const known = ZRole.safeParse(role);
    return known.success ? tRole(known.data) : role;
  };
  const outcomeLabel = (outcome: string) =>
    outcome === "success" || outcome === "failure" || outcome === "denied" ? tOutcome(outcome) : outcome;

  return (
    <table className="admin-table admin-table--audit" data-testid="audit-table">
      <caption className="visually-hidden">{t("caption")}</caption>
      <thead>
        <tr>
          <th scope="col">{t("time")}</th>
          <th scope="col">{t("actor")}</th>
          <th scope="col">{t("action")}</th>
          <th scope="col">{t("outcome")}</th>
          <th scope="col">{t("target")}</th>
          <th scope="col">{t("unit")}</th>
          <th scope="col">{t("ip")}</th>
          <th scope="col">{t("details")}</th>
        </tr>
      </thead>
      <tbody>
        {events.map((event) => {
          const details = auditDetailLines(
            event.details,
            { rule: ruleName, unit: (id) => unitName(units, id), permission: permissionLabel, deniedReason },
            event.action,
          );
          return (
            <tr key={event.id} data-testid="audit-row" data-action={event.action} data-outcome={event.outcome}>
              <td>
                <time dateTime={event.at} className="admin-table__nowrap">
                  {utc(event.at)}
                </time>
                <span className="admin-table__sub">{recordTime(event.at)}</span>
              </td>
              <td>
                {event.actorName === null ? (
                  <span className="admin__muted">{t("noActor")}</span>
                ) : event.actorName.startsWith(INTERFACE_ACTOR_PREFIX) ? (
                  t("interfaceActor", { sender: event.actorName.slice(INTERFACE_ACTOR_PREFIX.length) })
                ) : (
                  event.actorName
                )}
                {event.actorRole && <span className="admin-table__sub">{roleLabel(event.actorRole)}</span>}
              </td>
              <td>
                {/* The action as a sentence only: its code is for the CSV export (issue 17). */}
                {actionLabel(event.action)}
              </td>
              <td>
                <span className={`admin-badge admin-badge--${event.outcome}`}>{outcomeLabel(event.outcome)}</span>
              </td>
              <td>
                {event.targetType ? (
                  <span className="admin-table__wrap">{targetLabel(event.targetType, event.targetId)}</span>
                ) : null}
              </td>
              <td>{event.unitId ? unitName(units, event.unitId) : null}</td>
              <td>{event.ipAddress ? <code>{event.ipAddress}</code> : null}</td>
              <td>
                {details.length > 0 && (
                  <dl className="admin-table__details">
                    {details.map((line) => (
                      <div key={line.key}>
                        <dt>{detailLabel(line.key)}</dt>
                        <dd>{line.value}</dd>
                      </div>
                    ))}
                  </dl>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** "2026-11-23T09:00:00.000Z" → "2026-11-23 09:00:00 UTC": the stored instant, as the CSV export writes it. */
function utc(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;
}
