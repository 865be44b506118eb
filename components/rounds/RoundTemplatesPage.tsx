"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useLocale, useTimeZone, useTranslations } from "next-intl";
import { useState } from "react";
import { Notice } from "@/components/ui/Notice";
import { formatDayTime } from "@/lib/bed/format-date-time";
import { DEVICE_TYPES, type TDeviceType } from "@/lib/catalogue";
import { roundKeys } from "@/lib/client/query-keys";
import { RequestError } from "@/lib/client/request-error";
import { fetchRoundTemplates, publishRoundTemplate } from "@/lib/client/rounds-api";
import { useDescribeRequestError } from "@/lib/client/use-describe-request-error";
import type { TRoundTemplate } from "@/lib/rounds/template";
import "./rounds.css";

/**
 * The checklists as data, for an administrator: each device type's version in force, and a new version published
 * from its JSON (the current one as the starting point). The station checks the whole of it and names every issue.
 */
export function RoundTemplatesPage() {
  const t = useTranslations("rounds.templates");
  const tr = useTranslations("rounds");
  const locale = useLocale();
  // The station's zone (next-intl's, STATION_TIME_ZONE), not the browser's.
  const timeZone = useTimeZone() ?? "UTC";
  const templates = useQuery({ queryKey: roundKeys.templates(), queryFn: fetchRoundTemplates });
  if (!templates.data) return <Notice title={templates.isError ? tr("unavailable") : tr("loading")} />;
  const current = (deviceType: TDeviceType) => templates.data.find((x) => x.deviceType === deviceType) ?? null;
  return (
    <div className="rounds" data-testid="round-templates">
      <header className="rounds__header">
        <div>
          <h1>{t("title")}</h1>
          <p className="rounds__meta">{t("intro")}</p>
        </div>
      </header>
      {DEVICE_TYPES.map((deviceType) => {
        const template = current(deviceType);
        return (
          <section key={deviceType} className="round-section">
            <h2>{tr(`deviceType.${deviceType}`)}</h2>
            {template && (
              <p className="rounds__meta" data-testid="round-template-current">
                {t("current", {
                  device: tr(`deviceType.${deviceType}`),
                  version: template.version,
                  count: template.items.length,
                  time: formatDayTime(template.publishedAt, locale, timeZone),
                })}{" "}
                {template.publishedBy ? t("by", { name: template.publishedBy }) : `(${t("builtIn")})`}
                {/* A built-in template's stored note is the installer's English: its words come from the catalogue. */}
                {template.publishedBy
                  ? template.note
                    ? ` — ${template.note}`
                    : ""
                  : ` — ${t(`builtInNote.${deviceType}`)}`}
              </p>
            )}
            <PublishForm deviceType={deviceType} current={template} />
          </section>
        );
      })}
    </div>
  );
}

function PublishForm({
  deviceType,
  current,
}: {
  readonly deviceType: TDeviceType;
  readonly current: TRoundTemplate | null;
}) {
  const t = useTranslations("rounds.templates");
  const describe = useDescribeRequestError();
  const tr = useTranslations("rounds");
  const queryClient = useQueryClient();
  const [text, setText] = useState(() => JSON.stringify(current?.items ?? [], null, 2));
  const [note, setNote] = useState("");
  const [problem, setProblem] = useState<string[] | null>(null);
  const mutation = useMutation({
    mutationFn: publishRoundTemplate,
    onSuccess: async () => {
      setProblem(null);
      await queryClient.invalidateQueries({ queryKey: roundKeys.all });
    },
    onError: (error) =>
      setProblem(
        error instanceof RequestError && error.issues.length > 0
          ? error.issues.map((i) => `${i.field}: ${i.message}`)
          : [describe(error)],
      ),
  });
  const publish = () => {
    let items: unknown;
    try {
      items = JSON.parse(text);
    } catch (error) {
      setProblem([t("invalidJson", { message: error instanceof Error ? error.message : String(error) })]);
      return;
    }
    mutation.mutate({ deviceType, items, ...(note.trim() ? { note } : {}) });
  };
  return (
    <div className="round-publish">
      <label>
        <span>{t("edit", { device: tr(`deviceType.${deviceType}`) })}</span>
        <textarea
          rows={12}
          spellCheck={false}
          value={text}
          onChange={(e) => setText(e.target.value)}
          data-testid={`round-template-json-${deviceType}`}
        />
      </label>
      <label>
        <span>{t("note")}</span>
        <input type="text" value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} />
      </label>
      <button type="button" className="round-button" onClick={publish} disabled={mutation.isPending}>
        {mutation.isPending ? t("publishing") : t("publish")}
      </button>
      {mutation.isSuccess && !problem && <p role="status">{t("published", { version: mutation.data.version })}</p>}
      {problem && (
        <div className="round-amend__error" role="alert" data-testid="round-template-problem">
          <p>{t("refused")}</p>
          <ul>
            {problem.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
