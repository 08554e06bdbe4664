// End-to-end: the real `nianbao serve` and its page in headless Chromium
// (Debian's /usr/bin/chromium driven by playwright-core; no downloaded
// browser). Usage: node test/browser.mjs [path/to/nianbao] [screenshot.png]
import { chromium } from "playwright-core";
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createInterface } from "node:readline";

const root = resolve(import.meta.dirname, "../../..");
const bin = process.argv[2] || process.env.NIANBAO || join(root, "target/debug/nianbao");
const shot = process.argv[3];
const example = join(root, "examples/xiaye-2025-draft.txt");

let passed = 0;
let failed = 0;
async function step(name, f) {
  try {
    await f();
    passed++;
    console.log(`ok - ${name}`);
  } catch (e) {
    failed++;
    console.log(`not ok - ${name}\n  ${String(e.stack || e).split("\n").join("\n  ")}`);
  }
}
function assert(cond, msg) {
  if (!cond) throw new Error(msg);
}

// `check` exits 1 when it finds something: the JSON is what counts
const expected = JSON.parse(spawnSync(bin, ["check", "--format", "json", example], { encoding: "utf8" }).stdout).files[0].diagnostics;
assert(expected.length > 0, "the example draft has findings");

const server = spawn(bin, ["serve", "--port", "0", "--no-open"], { stdio: ["ignore", "pipe", "inherit"] });
const url = await new Promise((ok, fail) => {
  createInterface({ input: server.stdout }).once("line", ok);
  server.once("exit", (c) => fail(new Error(`nianbao serve exited with ${c}`)));
});
const profile = mkdtempSync(join(tmpdir(), "nianbao-chromium-"));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  viewport: { width: 1400, height: 900 },
});
const page = context.pages()[0] || (await context.newPage());
const pageErrors = [];
page.on("pageerror", (e) => pageErrors.push(String(e)));
const doc = () => page.evaluate(() => window.nianbao.view.state.doc.toString());
const panel = () => page.$$eval("#findings li.finding", (els) => els.map((e) => ({ line: +e.dataset.line, text: e.textContent })));
const timeout = 20000;

