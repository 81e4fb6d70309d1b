// Checks of option objects: every client, per-call and retry option is checked when given, so a typo or a value of
// the wrong kind is a ValidationError naming it instead of a silently different behaviour.
import { ValidationError } from "../errors/errors.js";

/** The longest delay a timer can hold (a signed 32-bit number of ms); a larger one fires at once. */
export const MAX_TIMER_MS = 2_147_483_647;

/** Checks one option's value (never undefined); throws a `ValidationError` naming `field`. */
export type OptionCheck = (value: unknown, field: string) => void;

/**
 * Checks an options object: an object whose every own key is one of `checks`, each value passing its check.
 * Undefined values are skipped (an explicit `undefined` means "the default"). `field` is the object's own name
 * (`"options"`, `"retry"`), prefixed to each key's name unless it is `""`.
 */
export function checkOptions(value: unknown, field: string, checks: Readonly<Record<string, OptionCheck>>): void {
  if (value === undefined) return;
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new ValidationError(field || "options", "an object");
  }
  for (const key of Object.keys(value)) {
    const path = field ? `${field}.${key}` : key;
    const check = Object.hasOwn(checks, key) ? checks[key] : undefined;
    if (!check) throw new ValidationError(path, `one of the known options (${Object.keys(checks).join(", ")})`);
    const item = (value as Record<string, unknown>)[key];
    if (item !== undefined) check(item, path);
  }
}

/** `base` with more checks (mark calls `/* @__PURE__ *\/` so that an unused table leaves a bundle). */
export function withChecks(
  base: Readonly<Record<string, OptionCheck>>,
  more: Readonly<Record<string, OptionCheck>>,
): Record<string, OptionCheck> {
  return { ...base, ...more };
}

/** A number of milliseconds from `min` up to what a timer can hold (NaN and Infinity are refused). */
export function millis(min = 0): OptionCheck {
  return (value, field) => {
    if (!(typeof value === "number" && value >= min && value <= MAX_TIMER_MS)) {
      throw new ValidationError(field, `a number of milliseconds from ${min} to ${MAX_TIMER_MS}`);
    }
  };
}

/** A whole number from `min` to `max`. */
export function wholeNumber(min: number, max = Number.MAX_SAFE_INTEGER): OptionCheck {
  return (value, field) => {
    if (!(typeof value === "number" && Number.isInteger(value) && value >= min && value <= max)) {
      throw new ValidationError(field, `a whole number from ${min} to ${max}`);
    }
  };
}

/** Accepts anything: for an option the code checks elsewhere (where it is used, or with its own wording). */
export const checkedLater: OptionCheck = () => {};

/** `true` or `false`. */
export const isBooleanOption: OptionCheck = (value, field) => {
  if (typeof value !== "boolean") throw new ValidationError(field, "true or false");
};

/** A function (a `fetch`, a callback). */
export const isFunctionOption: OptionCheck = (value, field) => {
  if (typeof value !== "function") throw new ValidationError(field, "a function");
};

/** A string. */
export const isStringOption: OptionCheck = (value, field) => {
  if (typeof value !== "string") throw new ValidationError(field, "a string");
};

/** An `AbortSignal` (anything with `aborted` and `addEventListener`). */
export const isSignalOption: OptionCheck = (value, field) => {
  const signal = value as { aborted?: unknown; addEventListener?: unknown };
  if (
    typeof signal !== "object" ||
    typeof signal.aborted !== "boolean" ||
    typeof signal.addEventListener !== "function"
  ) {
    throw new ValidationError(field, "an AbortSignal");
  }
};

/**
 * An object whose methods `names`, where present, are functions. `strict` refuses other keys (a hooks object, where
 * an unknown key is a typo); a logger may be `console`, which has many more.
 */
export function methods(names: readonly string[], strict: boolean): OptionCheck {
  return (value, field) => {
    if (value === null || typeof value !== "object")
      throw new ValidationError(field, `an object with ${names.join(", ")}`);
    for (const name of strict ? Object.keys(value) : names) {
      const method = (value as Record<string, unknown>)[name];
      if (!names.includes(name)) throw new ValidationError(`${field}.${name}`, `one of ${names.join(", ")}`);
      if (method !== undefined && typeof method !== "function")
        throw new ValidationError(`${field}.${name}`, "a function");
    }
  };
}
