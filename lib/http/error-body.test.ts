import { describe, expect, it } from "vitest";
import { AppError } from "../errors/app-error";
import { refusal } from "../errors/refusal";
import { toErrorResponse } from "./to-error-response";

describe("an AppError's HTTP body", () => {
  it("carries the refusal's catalogue key and values beside the code, the English message and the details", async () => {
    const error = new AppError(
      "CONFLICT",
      "Bed 02 is occupied: choose a free bed.",
      { field: "toBedId" },
      refusal("bedOccupiedMove", { bed: "02" }),
    );
    const response = toErrorResponse(error);
    expect(response.status).toBe(409);
    expect(await response.json()).toEqual({
      error: {
        code: "CONFLICT",
        message: "Bed 02 is occupied: choose a free bed.",
        field: "toBedId",
        reason: { key: "bedOccupiedMove", params: { bed: "02" } },
      },
    });
  });

  it("has no catalogue reason without one; a detail of that name gives way to it, else goes out as before", async () => {
    const plain: unknown = await toErrorResponse(new AppError("NOT_FOUND", "No unit.")).json();
    expect(plain).toEqual({ error: { code: "NOT_FOUND", message: "No unit." } });
    const audited = new AppError("FORBIDDEN", "Your role does not allow this action.", {
      action: "user.manage",
      reason: "role",
    });
    expect(await toErrorResponse(audited).json()).toEqual({
      error: {
        code: "FORBIDDEN",
        message: "Your role does not allow this action.",
        action: "user.manage",
        reason: "role",
      },
    });
    const withRefusal = new AppError(
      "FORBIDDEN",
      "Your role does not allow this action.",
      { action: "user.manage", reason: "role" },
      refusal("forbiddenRole"),
    );
    expect(await toErrorResponse(withRefusal).json()).toEqual({
      error: {
        code: "FORBIDDEN",
        message: "Your role does not allow this action.",
        action: "user.manage",
        reason: { key: "forbiddenRole" },
      },
    });
  });
});
