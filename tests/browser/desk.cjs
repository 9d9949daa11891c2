// Drives Debian's Chromium (headless, through puppeteer-core) through the
// service's desk as an officer: signs in with a token, opens the inbox,
// opens a case and takes it through its buttons — the branches named by
// the document's words given on the command line — to its end, with a
// screenshot of each page. Prints what it saw as JSON. Used by
// server/tests/it/browser.rs; nothing is fetched from any network but the
// service on the loopback.
//
// node desk.cjs CHROMIUM BASE_URL TOKEN CASE SHOTS_DIR WORDS_JSON
const puppeteer = require("puppeteer-core");
const path = require("path");

const [chromium, base, token, caseId, shots, wordsJson] = process.argv.slice(2);
const words = JSON.parse(wordsJson);

(async () => {
  const browser = await puppeteer.launch({
    executablePath: chromium,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
           "--disable-component-update", "--disable-sync", "--disable-extensions"],
  });
  const seen = { pages: [], clicked: [] };
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    const shot = async (name) => {
      await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });
      seen.pages.push({ name, url: page.url(), title: await page.title() });
    };
    await page.goto(`${base}/desk/login`, { waitUntil: "load" });
    await shot("desk-login");
    await page.type("#token", token);
    await Promise.all([page.waitForNavigation({ waitUntil: "load" }), page.click("#sign-in")]);
    await shot("desk-inbox");
    seen.inbox = await page.$$eval("#tasks tr[data-case]", (rows) => rows.map((r) => ({
      case: r.getAttribute("data-case"), overdue: r.classList.contains("overdue"), text: r.innerText })));
    await Promise.all([page.waitForNavigation({ waitUntil: "load" }), page.click(`#case-${caseId}`)]);
    await shot("desk-case");
    for (let step = 0; step < 20; step++) {
      const buttons = await page.$$eval("button.next", (bs) => bs.map((b) => ({ to: b.getAttribute("data-to"), text: b.innerText })));
      if (buttons.length === 0) break;
      // A branch named by the document's words, else the only way on, else the end.
      const wanted = buttons.find((b) => words.some((w) => b.text.startsWith(w))) || (buttons.length === 1 ? buttons[0] : null);
      if (!wanted) throw new Error(`no button to take among ${JSON.stringify(buttons)}`);
      seen.clicked.push(wanted.text);
      await Promise.all([page.waitForNavigation({ waitUntil: "load" }), page.click(`button.next[data-to="${wanted.to}"]`)]);
      if (wanted.to === "end" || step === 1) await shot(wanted.to === "end" ? "desk-case-finished" : "desk-case-branch");
    }
    seen.status = await page.$eval("#status", (e) => e.innerText);
    seen.error = await page.$eval("#error", (e) => e.innerText).catch(() => null);
  } finally {
    await browser.close();
  }
  console.log(JSON.stringify(seen));
})().catch((err) => {
  console.error(String(err && err.stack || err));
  process.exit(1);
});
