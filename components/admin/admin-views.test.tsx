import { NextIntlClientProvider } from "next-intl";
import type { ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { TDisplayDto, TUserDto } from "@/lib/auth/account-dtos";
import type { TAuditEventDto } from "@/lib/auth/audit-actions";
import { RequestError } from "@/lib/client/request-error";
import { SessionUserProvider } from "@/lib/client/session-user";
import adminEn from "@/lib/i18n/messages/admin.en.json";
import adminFr from "@/lib/i18n/messages/admin.fr.json";
import alarmsEn from "@/lib/i18n/messages/alarms.en.json";
import alarmsFr from "@/lib/i18n/messages/alarms.fr.json";
import authEn from "@/lib/i18n/messages/auth.en.json";
import authFr from "@/lib/i18n/messages/auth.fr.json";
import en from "@/lib/i18n/messages/en.json";
import fr from "@/lib/i18n/messages/fr.json";
import refusalsEn from "@/lib/i18n/messages/refusals.en.json";
import refusalsFr from "@/lib/i18n/messages/refusals.fr.json";
import { AuditTable } from "./AuditTable";
import { DisplaysTable } from "./DisplaysTable";
import { IssuedPairing } from "./IssuedPairing";
import { UserForm } from "./UserForm";
import { ShiftPatternForm } from "./ShiftPatternForm";
import { UsersTable } from "./UsersTable";

const MESSAGES = {
  en: { ...en, ...authEn, ...adminEn, ...alarmsEn, ...refusalsEn },
  fr: { ...fr, ...authFr, ...adminFr, ...alarmsFr, ...refusalsFr },
};
const units = [
  { id: "a", name: "Unit A" },
  { id: "b", name: "Unit B" },
];

/** Renders in a locale; a missing message fails the test rather than showing its key. */
function render(node: ReactNode, locale: "en" | "fr" = "en"): string {
  const user = {
    userId: "admin-1",
    username: "admin",
    displayName: "Admin",
    role: "admin" as const,
    unitIds: ["a"],
    idleTimeoutMinutes: 30,
  };
  return renderToStaticMarkup(
    <NextIntlClientProvider
      locale={locale}
      messages={MESSAGES[locale]}
      timeZone="Europe/Paris"
      onError={(error) => {
        throw error;
      }}
    >
      <SessionUserProvider user={user}>{node}</SessionUserProvider>
    </NextIntlClientProvider>,
  );
}

const person = (over: Partial<TUserDto>): TUserDto => ({
  id: "u1",
  username: "cmartin",
  displayName: "Claire Martin",
  role: "physician",
  unitIds: ["a", "b"],
  active: true,
  hasPassword: true,
  createdAt: "2026-11-01T08:00:00.000Z",
  sessions: 2,
  lastActiveAt: "2026-11-23T08:30:00.000Z",
  ...over,
});
const noop = () => undefined;
/** What the page shows as local time: the station's zone (next-intl's timeZone), in the page's language. */
const local = (locale: string, iso: string, options: Intl.DateTimeFormatOptions) =>
  new Intl.DateTimeFormat(locale, { ...options, timeZone: "Europe/Paris" }).format(new Date(iso));

describe("UsersTable", () => {
  it("shows each account's role, units, state and sessions, and no deactivate button for oneself", () => {
    const html = render(
      <UsersTable
        users={[
          person({}),
          person({ id: "admin-1", username: "admin", displayName: "Admin", role: "admin", unitIds: [] }),
          person({ id: "u3", username: "old", active: false }),
        ]}
        units={units}
        selfId="admin-1"
        busyUserId={null}
        onEdit={noop}
        onResetPassword={noop}
        onSetActive={noop}
      />,
    );
    expect(html).toContain("Physician");
    expect(html).toContain("Unit A, Unit B");
    expect(html).toContain("Deactivated");
    expect(
      html.match(/data-testid="deactivate-user"[^>]*disabled=""|disabled=""[^>]*data-testid="deactivate-user"/g),
    ).toHaveLength(1);
    expect(html).toContain('data-testid="reactivate-user"');
    expect(html).toContain('<th scope="col">Open sessions</th>');
  });
});

describe("UserForm", () => {
  it("shows the server's message beside the field it named, linked to the input for screen readers", () => {
    const error = new RequestError(409, "CONFLICT", 'username: "cmartin" is taken', undefined, "username");
    const html = render(
      <UserForm mode="create" units={units} busy={false} error={error} onCancel={noop} onSubmit={noop} />,
    );
    const input = /<input[^>]*name="username"[^>]*\/>/.exec(html)?.[0] ?? "";
    expect(input).toContain('aria-invalid="true"');
    const errorId =
      /aria-describedby="([^"]+)"/
        .exec(input)?.[1]
        ?.split(" ")
        .find((id) => id.endsWith("-username-error")) ?? "missing";
    expect(html).toContain(`id="${errorId}" class="admin-form__field-error">&quot;cmartin&quot; is taken</span>`);
    expect(html).toContain('role="alert"');
  });

  it("says a refusal beside its field in the page's language: the catalogue's reason, never the server's English", () => {
    const taken = new RequestError(
      409,
      "CONFLICT",
      'username: "cmartin" is taken',
      {
        key: "usernameTaken",
        params: { username: "cmartin" },
      },
      "username",
    );
    const form = (error: RequestError) => (
      <UserForm mode="create" units={units} busy={false} error={error} onCancel={noop} onSubmit={noop} />
    );
    const html = render(form(taken), "fr");
    expect(html).toContain("L’identifiant cmartin est déjà pris.");
    expect(html).not.toContain("is taken");
    // A schema failure has no catalogue reason: on a French page, a French sentence rather than zod's English.
    const tooShort = new RequestError(400, "INVALID_INPUT", "Invalid input.", undefined, undefined, [
      { field: "username", message: "at least 3 characters" },
    ]);
    const french = render(form(tooShort), "fr");
    expect(french).toContain("Non accepté : vérifiez ce champ.");
    expect(french).not.toContain("at least 3 characters");
    expect(render(form(tooShort), "en")).toContain("at least 3 characters");
  });

  it("warns, when editing, that a change of role or units signs the person out", () => {
    const html = render(
      <UserForm
        mode="edit"
        user={person({})}
        isSelf={false}
        units={units}
        busy={false}
        error={null}
        onCancel={noop}
        onSubmit={noop}
      />,
      "fr",
    );
    expect(html).toContain("déconnecte Claire Martin de tous ses navigateurs et tablettes");
    expect(html).not.toContain('name="password"');
  });

  it("locks an admin's own role", () => {
    const html = render(
      <UserForm
        mode="edit"
        user={person({ id: "admin-1", role: "admin" })}
        isSelf
        units={units}
        busy={false}
        error={null}
        onCancel={noop}
        onSubmit={noop}
      />,
    );
    expect(html).toMatch(/<select name="role" disabled=""/);
  });
});

