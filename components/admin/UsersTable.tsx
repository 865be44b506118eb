"use client";

import { useTranslations } from "next-intl";
import { useRecordTime } from "@/lib/client/use-record-time";
import type { TUserDto } from "@/lib/auth/account-dtos";
import { unitName, type TAdminUnit } from "./admin-unit";

/** People's accounts: who, what role, which units, whether they can sign in, and whether they are signed in now. */
export function UsersTable({
  users,
  units,
  selfId,
  busyUserId,
  onEdit,
  onResetPassword,
  onSetActive,
}: {
  readonly users: readonly TUserDto[];
  readonly units: readonly TAdminUnit[];
  readonly selfId: string;
  readonly busyUserId: string | null;
  readonly onEdit: (user: TUserDto) => void;
  readonly onResetPassword: (user: TUserDto) => void;
  readonly onSetActive: (user: TUserDto, active: boolean) => void;
}) {
  const t = useTranslations("admin.users.table");
  const tRole = useTranslations("auth.roles");
  const recordTime = useRecordTime();
  return (
    <table className="admin-table" data-testid="users-table">
      <caption className="visually-hidden">{t("caption")}</caption>
      <thead>
        <tr>
          <th scope="col">{t("name")}</th>
          <th scope="col">{t("role")}</th>
          <th scope="col">{t("units")}</th>
          <th scope="col">{t("state")}</th>
          <th scope="col">{t("sessions")}</th>
          <th scope="col">{t("lastActivity")}</th>
          <th scope="col">
            <span className="visually-hidden">{t("actions")}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {users.map((user) => {
          const self = user.id === selfId;
          return (
            <tr
              key={user.id}
              className={user.active ? undefined : "admin-table__row--inactive"}
              data-testid="user-row"
              data-username={user.username}
            >
              <th scope="row">
                <span className="admin-table__name">{user.displayName}</span>
                <span className="admin-table__sub">
                  <code>{user.username}</code>
                  {self && ` · ${t("you")}`}
                </span>
              </th>
              <td>{tRole(user.role)}</td>
              <td>
                {user.unitIds.length > 0 ? (
                  user.unitIds.map((id) => unitName(units, id)).join(", ")
                ) : (
                  <span className="admin__muted">{t("noUnits")}</span>
                )}
              </td>
              <td>
                <span className={`admin-badge admin-badge--${user.active ? "active" : "inactive"}`}>
                  {user.active ? t("active") : t("inactive")}
                </span>
              </td>
              <td>{user.sessions}</td>
              <td>
                {user.lastActiveAt ? recordTime(user.lastActiveAt) : <span className="admin__muted">{t("never")}</span>}
              </td>
              <td>
                <div className="admin-table__actions">
                  <button
                    type="button"
                    className="admin-button"
                    onClick={() => onEdit(user)}
                    aria-label={t("editFor", { name: user.displayName })}
                  >
                    {t("edit")}
                  </button>
                  <button
                    type="button"
                    className="admin-button"
                    onClick={() => onResetPassword(user)}
                    aria-label={t("resetFor", { name: user.displayName })}
                  >
                    {t("resetPassword")}
                  </button>
                  {user.active ? (
                    <button
                      type="button"
                      className="admin-button admin-button--danger"
                      disabled={self || busyUserId === user.id}
                      title={self ? t("cannotDeactivateSelf") : undefined}
                      onClick={() => onSetActive(user, false)}
                      aria-label={t("deactivateFor", { name: user.displayName })}
                      data-testid="deactivate-user"
                    >
                      {t("deactivate")}
                    </button>
                  ) : (
                    <button
                      type="button"
                      className="admin-button"
                      disabled={busyUserId === user.id}
                      onClick={() => onSetActive(user, true)}
                      aria-label={t("reactivateFor", { name: user.displayName })}
                      data-testid="reactivate-user"
                    >
                      {t("reactivate")}
                    </button>
                  )}
                </div>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
