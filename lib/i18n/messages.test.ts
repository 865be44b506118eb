import { describe, expect, it } from "vitest";
import adminEn from "./messages/admin.en.json";
import adminFr from "./messages/admin.fr.json";
import alarmsEn from "./messages/alarms.en.json";
import alarmsFr from "./messages/alarms.fr.json";
import authEn from "./messages/auth.en.json";
import authFr from "./messages/auth.fr.json";
import handoverEn from "./messages/handover.en.json";
import handoverFr from "./messages/handover.fr.json";
import screensEn from "./messages/en.json";
import screensFr from "./messages/fr.json";
import bedEventsEn from "./messages/bedEvents.en.json";
import bedEventsFr from "./messages/bedEvents.fr.json";
import fourTsRecordEn from "./messages/fourTsRecord.en.json";
import fourTsRecordFr from "./messages/fourTsRecord.fr.json";
import protocolsEn from "./messages/protocols.en.json";
import protocolsFr from "./messages/protocols.fr.json";
import importMappingEn from "./messages/importMapping.en.json";
import importMappingFr from "./messages/importMapping.fr.json";
import labResultsEn from "./messages/labResults.en.json";
import labResultsFr from "./messages/labResults.fr.json";
import roundsEn from "./messages/rounds.en.json";
import roundsFr from "./messages/rounds.fr.json";

// The union of the area files, as loadMessages() serves them; no two files may share a namespace.
const en = {
  ...screensEn,
  ...authEn,
  ...adminEn,
  ...handoverEn,
  ...alarmsEn,
  ...roundsEn,
  ...bedEventsEn,
  ...fourTsRecordEn,
  ...protocolsEn,
  ...importMappingEn,
  ...labResultsEn,
};
const fr = {
  ...screensFr,
  ...authFr,
  ...adminFr,
  ...handoverFr,
  ...alarmsFr,
  ...roundsFr,
  ...bedEventsFr,
  ...fourTsRecordFr,
  ...protocolsFr,
  ...importMappingFr,
  ...labResultsFr,
};

/** Every leaf key as a dotted path, so that a difference names the exact message. */
function keys(messages: unknown, prefix = ""): string[] {
  if (typeof messages !== "object" || messages === null) return [prefix];
  return Object.entries(messages)
    .flatMap(([key, value]) => keys(value, prefix ? `${prefix}.${key}` : key))
    .sort();
}

/** ICU arguments ({count}, {time}…) of every message: a translation must fill the same ones. */
function argumentsOf(messages: unknown, prefix = ""): Record<string, string[]> {
  if (typeof messages === "string") {
    const names = [...messages.matchAll(/\{\s*(\w+)\s*[,}]/g)].map((match) => match[1] ?? "");
    return { [prefix]: [...new Set(names)].sort() };
  }
  if (typeof messages !== "object" || messages === null) return {};
  const all: Record<string, string[]> = {};
  for (const [key, value] of Object.entries(messages))
    Object.assign(all, argumentsOf(value, prefix ? `${prefix}.${key}` : key));
  return all;
}

describe("message catalogues", () => {
  it("split into area files whose namespaces do not overlap", () => {
    const namespaces = [
      screensEn,
      authEn,
      adminEn,
      handoverEn,
      alarmsEn,
      roundsEn,
      bedEventsEn,
      fourTsRecordEn,
      protocolsEn,
      labResultsEn,
    ].flatMap((file) => Object.keys(file));
    expect(new Set(namespaces).size).toBe(namespaces.length);
  });

  it("have exactly the same keys in English and French", () => {
    expect(keys(fr)).toEqual(keys(en));
  });

  it("use the same arguments in both languages", () => {
    expect(argumentsOf(fr)).toEqual(argumentsOf(en));
  });

  it("have no empty message", () => {
    for (const catalogue of [en, fr]) {
      const empty = Object.entries(leaves(catalogue)).filter(([, text]) => text.trim() === "");
      expect(empty).toEqual([]);
    }
  });
});

function leaves(messages: unknown, prefix = ""): Record<string, string> {
  if (typeof messages === "string") return { [prefix]: messages };
  if (typeof messages !== "object" || messages === null) return {};
  const all: Record<string, string> = {};
  for (const [key, value] of Object.entries(messages))
    Object.assign(all, leaves(value, prefix ? `${prefix}.${key}` : key));
  return all;
}
