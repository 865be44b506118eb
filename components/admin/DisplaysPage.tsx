"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import type { TDisplayDto, TIssuedPairing } from "@/lib/auth/account-dtos";
import type { TCreateDisplay } from "@/lib/auth/schemas";
import { createDisplay, fetchDisplays, issuePairingCode, revokeDisplay } from "@/lib/client/admin-api";
import { adminKeys } from "@/lib/client/query-keys";
import { AdminShell } from "./AdminShell";
import { unitName, type TAdminUnit } from "./admin-unit";
import { CreateDisplayForm } from "./CreateDisplayForm";
import { DisplaysTable } from "./DisplaysTable";
import { useAdminErrors } from "./FormError";
import { IssuedPairing } from "./IssuedPairing";

/** "Last seen" and a pending code's expiry move on their own. */
const REFRESH_MS = 30_000;

/**
 * The displays page: wall screens, each bound to one unit and signed in by a one-time pairing code typed (or opened
 * as a link) on the screen itself. The code is shown here once, in component state only: it is not kept in the query
 * cache, and the server stores only its hash.
 */
export function DisplaysPage({ units }: { readonly units: readonly TAdminUnit[] }) {
  const t = useTranslations("admin.displays");
  const tCommon = useTranslations("admin.common");
  const { describe } = useAdminErrors();
  const queryClient = useQueryClient();
  const displays = useQuery({ queryKey: adminKeys.displays(), queryFn: fetchDisplays, refetchInterval: REFRESH_MS });
  const [issued, setIssued] = useState<TIssuedPairing | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  // Bumped after a display is created, so that the form starts empty for the next one.
  const [formKey, setFormKey] = useState(0);

  const refresh = () => queryClient.invalidateQueries({ queryKey: adminKeys.displays() });
  const showCode = async (pairing: TIssuedPairing) => {
    setStatus(null);
    setIssued(pairing);
    await refresh();
  };

  const create = useMutation({
    mutationFn: (input: TCreateDisplay) => createDisplay(input),
    onSuccess: async (pairing) => {
      setFormKey((key) => key + 1);
      await showCode(pairing);
    },
  });
  const issue = useMutation({
    mutationFn: (display: TDisplayDto) => issuePairingCode(display.id),
    onSuccess: showCode,
  });
  const revoke = useMutation({
    mutationFn: (display: TDisplayDto) => revokeDisplay(display.id),
    onSuccess: async (_result, display) => {
      // A code on screen for the revoked display no longer works: do not leave it showing.
      if (issued?.display.id === display.id) setIssued(null);
      setStatus(t("status.revoked", { name: display.displayName }));
      await refresh();
    },
  });

  const issueCode = (display: TDisplayDto) => {
    revoke.reset();
    issue.mutate(display);
  };

  const askRevoke = (display: TDisplayDto) => {
    if (!window.confirm(t("confirmRevoke", { name: display.displayName }))) return;
    issue.reset();
    revoke.mutate(display);
  };

  const rowError = issue.error ?? revoke.error;
  const busyId = issue.isPending ? issue.variables.id : revoke.isPending ? revoke.variables.id : null;

  return (
    <AdminShell title={t("title")}>
      {issued && (
        <IssuedPairing
          issued={issued}
          unitLabel={unitName(units, issued.display.unitId)}
          onDismiss={() => setIssued(null)}
        />
      )}

      <section className="admin-section" aria-labelledby="create-display-title">
        <h2 id="create-display-title">{t("createTitle")}</h2>
        <p className="admin__muted">{t("createIntro")}</p>
        <CreateDisplayForm
          key={formKey}
          units={units}
          busy={create.isPending}
          error={create.error}
          onSubmit={(input) => create.mutate(input)}
        />
      </section>

      <section className="admin-section" aria-labelledby="displays-title">
        <h2 id="displays-title">{t("listTitle")}</h2>
        <p role="status" className="admin-status" data-testid="admin-status">
          {status}
        </p>
        {rowError && (
          <p role="alert" className="admin-form__error">
            {describe(rowError)}
          </p>
        )}
        {displays.isPending && <p>{tCommon("loading")}</p>}
        {displays.isError && <p role="alert">{describe(displays.error)}</p>}
        {displays.data && displays.data.length === 0 && <p>{t("empty")}</p>}
        {displays.data && displays.data.length > 0 && (
          <div className="admin-table__scroll">
            <DisplaysTable
              displays={displays.data}
              units={units}
              busyDisplayId={busyId}
              onIssueCode={issueCode}
              onRevoke={askRevoke}
            />
          </div>
        )}
      </section>
    </AdminShell>
  );
}