describe("DisplaysTable and IssuedPairing", () => {
  const display: TDisplayDto = {
    id: "d1",
    displayName: "Corridor",
    unitId: "a",
    active: true,
    createdAt: "2026-11-23T08:00:00.000Z",
    sessions: 0,
    lastSeenAt: null,
    pairingExpiresAt: "2026-11-23T08:15:00.000Z",
  };

  it("lists a display with its pending code's expiry, and offers nothing for a revoked one", () => {
    const html = render(
      <DisplaysTable
        displays={[display, { ...display, id: "d2", active: false, pairingExpiresAt: null }]}
        units={units}
        busyDisplayId={null}
        onIssueCode={noop}
        onRevoke={noop}
      />,
    );
    expect(html).toContain(
      // Day first, in the station's zone: 08:15 UTC is 09:15 in Paris.
      "waiting, valid until 23/11/2026, 09:15",
    );
    expect(html.match(/data-testid="revoke-display"/g)).toHaveLength(1);
    expect(html).toContain("Revoked");
  });

  it("shows the code grouped, the pairing link and until when it works", () => {
    const html = render(
      <IssuedPairing
        issued={{ display, code: "K7PQM2XD", expiresAt: "2026-11-23T08:15:00.000Z" }}
        unitLabel="Unit A"
        onDismiss={noop}
      />,
      "fr",
    );
    expect(html).toContain(">K7PQ-M2XD</p>");
    expect(html).toContain('value="/pair?code=K7PQM2XD"');
    expect(html).toContain(`Valable jusqu’à ${local("fr", "2026-11-23T08:15:00.000Z", { timeStyle: "short" })}`);
    expect(html).toContain("affiché qu’une seule fois");
  });
});

