// The few calls of @lhncbc/ucum-lhc (NLM's UCUM library) that lib/units and the catalogue's conversion test use; the
// package ships no types.
declare module "@lhncbc/ucum-lhc" {
  interface TUcumConversion {
    status: "succeeded" | "failed" | "error";
    toVal: number | null;
    msg: string[];
  }
  interface TUcumUtils {
    convertUnitTo(
      fromUnit: string,
      fromVal: number,
      toUnit: string,
      options?: { molecularWeight?: number },
    ): TUcumConversion;
    validateUnitString(unit: string): { status: "valid" | "invalid" | "error"; msg: string[] };
  }
  const ucum: { UcumLhcUtils: { getInstance(): TUcumUtils } };
  export default ucum;
}
