// Screenshot of the first page of a Chromium started with --remote-debugging-port,
// over the Chrome DevTools Protocol. Node 20: run with --experimental-websocket
// (no npm dependency). usage: node --experimental-websocket screenshot.mjs PORT OUT.png
import fs from 'node:fs';

const [port, out] = process.argv.slice(2);
const targets = await (await fetch(`http://127.0.0.1:${port}/json/list`)).json();
const page = targets.find((t) => t.type === 'page');
if (!page) throw new Error('no page target: ' + JSON.stringify(targets));
const ws = new WebSocket(page.webSocketDebuggerUrl);
await new Promise((res, rej) => { ws.onopen = res; ws.onerror = rej; });
let id = 0;
const pending = new Map();
ws.onmessage = (m) => {
  const msg = JSON.parse(m.data);
  if (msg.id && pending.has(msg.id)) { pending.get(msg.id)(msg); pending.delete(msg.id); }
};
const send = (method, params = {}) => new Promise((res) => { pending.set(++id, res); ws.send(JSON.stringify({ id, method, params })); });
const shot = await send('Page.captureScreenshot', { format: 'png' });
if (!shot.result) throw new Error(JSON.stringify(shot));
fs.writeFileSync(out, Buffer.from(shot.result.data, 'base64'));
ws.close();
console.log(`screenshot ${out} (${fs.statSync(out).size} bytes)`);