describe("AuditTable", () => {
  const event: TAuditEventDto = {
    id: 7,
    at: "2026-11-23T08:05:09.000Z",
    actorId: "u2",
    actorName: "jdupont",
    actorRole: "nurse",
    action: "access.denied",
    outcome: "denied",
    targetType: "bed",
    targetId: "bed-3",
    unitId: "b",
    ipAddress: "10.0.0.7",
    userAgent: "tablet",
    details: { action: "bed.view", reason: "unit", ruleId: "lactate-medium", bedId: "bed-3" },
  };

  it("shows the time in UTC and locally, who with their role, the action by name only, and readable details", () => {
    const html = render(
      <AuditTable
        events={[event, { ...event, id: 8, action: "future.thing", actorName: null, actorRole: null, details: {} }]}
        units={units}
      />,
    );
    expect(html).toContain("2026-11-23 08:05:09 UTC");
    expect(html).toContain("23/11/2026, 09:05");
    expect(html).toContain('jdupont<span class="admin-table__sub">Nurse</span>');
    expect(html).toContain("Access denied");
    // No action code and no permission code: sentences only (issue 17); the CSV export keeps the codes.
    const shown = html.replace(/ data-action="[^"]*"/g, ""); // the rows' test hook, not on screen
    expect(shown).not.toContain("access.denied");
    expect(shown).not.toContain("bed.view");
    expect(shown).not.toContain("future.thing");
    expect(html).toContain("<dt>Attempted</dt><dd>open a bed’s view</dd>");
    expect(html).toContain("Unit B");
    // The rule by its name; no internal id (the bed's, the rule's) on the screen: the export keeps them.
    expect(html).toContain("<dt>Alarm rule</dt><dd>Lactate above target</dd>");
    expect(html).toContain("<dt>Reason</dt><dd>The account does not belong to this unit</dd>");
    expect(html).not.toMatch(/bed-3|lactate-medium/);
    // An action this version has no name for says so in words.
    expect(html).toContain("Event not described by this version");
  });

  it("names a hospital interface as the actor of what its ADT feed did, never its raw actor name", () => {
    const html = render(
      <AuditTable
        events={[{ ...event, actorId: null, actorName: "hl7:HIS@CHU", actorRole: null, action: "stay.admitted" }]}
        units={units}
      />,
    );
    expect(html).toContain("HL7 interface (HIS@CHU)");
    expect(html).not.toContain("hl7:HIS@CHU");
    expect(html).toContain("Patient admitted");
    expect(render(<AuditTable events={[{ ...event, actorName: "hl7:HIS@CHU" }]} units={units} />, "fr")).toContain(
      "Interface HL7 (HIS@CHU)",
    );
  });
});

describe("ShiftPatternForm", () => {
  const initial = {
    shifts: [
      { name: "day", start: "07:00" },
      { name: "night", start: "19:00" },
    ],
  };

  it("shows each shift with its start and length, in both languages", () => {
    for (const locale of ["en", "fr"] as const) {
      const html = render(<ShiftPatternForm initial={initial} busy={false} error={null} onSubmit={noop} />, locale);
      expect(html).toContain('value="07:00"');
      expect(html).toContain('value="night"');
      expect(html.match(/12 h/g)).toHaveLength(2);
    }
  });

  it("says the server's refusal beside the row at fault", () => {
    const error = new RequestError(400, "INVALID_INPUT", "Invalid input.", undefined, undefined, [
      { field: "shifts.1.start", message: "Two shifts start at 07:00" },
    ]);
    const html = render(<ShiftPatternForm initial={initial} busy={false} error={error} onSubmit={noop} />);
    expect(html).toContain("Two shifts start at 07:00");
    expect(html).toContain('aria-invalid="true"');
    expect(html).toContain("Correct the fields marked above.");
  });
});
