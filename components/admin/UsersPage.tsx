"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import type { TUserDto } from "@/lib/auth/account-dtos";
import type { TCreateUser, TUpdateUser } from "@/lib/auth/schemas";
import { createUser, fetchUsers, resetUserPassword, updateUser } from "@/lib/client/admin-api";
import { adminKeys } from "@/lib/client/query-keys";
import { useSessionUser } from "@/lib/client/session-user";
import { AdminDialog } from "./AdminDialog";
import { AdminShell } from "./AdminShell";
import type { TAdminUnit } from "./admin-unit";
import { useAdminErrors } from "./FormError";
import { ResetPasswordForm } from "./ResetPasswordForm";
import { UserForm } from "./UserForm";
import { UsersTable } from "./UsersTable";

type TDialog = { kind: "create" } | { kind: "edit"; user: TUserDto } | { kind: "password"; user: TUserDto };

/** Sessions and last activity move on their own; a minute-old list is fine for an office page. */
const REFRESH_MS = 30_000;

/**
 * The users page: people's accounts (wall screens have their own page), created and changed here. Every change is
 * made and audited by the server; those that change someone's rights end that person's sessions, which the page
 * says before the admin confirms.
 */
export function UsersPage({ units }: { readonly units: readonly TAdminUnit[] }) {
  const t = useTranslations("admin.users");
  const tCommon = useTranslations("admin.common");
  const { describe } = useAdminErrors();
  const me = useSessionUser();
  const queryClient = useQueryClient();
  const users = useQuery({ queryKey: adminKeys.users(), queryFn: fetchUsers, refetchInterval: REFRESH_MS });
  const [dialog, setDialog] = useState<TDialog | null>(null);
  const [status, setStatus] = useState<string | null>(null);

  const refresh = () => queryClient.invalidateQueries({ queryKey: adminKeys.users() });
  const done = async (message: string) => {
    setDialog(null);
    setStatus(message);
    await refresh();
  };

  const create = useMutation({
    mutationFn: (input: TCreateUser) => createUser(input),
    onSuccess: (user) => done(t("status.created", { name: user.displayName, username: user.username })),
  });
  const edit = useMutation({
    mutationFn: ({ userId, changes }: { userId: string; changes: TUpdateUser }) => updateUser(userId, changes),
    onSuccess: (user) => done(t("status.updated", { name: user.displayName })),
  });
  const password = useMutation({
    mutationFn: ({ user, value }: { user: TUserDto; value: string }) => resetUserPassword(user.id, value),
    onSuccess: (_result, { user }) => done(t("status.passwordReset", { name: user.displayName })),
  });
  const activation = useMutation({
    mutationFn: ({ user, active }: { user: TUserDto; active: boolean }) => updateUser(user.id, { active }),
    onSuccess: (user) =>
      done(
        user.active
          ? t("status.reactivated", { name: user.displayName })
          : t("status.deactivated", { name: user.displayName }),
      ),
  });

  const open = (next: TDialog) => {
    // A dialog starts clean: the previous attempt's refusal belongs to the previous attempt.
    create.reset();
    edit.reset();
    password.reset();
    setStatus(null);
    setDialog(next);
  };

  const setActive = (user: TUserDto, active: boolean) => {
    if (!active && !window.confirm(t("confirmDeactivate", { name: user.displayName }))) return;
    setStatus(null);
    activation.mutate({ user, active });
  };

  return (
    <AdminShell title={t("title")}>
      <section className="admin-section" aria-labelledby="users-title">
        <div className="admin-section__header">
          <h2 id="users-title">{t("listTitle")}</h2>
          <button
            type="button"
            className="admin-button admin-button--primary"
            onClick={() => open({ kind: "create" })}
            data-testid="create-user"
          >
            {t("create")}
          </button>
        </div>
        <p className="admin__muted">{t("intro")}</p>
        <p role="status" className="admin-status" data-testid="admin-status">
          {status}
        </p>
        {activation.isError && (
          <p role="alert" className="admin-form__error">
            {describe(activation.error)}
          </p>
        )}
        {users.isPending && <p>{tCommon("loading")}</p>}
        {users.isError && <p role="alert">{describe(users.error)}</p>}
        {users.data && users.data.length === 0 && <p>{t("empty")}</p>}
        {users.data && users.data.length > 0 && (
          <div className="admin-table__scroll">
            <UsersTable
              users={users.data}
              units={units}
              selfId={me.userId}
              busyUserId={activation.isPending ? activation.variables.user.id : null}
              onEdit={(user) => open({ kind: "edit", user })}
              onResetPassword={(user) => open({ kind: "password", user })}
              onSetActive={setActive}
            />
          </div>
        )}
      </section>

      {dialog?.kind === "create" && (
        <AdminDialog title={t("createTitle")} onClose={() => setDialog(null)} testId="create-user-dialog">
          <UserForm
            mode="create"
            units={units}
            busy={create.isPending}
            error={create.error}
            onCancel={() => setDialog(null)}
            onSubmit={(input) => create.mutate(input)}
          />
        </AdminDialog>
      )}
      {dialog?.kind === "edit" && (
        <AdminDialog
          title={t("editTitle", { name: dialog.user.displayName })}
          onClose={() => setDialog(null)}
          testId="edit-user-dialog"
        >
          <UserForm
            mode="edit"
            user={dialog.user}
            isSelf={dialog.user.id === me.userId}
            units={units}
            busy={edit.isPending}
            error={edit.error}
            onCancel={() => setDialog(null)}
            onSubmit={(changes) => (changes ? edit.mutate({ userId: dialog.user.id, changes }) : setDialog(null))}
          />
        </AdminDialog>
      )}
      {dialog?.kind === "password" && (
        <AdminDialog
          title={t("passwordTitle", { name: dialog.user.displayName })}
          onClose={() => setDialog(null)}
          testId="password-dialog"
        >
          <ResetPasswordForm
            user={dialog.user}
            busy={password.isPending}
            error={password.error}
            onCancel={() => setDialog(null)}
            onSubmit={(value) => password.mutate({ user: dialog.user, value })}
          />
        </AdminDialog>
      )}
    </AdminShell>
  );
}
