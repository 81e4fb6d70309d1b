export interface RecordedRequest {
  readonly method: string;
  readonly url: string;
  /** Header names lower-cased, as fetch normalises them. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/**
 * A fetch that writes down exactly what goes on the wire before passing it on to `send` as a `Request`. It takes
 * what offerkit's `fetch` option is given (`(url, init)`) and what openapi-fetch passes (a `Request`). Prism accepts
 * a wrong Content-Type and ignores unknown headers, so tests assert headers from this record, not from the mock's
 * answer.
 */
export function recordingFetch(send: (request: Request) => Promise<Response> = (request) => fetch(request)) {
  const requests: RecordedRequest[] = [];
  const recorder = async (input: Request | string | URL, init?: RequestInit): Promise<Response> => {
    const request = input instanceof Request && init === undefined ? input : new Request(input, init);
    requests.push({
      method: request.method,
      url: request.url,
      headers: Object.fromEntries(request.headers),
      body: request.body ? await request.clone().text() : "",
    });
    return send(request);
  };
  // defineProperty, not Object.assign: assign would read the getter once instead of copying it.
  return Object.defineProperties(recorder, {
    requests: { value: requests },
    last: {
      get(): RecordedRequest {
        const last = requests.at(-1);
        if (!last) throw new Error("no request was sent");
        return last;
      },
    },
  }) as typeof recorder & { readonly requests: RecordedRequest[]; readonly last: RecordedRequest };
}

/** A fetch that never touches the network: records the request and answers with `respond`. */
export function fakeFetch(respond: (request: Request) => Response | Promise<Response> = () => jsonResponse({})) {
  return recordingFetch(async (request) => respond(request));
}

export function jsonResponse(body: unknown, init: ResponseInit = {}): Response {
  return new Response(JSON.stringify(body), {
    status: 200,
    ...init,
    headers: { "content-type": "application/json", ...(init.headers as Record<string, string> | undefined) },
  });
}
