import { describe, expect, it } from "vitest";
import { parseCannulationSite } from "./cannulation-site";

describe("parseCannulationSite", () => {
  it("reads the station's words in either order", () => {
    expect(parseCannulationSite("femoral right")).toEqual({ vessel: "femoral", side: "right" });
    expect(parseCannulationSite("Left femoral")).toEqual({ vessel: "femoral", side: "left" });
    expect(parseCannulationSite("jugular")).toEqual({ vessel: "jugular", side: null });
  });

  it("leaves a person's own text alone", () => {
    expect(parseCannulationSite("femoral right, graft to the axillary")).toBeNull();
    expect(parseCannulationSite("fémorale droite")).toBeNull();
  });
});
