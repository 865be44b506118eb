"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { fetchShiftPattern, saveShiftPattern } from "@/lib/client/admin-api";
import { adminKeys } from "@/lib/client/query-keys";
import { AdminShell } from "./AdminShell";
import { unitName, type TAdminUnit } from "./admin-unit";
import { useAdminErrors } from "./FormError";
import { PointsOfCareForm } from "./PointsOfCareForm";
import { ShiftPatternForm } from "./ShiftPatternForm";

/**
 * The shifts page: each unit's day cut into shifts (default 07:00 and 19:00), which place handover sheets, alarm
 * burden and rounds. A change applies to sheets started from then on; sheets already started keep their shift.
 */
export function ShiftsPage({ units }: { readonly units: readonly TAdminUnit[] }) {
  const t = useTranslations("admin.shifts");
  const tCommon = useTranslations("admin.common");
  const { describe } = useAdminErrors();
  const format = useFormatter();
  const queryClient = useQueryClient();
  const [unitId, setUnitId] = useState(units[0]?.id ?? "");
  // The unit whose shifts were just saved: the message is worded at render, in the page's current language.
  const [savedUnitId, setSavedUnitId] = useState<string | null>(null);
  const current = useQuery({
    queryKey: adminKeys.shiftPattern(unitId),
    queryFn: () => fetchShiftPattern(unitId),
    enabled: unitId !== "",
  });
  const save = useMutation({
    mutationFn: (pattern: { shifts: { name: string; start: string }[] }) => saveShiftPattern(unitId, pattern),
    onSuccess: (saved) => {
      queryClient.setQueryData(adminKeys.shiftPattern(saved.unitId), saved);
      setSavedUnitId(saved.unitId);
    },
  });

  const pick = (id: string) => {
    setUnitId(id);
    setSavedUnitId(null);
    save.reset();
  };

  return (
    <AdminShell title={t("title")}>
      <p className="admin-status" role="status" data-testid="admin-status">
        {savedUnitId !== null && t("saved", { unit: unitName(units, savedUnitId) })}
      </p>
      <section className="admin-section" aria-labelledby="shift-pattern-title">
        <div className="admin-section__header">
          <h2 id="shift-pattern-title">{t("patternTitle")}</h2>
          {units.length > 0 && (
            <label className="admin-form__field admin-form__field--row">
              <span>{t("unit")}</span>
              <select value={unitId} onChange={(event) => pick(event.target.value)} data-testid="shift-unit">
                {units.map((unit) => (
                  <option key={unit.id} value={unit.id}>
                    {unit.name}
                  </option>
                ))}
              </select>
            </label>
          )}
        </div>
        <p className="admin__muted">{t("intro")}</p>
        {units.length === 0 ? (
          <p>{t("noUnits")}</p>
        ) : current.isPending ? (
          <p>{tCommon("loading")}</p>
        ) : current.isError ? (
          <p role="alert">{describe(current.error)}</p>
        ) : (
          <>
            <p data-testid="shift-pattern-state">
              {current.data.configured && current.data.updatedAt !== null
                ? t("configured", {
                    zone: current.data.timeZone,
                    at: format.dateTime(current.data.updatedAt, { dateStyle: "medium", timeStyle: "short" }),
                  })
                : t("default", { zone: current.data.timeZone })}
            </p>
            <ShiftPatternForm
              // A fresh form for each unit and each saved version, so that it shows what the server stored.
              key={`${current.data.unitId}:${current.data.updatedAt ?? "default"}`}
              initial={current.data.pattern}
              busy={save.isPending}
              error={save.error}
              onSubmit={(pattern) => {
                setSavedUnitId(null);
                save.mutate(pattern);
              }}
            />
          </>
        )}
      </section>
      {unitId !== "" && (
        <section className="admin-section" aria-labelledby="points-of-care-title">
          <h2 id="points-of-care-title">{t("pointsOfCareTitle")}</h2>
          <PointsOfCareForm key={unitId} unitId={unitId} />
        </section>
      )}
    </AdminShell>
  );
}
