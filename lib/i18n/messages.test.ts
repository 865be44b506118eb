import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadMessages } from "./messages";

// Every area file of the folder, read from disk: a file added to the folder and forgotten in loadMessages() (or here)
// cannot pass unseen.
const DIR = path.join(import.meta.dirname, "messages");
const read = (file: string) => JSON.parse(readFileSync(path.join(DIR, file), "utf8")) as Record<string, unknown>;
const filesOf = (locale: "en" | "fr") =>
  readdirSync(DIR)
    .filter((f) => f === `${locale}.json` || f.endsWith(`.${locale}.json`))
    .sort();
const enFiles = filesOf("en").map(read);
const en = Object.assign({}, ...enFiles) as Record<string, unknown>;
const fr = Object.assign({}, ...filesOf("fr").map(read)) as Record<string, unknown>;

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
  it("split into area files whose namespaces do not overlap, each French file beside its English one", () => {
    const namespaces = enFiles.flatMap((file) => Object.keys(file));
    expect(new Set(namespaces).size).toBe(namespaces.length);
    const areas = (locale: "en" | "fr") =>
      filesOf(locale)
        .map((f) => f.slice(0, -`${locale}.json`.length))
        .sort();
    expect(areas("fr")).toEqual(areas("en"));
  });

  it("are served whole by loadMessages(): every area file of the folder, in both languages", async () => {
    expect(Object.keys(await loadMessages("en")).sort()).toEqual(Object.keys(en).sort());
    expect(Object.keys(await loadMessages("fr")).sort()).toEqual(Object.keys(fr).sort());
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
