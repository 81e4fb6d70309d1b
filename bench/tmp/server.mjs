import http from "node:http";
import { deliveryResponse } from "../lib/payloads.mjs";

const body = JSON.stringify(deliveryResponse);
const server = http.createServer((req, res) => {
  req.resume();
  req.on("end", () => res.writeHead(200, { "content-type": "application/json" }).end(body));
});
server.keepAliveTimeout = 60000;
server.listen(0, "127.0.0.1", () => console.log(server.address().port));