try {
  await step("the page at /#example shows every finding of `nianbao check`", async () => {
    await page.goto(url + "#example");
    await page.waitForFunction((n) => document.querySelectorAll("#findings li.finding").length === n, expected.length, { timeout });
    const shown = await panel();
    for (const d of expected) {
      assert(shown.some((s) => s.line === d.line && s.text.includes(d.message) && s.text.includes(d.rule)), `not in the panel: ${d.line} ${d.message}`);
    }
    assert((await page.textContent("#summary")).includes(`共 ${expected.length} 处问题`), "summary");
    assert((await page.$$(".cm-lintRange-error")).length > 0, "no underline in the editor");
    if (shot) await page.screenshot({ path: shot });
  });

  await step("a click on a finding puts the cursor on its line", async () => {
    const last = expected[expected.length - 1];
    await page.click(`#findings li.finding[data-line="${last.line}"]`);
    const line = await page.evaluate(() => {
      const v = window.nianbao.view;
      return v.state.doc.lineAt(v.state.selection.main.head).number;
    });
    assert(line === last.line, `cursor on line ${line}, not ${last.line}`);
  });

  await step("hovering a table cell shows the server's explanation", async () => {
    const d = expected.find((x) => x.rule === "table/row-width");
    const box = await page.evaluate((line) => {
      const v = window.nianbao.view;
      const l = v.state.doc.line(line);
      const c = v.coordsAtPos(l.to - 1);
      return { x: c.left + 2, y: (c.top + c.bottom) / 2 };
    }, d.line);
    await page.mouse.move(box.x, box.y);
    await page.waitForSelector(".cm-tooltip-hover", { timeout });
    const text = await page.textContent(".cm-tooltip-hover");
    assert(text.trim().length > 0, "empty hover");
  });

  await step("the table-三 quick fix rebuilds the table and its findings clear", async () => {
    const d = expected.find((x) => x.rule === "table/missing-column");
    await page.click(`#findings li.finding[data-line="${d.line}"] button.fix`);
    await page.waitForSelector("#menu button.action", { timeout });
    const titles = await page.$$eval("#menu button.action", (b) => b.map((x) => x.textContent));
    assert(titles.includes("补上“总计”列并填入合计"), `actions: ${titles}`);
    // a row of the table offers the whole table's rebuild
    const row = expected.find((x) => x.rule === "table/row-width");
    await page.click(`#findings li.finding[data-line="${row.line}"] button.fix`);
    await page.click('#menu button.action:text-is("替换为标准表三（保留已有数字）")', { timeout });
    await page.waitForFunction(() => !document.querySelector("#findings li.finding") || ![...document.querySelectorAll("#findings li.finding")].some((e) => e.textContent.includes("表三")), null, { timeout });
    const left = await panel();
    const others = expected.filter((x) => !x.message.includes("表三"));
    assert(left.length === others.length, `left ${left.length}: ${JSON.stringify(left)}`);
    assert((await doc()).includes("总计"), "no 总计 column in the rebuilt table");
  });

  await step("pasting HTML with a table inserts TAB rows", async () => {
    await page.evaluate(() => {
      const v = window.nianbao.view;
      v.dispatch({ selection: { anchor: v.state.doc.length } });
      v.focus();
      const dt = new DataTransfer();
      dt.setData("text/html", "<html><body><!--StartFragment--><p>附表</p><table><tr><td>甲</td><td>1</td></tr><tr><td>乙</td><td>2</td></tr></table><!--EndFragment--></body></html>");
      dt.setData("text/plain", "甲 1 乙 2");
      v.contentDOM.dispatchEvent(new ClipboardEvent("paste", { clipboardData: dt, bubbles: true, cancelable: true }));
    });
    await page.waitForFunction(() => window.nianbao.view.state.doc.toString().includes("甲\t1\n乙\t2"), null, { timeout });
    const text = await doc();
    assert(text.includes("附表") && !text.includes("甲 1 乙 2") && !text.includes("<td>"), "pasted wrong");
  });

  await step("opening a one-line .html page of the example gives its findings", async () => {
    // a published page's shape: navigation, a script, the body on one line
    const text = readFileSync(example, "utf8");
    const esc = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");
    let body = "";
    let rows = [];
    const flush = () => {
      if (rows.length) body += "<table>" + rows.map((r) => "<tr>" + r.split("\t").map((c) => `<td>${esc(c)}</td>`).join("") + "</tr>").join("") + "</table>";
      rows = [];
    };
    for (const line of text.split("\n")) {
      if (line.includes("\t")) rows.push(line);
      else {
        flush();
        if (line.trim()) body += `<p>${esc(line)}</p>`;
      }
    }
    flush();
    const html = `<!doctype html><html><head><meta charset="utf-8"><script>var a=1;</script></head><body><nav><a href="/">首页</a></nav>${body}</body></html>`;
    await page.setInputFiles("#file", { name: "年报.html", mimeType: "text/html", buffer: Buffer.from(html) });
    await page.waitForFunction((n) => document.querySelectorAll("#findings li.finding").length === n, expected.length, { timeout });
    const shown = await panel();
    for (const d of expected) assert(shown.some((s) => s.text.includes(d.message)), `missing after open: ${d.message}`);
    assert(!(await doc()).includes("var a"), "the script was read as text");
  });

  await step("a file the page cannot open says so in Chinese", async () => {
    await page.setInputFiles("#file", { name: "报告.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4") });
    await page.waitForFunction(() => document.querySelector("#status").textContent.includes("只支持"), null, { timeout });
  });

  await step("the page raised no script errors", async () => {
    assert(pageErrors.length === 0, pageErrors.join("\n"));
  });
} finally {
  await context.close();
  server.kill();
  rmSync(profile, { recursive: true, force: true });
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
