"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { fetchPointsOfCare, savePointsOfCare } from "@/lib/client/admin-api";
import { adminKeys } from "@/lib/client/query-keys";
import { FormError, useAdminErrors } from "./FormError";

/**
 * A unit's ADT point-of-care codes: the PV1-3 values by which the hospital's ADT feed names this unit. Typed as a
 * list separated by commas or spaces; the server checks each (and refuses one another unit has).
 */
export function PointsOfCareForm({ unitId }: { readonly unitId: string }) {
  const t = useTranslations("admin.pointsOfCare");
  const tCommon = useTranslations("admin.common");
  const { describe } = useAdminErrors();
  const queryClient = useQueryClient();
  const current = useQuery({ queryKey: adminKeys.pointsOfCare(unitId), queryFn: () => fetchPointsOfCare(unitId) });
  const [text, setText] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (codes: string[]) => savePointsOfCare(unitId, { codes }),
    onSuccess: (saved) => {
      queryClient.setQueryData(adminKeys.pointsOfCare(unitId), saved);
      setText(null);
    },
  });
  if (current.isPending) return <p>{tCommon("loading")}</p>;
  if (current.isError) return <p role="alert">{describe(current.error)}</p>;
  const value = text ?? current.data.codes.join(", ");
  return (
    <form
      className="admin-form"
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate(value.split(/[\s,]+/).filter((code) => code !== ""));
      }}
    >
      <p className="admin__muted">{t("intro", { unit: unitId })}</p>
      <label className="admin-form__field">
        <span>{t("codes")}</span>
        <input
          value={value}
          onChange={(event) => setText(event.target.value)}
          placeholder={t("placeholder")}
          data-testid="points-of-care"
        />
      </label>
      <FormError error={save.error} shownFields={[]} />
      {save.isSuccess && text === null && <p role="status">{t("saved")}</p>}
      <button type="submit" className="admin-button" disabled={save.isPending}>
        {t("save")}
      </button>
    </form>
  );
}
