import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { NextIntlClientProvider } from "next-intl";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { roundKeys } from "@/lib/client/query-keys";
import { loadMessages } from "@/lib/i18n/messages";
import type { TRoundTemplate } from "@/lib/rounds/template";
import { RoundTemplatesPage } from "./RoundTemplatesPage";

// As lib/rounds/install-default-round-templates.ts stores them: no publisher, the installer's English note.
const builtIn: TRoundTemplate = {
  id: "t-iabp-1",
  deviceType: "IABP",
  version: 1,
  publishedAt: Date.UTC(2026, 11, 1, 8),
  publishedBy: null,
  note: "Built-in: the French IABP nursing protocol, with the station's additions",
  items: [],
};
const published: TRoundTemplate = {
  ...builtIn,
  id: "t-ecmo-2",
  deviceType: "VA_ECMO",
  version: 2,
  publishedBy: "Dr Synthétique",
  note: "Ajout du contrôle de la canule de reperfusion",
};

async function render(locale: "en" | "fr", timeZone = "UTC"): Promise<string> {
  const client = new QueryClient();
  client.setQueryData(roundKeys.templates(), [builtIn, published]);
  return renderToStaticMarkup(
    <QueryClientProvider client={client}>
      <NextIntlClientProvider locale={locale} messages={await loadMessages(locale)} timeZone={timeZone}>
        <RoundTemplatesPage />
      </NextIntlClientProvider>
    </QueryClientProvider>,
  );
}

describe("the checklists page", () => {
  it("words a built-in checklist in the reader's language, and shows a publisher's own note as written", async () => {
    const fr = await render("fr");
    expect(fr).toContain("le protocole infirmier français du BCPIA, avec les ajouts de la station");
    expect(fr).not.toContain("Built-in");
    expect(fr).toContain("Ajout du contrôle de la canule de reperfusion");
    expect(await render("en")).toContain("the French IABP nursing protocol, with the station&#x27;s additions");
  });

  it("dates a version in the station's time zone, not the browser's", async () => {
    // Published at 08:00 UTC: 21:00 in Auckland (UTC+13 in December), whatever zone the test machine is in.
    expect(await render("en", "Pacific/Auckland")).toMatch(/21:00/);
  });
});
