// Plain TCP connections to the mocks' servers that send nothing, as a browser's preconnect does. Whether a stopped
// server let go is read from such connections closing, not from its port refusing: a freed port may be bound at once
// by another test's server.
import { once } from "node:events";
import { connect, type Socket } from "node:net";

/** A connection to `url`'s server that sends nothing. */
export async function idleConnection(url: string): Promise<Socket> {
  const { hostname, port } = new URL(url);
  const socket = connect({ host: hostname, port: Number(port) });
  await once(socket, "connect");
  socket.on("error", () => {}); // a reset is one way of being closed
  return socket;
}

/** Every connection was closed by its server within 10 s; `urls[i]` names the server of `sockets[i]`. */
export async function allClosed(sockets: readonly Socket[], urls: readonly string[]): Promise<void> {
  await Promise.all(
    sockets.map(async (socket, i) => {
      if (socket.closed) return;
      const timer = setTimeout(() => socket.destroy(new Error("open")), 10_000);
      const [hadError] = await once(socket, "close");
      clearTimeout(timer);
      if (socket.errored?.message === "open") {
        throw new Error(`${urls[i]} still holds its connection after it stopped (hadError ${hadError})`);
      }
    }),
  );
}
