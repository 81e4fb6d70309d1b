// The on-device client's events, on a small typed emitter: no Node `events` import, so it runs in browsers and at the edge.

/** What each event carries; the names are Adobe's (its SDK's `events` option takes the same keys). */
export interface OnDeviceEvents {
  /** The first artifact is in use: on-device decisions can be made from now on. */
  clientReady: undefined;
  /** A download brought a new artifact (not sent for a 304): `artifactPayload` is what you can cache yourself. */
  artifactDownloadSucceeded: { readonly artifactLocation: string; readonly artifactPayload: unknown };
  /** One download attempt failed; the last good artifact, if any, stays in use. */
  artifactDownloadFailed: { readonly artifactLocation: string; readonly error: unknown };
  /** The display notifications of an on-device decision could not be sent. */
  sendNotificationError: { readonly notification: unknown; readonly error: unknown };
  /** An IP-to-geo lookup filled in a request's geo (Adobe's undocumented event of the same name). */
  geoLocationUpdated: { readonly geoContext: unknown };
}

export type OnDeviceEventName = keyof OnDeviceEvents;

export type OnDeviceListener<E extends OnDeviceEventName> = (payload: OnDeviceEvents[E]) => void;

/** Adobe's `events` option: one listener per event name, given at creation. */
export type OnDeviceEventListeners = { readonly [E in OnDeviceEventName]?: OnDeviceListener<E> };

export interface OnDeviceEmitter {
  /** Adds a listener; returns a function that removes it. */
  on<E extends OnDeviceEventName>(event: E, listener: OnDeviceListener<E>): () => void;
  off<E extends OnDeviceEventName>(event: E, listener: OnDeviceListener<E>): void;
}

export interface Emitter extends OnDeviceEmitter {
  emit<E extends OnDeviceEventName>(event: E, payload: OnDeviceEvents[E]): void;
}

/**
 * A listener that throws must not stop the others nor the artifact lifecycle that emitted, so its error goes to
 * `report` instead.
 */
export function createEmitter(report: (error: unknown) => void): Emitter {
  const listeners = new Map<OnDeviceEventName, Set<(payload: never) => void>>();
  const off: Emitter["off"] = (event, listener) => {
    listeners.get(event)?.delete(listener);
  };
  return {
    on(event, listener) {
      let set = listeners.get(event);
      if (set === undefined) {
        set = new Set();
        listeners.set(event, set);
      }
      set.add(listener);
      return () => off(event, listener);
    },
    off,
    emit(event, payload) {
      const set = listeners.get(event);
      if (set === undefined) return;
      for (const listener of [...set]) {
        try {
          (listener as (value: typeof payload) => void)(payload);
        } catch (error) {
          report(error);
        }
      }
    },
  };
}
