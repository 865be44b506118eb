import { ZEnvBoolean } from "../../env/env-boolean";

const ZDemo = ZEnvBoolean.default(true);

/**
 * Whether this station runs as a demo (DEMO, validated at start-up by server/env.ts with the same default): the
 * sign-in page then shows the DEMO banner and the demo accounts. Outside demo mode it shows neither.
 */
export function isDemoMode(): boolean {
  return ZDemo.catch(false).parse(process.env.DEMO);
}
