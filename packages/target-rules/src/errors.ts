// The engine's typed errors. Both extend core's OfferkitError, so one `instanceof` catches everything offerkit throws.
import { OfferkitError, ValidationError } from "@offerkit/core";

export type ArtifactErrorReason = "malformed" | "unsupported-version" | "obfuscation";

/** The rules artifact cannot be used: it is malformed, has another major version, or `rules.bin` does not decode. */
export class ArtifactError extends OfferkitError {
  override name = "ArtifactError";
  declare readonly reason: ArtifactErrorReason;
  /** Dotted path of the offending field (`rules.mboxes.hero[0].condition`), or `""` for the whole artifact. */
  declare readonly field: string;

  constructor(reason: ArtifactErrorReason, field: string, message: string) {
    super(message);
    this.reason = reason;
    this.field = field;
  }
}

/** Throws `ValidationError` naming `field` unless `ok`. */
export function check(ok: boolean, field: string, allowed = "an object"): void {
  if (!ok) throw new ValidationError(field, allowed);
}
