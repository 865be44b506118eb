import { createTranslator } from "next-intl";
import { afterEach, describe, expect, it, vi } from "vitest";
import refusalsEn from "@/lib/i18n/messages/refusals.en.json";
import refusalsFr from "@/lib/i18n/messages/refusals.fr.json";
import type { TLocale } from "@/lib/i18n/locales";
import {
  NO_ANSWER,
  RequestError,
  commandRefusal,
  describeRequestError,
  requestErrorOf,
  sendRequest,
  type TRefusalsTranslate,
} from "./request-error";

function describeIn(locale: TLocale, error: unknown, timeZone = "Europe/Paris"): string {
  const messages = locale === "fr" ? refusalsFr : refusalsEn;
  const t = createTranslator({ locale, messages, namespace: "refusals" });
  const translate: TRefusalsTranslate = (key, values) => t(key, values);
  return describeRequestError(error, { locale, timeZone, t: translate });
}

const occupied = requestErrorOf(409, {
  error: {
    code: "CONFLICT",
    message: "Bed 02 is occupied: choose a free bed.",
    field: "toBedId",
    reason: { key: "bedOccupiedMove", params: { bed: "02" } },
  },
});

afterEach(() => vi.unstubAllGlobals());

describe("describeRequestError", () => {
  it("words a known reason from the catalogue in the page's language", () => {
    expect(describeIn("fr", occupied)).toBe("Le lit 02 est occupé : choisissez un lit libre.");
    expect(describeIn("en", occupied)).toBe("Bed 02 is occupied: choose a free bed.");
  });

  it("writes a reason's time in the locale and the unit's zone, not as the server's ISO", () => {
    const early = new RequestError(400, "INVALID_INPUT", "dischargedAt: the discharge is before the admission.", {
      key: "dischargeBeforeAdmission",
      params: { admittedAt: "2026-03-29T00:30:00.000Z" },
    });
    expect(describeIn("fr", early)).toBe("La sortie est antérieure à l’admission (29/03/2026 01:30).");
    expect(describeIn("en", early, "America/New_York")).toBe(
      "The discharge is before the admission (28/03/2026, 20:30).",
    );
  });

  it("says an unknown reason (a newer station's), or one missing a value, by its code; never the English on a French page", () => {
    const unknown = new RequestError(409, "CONFLICT", "Bed 02 is being cleaned.", { key: "bedBeingCleaned" });
    expect(describeIn("fr", unknown)).toBe(
      "La centrale a refusé : quelqu’un a modifié ce dossier entre-temps — rechargez la page.",
    );
    expect(describeIn("en", unknown)).toBe("Bed 02 is being cleaned.");
    const holed = new RequestError(409, "CONFLICT", "Bed 02 is occupied: choose a free bed.", {
      key: "bedOccupiedMove",
    });
    expect(describeIn("fr", holed)).toMatch(/^La centrale a refusé/);
  });

  it("says 401, 403 and 409 without a reason in the page's language", () => {
    const ended = new RequestError(401, "UNAUTHENTICATED", "Sign in first.");
    const forbidden = new RequestError(403, "FORBIDDEN", "Your role does not allow this action.");
    const conflict = new RequestError(409, "CONFLICT", "Conflict.");
    expect(describeIn("fr", ended)).toBe("Votre session est terminée : reconnectez-vous.");
    expect(describeIn("en", ended)).toBe("Your session has ended: sign in again.");
    expect(describeIn("fr", forbidden)).toBe("Non autorisé pour votre rôle.");
    expect(describeIn("en", forbidden)).toBe("Your role does not allow this action.");
    expect(describeIn("fr", conflict)).toMatch(/^La centrale a refusé : quelqu’un a modifié ce dossier/);
  });

  it("says a server failure and an unreadable answer by status, in either language", () => {
    const failed = requestErrorOf(500, { error: { code: "INTERNAL", message: "The server could not answer." } });
    expect(describeIn("en", failed)).toBe("The station could not answer. Retry; if it persists, call IT.");
    expect(describeIn("fr", requestErrorOf(404, "<html>"))).toBe(
      "La centrale n’a plus ce dossier : rechargez la page.",
    );
  });

  it("says a network failure, and something that is not a request's failure, without their technical text", async () => {
    vi.stubGlobal("fetch", () => Promise.reject(new TypeError("Failed to fetch")));
    const error = await sendRequest("/api/beds/b1/stay/move", { body: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RequestError);
    expect((error as RequestError).status).toBe(NO_ANSWER);
    expect((error as RequestError).kind).toBe("network");
    expect(describeIn("fr", error)).toBe("Impossible de joindre la centrale : vérifiez le réseau, puis réessayez.");
    expect(describeIn("en", error)).toBe("Could not reach the station: check the network, then retry.");
    expect(describeIn("fr", new Error("Cannot read properties of undefined"))).toBe(
      "Une erreur est survenue. Réessayez ; si cela persiste, appelez l’informatique.",
    );
  });

  it("words a socket command's refusal (an alarm acknowledged twice) the same way", () => {
    const twice = commandRefusal({
      code: "CONFLICT",
      message: "This alarm is already ACKNOWLEDGED.",
      reason: { key: "alarmAlreadyAcknowledged" },
    });
    expect(twice.status).toBe(409);
    expect(describeIn("fr", twice)).toBe("Cette alarme est déjà ACQUITTÉE.");
  });
});

describe("sendRequest", () => {
  it("answers an OK response, and turns a refusal's body into a RequestError with its reason, field and issues", async () => {
    vi.stubGlobal("fetch", () =>
      Promise.resolve(
        Response.json(
          {
            error: {
              code: "CONFLICT",
              message: "m",
              field: "toBedId",
              reason: { key: "bedOccupiedMove", params: { bed: "02" } },
            },
          },
          { status: 409 },
        ),
      ),
    );
    const error = await sendRequest("/x", { body: {} }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      status: 409,
      code: "CONFLICT",
      field: "toBedId",
      reason: { key: "bedOccupiedMove", params: { bed: "02" } },
      kind: "refused",
    });
    vi.stubGlobal("fetch", () => Promise.resolve(Response.json({ ok: 1 })));
    expect(await (await sendRequest("/x")).json()).toEqual({ ok: 1 });
  });

  it("keeps a refusal whose reason it cannot read, as one without a reason", () => {
    const odd = requestErrorOf(403, { error: { code: "FORBIDDEN", message: "m", reason: "role" } });
    expect(odd.code).toBe("FORBIDDEN");
    expect(odd.reason).toBeUndefined();
  });
});
