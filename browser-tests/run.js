'use strict';
// Opens the HTML reports in Chromium, served the way Jenkins serves build artifacts (with its Content-Security-Policy),
// and checks what a reviewer gets: the sections and counts, working anchors and filters, the stylesheet, no CSP
// violation and no script from a hostile manifest. Screenshots go to target/browser-screenshots/.
//
// Reports: the CLI jar (cli/target/k8s-security.jar, built by Maven) runs on a small sample, on a large generated
// sample and on hostile manifests; the golden report of the engine's tests shows the image, RBAC and baseline sections.
//
// Usage: node run.js   (env CHROMIUM=/usr/bin/chromium, K8S_GATE_JAR=path/to/k8s-security.jar)
const assert = require('assert');
const childProcess = require('child_process');
const fs = require('fs');
const http = require('http');
const path = require('path');
const {chromium} = require('playwright-core');
const {generate} = require('./generate-large-sample');

const ROOT = path.resolve(__dirname, '..');
const OUT = path.join(ROOT, 'target');
const REPORTS = path.join(OUT, 'browser-reports');
const SHOTS = path.join(OUT, 'browser-screenshots');
const FIXTURES = path.join(ROOT, 'src-test-fixtures/src/main/resources/fixtures');
const STYLESHEET = path.join(ROOT, 'shared-checks/src/main/resources/io/k8sgate/core/report/k8s-security-report.css');
const JAR = process.env.K8S_GATE_JAR || path.join(ROOT, 'cli/target/k8s-security.jar');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const JENKINS_CSP = "sandbox allow-same-origin; default-src 'none'; img-src 'self'; style-src 'self';";
const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'];

// ---------------------------------------------------------------------------------------------------------------
// Reports to look at

function runGate(name, sampleDir) {
  const out = path.join(REPORTS, name);
  fs.rmSync(out, {recursive: true, force: true});
  const result = childProcess.spawnSync('java', ['-jar', JAR, 'check', '--root', sampleDir,
    '--format', 'html,json,md', '--output-dir', out, '.'], {encoding: 'utf8'});
  // 0 pass, 1 gate failed, 3 input errors under fail-closed: all produce reports
  if (![0, 1, 3].includes(result.status)) {
    throw new Error(`k8s-security on ${sampleDir} exited ${result.status}: ${result.stderr}`);
  }
  return out;
}

function prepareReports() {
  fs.mkdirSync(REPORTS, {recursive: true});
  const large = path.join(OUT, 'browser-samples/large');
  generate(large, 2000);
  const dirs = {
    small: runGate('small', path.join(FIXTURES, 'samples/shop')),
    large: runGate('large', large),
    hostile: runGate('hostile', path.join(FIXTURES, 'samples/hostile')),
    golden: path.join(REPORTS, 'golden'),
    jenkins: path.join(REPORTS, 'jenkins'),
    canary: path.join(REPORTS, 'canary'),
  };
  for (const d of ['golden', 'jenkins', 'canary']) {
    fs.rmSync(dirs[d], {recursive: true, force: true});
    fs.mkdirSync(dirs[d], {recursive: true});
  }
  const golden = fs.readFileSync(path.join(FIXTURES, 'expected-reports/report.html'), 'utf8');
  fs.writeFileSync(path.join(dirs.golden, 'k8s-security-report.html'), golden);
  fs.copyFileSync(STYLESHEET, path.join(dirs.golden, 'k8s-security-report.css'));
  // A Jenkins-like build page that embeds the report fragment next to its own layout and styles.
  const fragment = golden.slice(golden.indexOf('<main>\n') + 7, golden.indexOf('</main>'));
  fs.writeFileSync(path.join(dirs.jenkins, 'index.html'), jenkinsPage(fragment));
  fs.copyFileSync(path.join(__dirname, 'jenkins-like.css'), path.join(dirs.jenkins, 'jenkins-like.css'));
  fs.copyFileSync(STYLESHEET, path.join(dirs.jenkins, 'k8s-security-report.css'));
  // A page that breaks every rule: proves that the checks below can see violations and script.
  fs.writeFileSync(path.join(dirs.canary, 'index.html'), '<!DOCTYPE html><html><head><title>canary</title>'
    + '<style>p{color:red}</style></head><body><p style="color:blue">canary</p>'
    + '<script>window.__pwned = 1; alert("canary")</script></body></html>');
  return dirs;
}

function jenkinsPage(fragment) {
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>shop #42 [Jenkins]</title>
<link rel="stylesheet" href="jenkins-like.css"><link rel="stylesheet" href="k8s-security-report.css"></head>
<body><header id="page-header"><span class="logo">Jenkins</span> <a href="#main-panel">shop</a> › #42</header>
<div id="page-body"><nav id="side-panel" aria-label="Build"><ul><li><a href="#main-panel">Status</a></li>
<li><a href="#main-panel">Console Output</a></li><li><a href="#main-panel">K8s Security Gate</a></li></ul></nav>
<main id="main-panel"><h1 id="jenkins-title">K8s Security Gate</h1>
<table id="jenkins-table"><tr><th scope="row">Build</th><td>#42</td></tr></table>
${fragment}</main></div></body></html>
`;
}

// ---------------------------------------------------------------------------------------------------------------
// The server: static files with Jenkins' headers

function serve(dirs) {
  const types = {'.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8',
    '.json': 'application/json', '.md': 'text/markdown; charset=utf-8'};
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    const [, name, ...rest] = url.pathname.split('/');
    const plain = name.endsWith('-nocsp');
    const dir = dirs[plain ? name.slice(0, -6) : name];
    const file = dir && path.resolve(dir, decodeURIComponent(rest.join('/')) || 'index.html');
    if (!file || !file.startsWith(dir + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404, {'Content-Type': 'text/plain'});
      res.end('not found');
      return;
    }
    const headers = {'Content-Type': types[path.extname(file)] || 'application/octet-stream',
      'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store'};
    if (!plain) {
      headers['Content-Security-Policy'] = JENKINS_CSP;
    }
    res.writeHead(200, headers);
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

// ---------------------------------------------------------------------------------------------------------------
// Checks

const results = [];

async function check(name, fn) {
  try {
    await fn();
    results.push({name, ok: true});
    console.log(`ok   ${name}`);
  } catch (e) {
    results.push({name, ok: false});
    console.log(`FAIL ${name}\n     ${String(e && e.stack || e).split('\n').slice(0, 4).join('\n     ')}`);
  }
}

/** Opens a page and records everything that must not happen: CSP violations, dialogs, page errors. */
async function open(browser, url, viewport = {width: 1280, height: 900}) {
  const context = await browser.newContext({viewport});
  const page = await context.newPage();
  // Once the page has loaded, the test drives it through DevTools; in a sandboxed document without allow-scripts
  // Chromium logs each of those evaluations as "Blocked script execution". Those come from the driver, not the
  // report: after load they are set aside, while every other violation still counts.
  const events = {violations: [], dialogs: [], errors: [], console: [], driven: false, driverNoise: 0};
  const violation = (text) => {
    if (events.driven && /^Blocked script execution in .* sandboxed/.test(text)) {
      events.driverNoise++;
    } else {
      events.violations.push(text);
    }
  };
  const cdp = await context.newCDPSession(page);
  cdp.on('Audits.issueAdded', ({issue}) => {
    if (issue.code === 'ContentSecurityPolicyIssue') {
      violation(JSON.stringify(issue.details.contentSecurityPolicyIssueDetails));
    }
  });
  cdp.on('Log.entryAdded', ({entry}) => {
    if (entry.source === 'security' || /Content Security Policy/i.test(entry.text)) {
      violation(entry.text);
    }
  });
  await cdp.send('Audits.enable');
  await cdp.send('Log.enable');
  page.on('console', (m) => {
    events.console.push(m.text());
    if (/Content Security Policy|Refused to|Blocked script/i.test(m.text())) violation(m.text());
  });
  page.on('dialog', (d) => {
    events.dialogs.push(d.message());
    d.dismiss().catch(() => {});
  });
  page.on('pageerror', (e) => events.errors.push(String(e)));
  const response = await page.goto(url, {waitUntil: 'load'});
  assert.strictEqual(response.status(), 200, `status of ${url}`);
  await page.waitForTimeout(150); // let late violation reports arrive
  events.driven = true;
  return {page, context, events};
}

function assertClean(events, what) {
  assert.deepStrictEqual(events.violations, [], `CSP violations on ${what}: ${events.violations.join(" | ")}`);
  assert.deepStrictEqual(events.dialogs, [], `dialogs on ${what}`);
  assert.deepStrictEqual(events.errors, [], `page errors on ${what}`);
}

async function pwned(page) {
  return page.evaluate(() => [window.__pwned, window.parent.__pwned, document.querySelectorAll('script').length]);
}

function jsonCounts(dir) {
  const report = JSON.parse(fs.readFileSync(path.join(dir, 'k8s-security-report.json'), 'utf8'));
  const counts = Object.fromEntries(SEVERITIES.map((s) => [s, 0]));
  for (const f of report.findings) {
    if (!f.suppressed) counts[f.severity.toLowerCase()]++;
  }
  return {report, counts, suppressed: report.findings.filter((f) => f.suppressed).length};
}

// The page lists at most this many findings, the most severe first (HtmlReportWriter.MAX_ROWS); the tiles count all.
const MAX_ROWS = 5000;
// Any other table, the suppressed findings' included, lists at most this many rows (HtmlReportWriter.MAX_TABLE_ROWS).
const MAX_TABLE_ROWS = 2000;

/** The rows a page shows per severity for these counts: all of them, or the most severe MAX_ROWS. */
function listed(counts) {
  let left = MAX_ROWS;
  return Object.fromEntries(SEVERITIES.map((s) => {
    const n = Math.min(counts[s], left);
    left -= n;
    return [s, n];
  }));
}

/**
 * The counts on the tiles equal the findings in the JSON report; the tables hold a row for each of them, or for the
 * most severe MAX_ROWS with a note pointing to the JSON report.
 */
async function assertCounts(page, dir) {
  const tiles = Object.fromEntries(await page.$$eval('.glance .tiles .tile', (ts) => ts.map((t) => [
    t.className.match(/tile-(\w+)/)[1], Number(t.querySelector('.tile-count').textContent)])));
  const rows = await page.evaluate((sevs) => Object.fromEntries(sevs.map((s) => [s,
    document.querySelectorAll(`tr.finding.row-${s}`).length])), SEVERITIES);
  const total = Object.values(tiles).reduce((a, b) => a + b, 0);
  assert.strictEqual(await page.locator('#k8sgate-truncated').count(), total > MAX_ROWS ? 1 : 0,
    'a note says when the page lists only the most severe findings');
  assert.deepStrictEqual(rows, listed(tiles), 'table rows = tile counts, the most severe first up to the cap');
  if (dir) {
    const {counts, suppressed} = jsonCounts(dir);
    assert.deepStrictEqual(tiles, counts, 'tile counts = unsuppressed findings of the JSON report');
    assert.strictEqual(await page.locator('#k8sgate-suppressed tbody tr').count(), Math.min(suppressed, MAX_TABLE_ROWS),
      'suppressed rows');
  }
  return rows;
}

async function assertSections(page, ids) {
  for (const id of ids) {
    assert.strictEqual(await page.locator(`#${id}`).count(), 1, `section #${id}`);
    assert.ok(await page.locator(`#${id} h2`).isVisible(), `heading of #${id} visible`);
  }
}

async function assertLinkWorks(page, link) {
  const href = await link.getAttribute('href');
  await link.click();
  await page.waitForFunction((h) => location.hash === h, href, {timeout: 3000});
  const target = page.locator(href);
  assert.ok(await target.isVisible(), `target ${href} is visible`);
  const box = await target.boundingBox();
  const viewport = page.viewportSize();
  assert.ok(box && box.y < viewport.height && box.y + box.height > 0, `target ${href} scrolled into view`);
}

async function assertStylesheetApplied(page, status) {
  const style = await page.locator('.decision').evaluate((e) => {
    const s = getComputedStyle(e);
    return {border: s.borderLeftWidth, background: s.backgroundColor, font: getComputedStyle(e.closest('.k8sgate'))
      .fontFamily};
  });
  const backgrounds = {fail: 'rgb(255, 240, 238)', warn: 'rgb(255, 248, 220)', pass: 'rgb(238, 251, 241)'};
  assert.strictEqual(style.border, '10px', 'decision banner border from the stylesheet');
  assert.strictEqual(style.background, backgrounds[status], 'decision banner colour');
  assert.match(style.font, /system-ui/, 'report font');
}

async function shot(page, name, fullPage) {
  await page.screenshot({path: path.join(SHOTS, `${name}.png`), fullPage});
}

// ---------------------------------------------------------------------------------------------------------------

async function main() {
  fs.mkdirSync(SHOTS, {recursive: true});
  const dirs = prepareReports();
  const server = await serve(dirs);
  const base = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({executablePath: CHROMIUM, args: ['--headless', '--no-sandbox',
    '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync']});
  const report = (name) => `${base}/${name}/k8s-security-report.html`;
  try {
    await check('the checks see CSP violations and script (canary page)', async () => {
      const {context, events} = await open(browser, `${base}/canary/`);
      assert.ok(events.violations.length >= 2, `violations seen: ${events.violations}`);
      assert.deepStrictEqual(events.dialogs, [], 'the CSP stops the canary script');
      await context.close();
      const plain = await open(browser, `${base}/canary-nocsp/`);
      assert.deepStrictEqual(plain.events.dialogs, ['canary'], 'without the CSP the canary script runs');
      await plain.context.close();
    });

    await check('small report: sections, counts, decision, stylesheet, no CSP violation', async () => {
      const {page, context, events} = await open(browser, report('small'));
      assertClean(events, 'small report');
      await assertSections(page, ['k8sgate-summary', 'k8sgate-findings', 'k8sgate-suppressed',
        'k8sgate-diagnostics', 'k8sgate-inputs']);
      const {report: json} = jsonCounts(dirs.small);
      assert.strictEqual(await page.locator('.verdict').textContent(), json.decision.status);
      assert.strictEqual(await page.title(), `${json.decision.status} · K8s Security Gate report`);
      const rows = await assertCounts(page, dirs.small);
      assert.ok(rows.critical >= 2, 'the privileged containers are listed');
      // The Helm values file in the sample is no Kubernetes object: it is listed as skipped, not as an input error
      assert.match(await page.locator('#k8sgate-diagnostics').textContent(), /Every input was read/);
      const skipped = page.locator('#k8sgate-inputs table.skipped tbody tr');
      assert.strictEqual(await skipped.count(), json.inputs.skipped.length, 'one row per skipped document');
      assert.ok(await skipped.first().isVisible(), 'skipped inputs shown');
      assert.match(await skipped.first().textContent(), /values\.yaml:2/);
      await assertStylesheetApplied(page, json.decision.status.toLowerCase());
      await shot(page, 'small-report-top', false);
      await shot(page, 'small-report-full', true);
      await context.close();
    });

    await check('small report: table of contents links move to visible sections', async () => {
      const {page, context, events} = await open(browser, report('small'));
      const links = page.locator('nav.toc a');
      const n = await links.count();
      assert.ok(n >= 4, 'toc entries');
      for (let i = n - 1; i >= 0; i--) {
        await assertLinkWorks(page, links.nth(i));
      }
      await assertLinkWorks(page, page.locator('.decision .decisive a').first());
      assertClean(events, 'small report after navigation');
      await context.close();
    });

    await check('small report: severity filter by anchor hides other severities and comes back', async () => {
      const {page, context, events} = await open(browser, report('small'));
      const tile = page.locator('.tile-critical a');
      await assertLinkWorks(page, tile);
      assert.ok(await page.locator('#k8sgate-only-critical').isVisible(), 'filter notice visible');
      assert.ok(await page.locator('tr.row-critical').first().isVisible(), 'critical rows stay');
      await page.locator('#k8sgate-only-critical a').click();
      await page.waitForFunction(() => location.hash === '#k8sgate-findings');
      assert.ok(!(await page.locator('#k8sgate-only-critical').isVisible()), 'filter notice gone after Show all');
      assertClean(events, 'small report filters');
      await context.close();
    });

    await check('large report (2,000 resources): counts, collapsed groups, filters, deep links', async () => {
      const {page, context, events} = await open(browser, report('large'));
      assertClean(events, 'large report');
      const {report: json} = jsonCounts(dirs.large);
      assert.strictEqual(json.summary.resources, 2000, 'resources in the JSON report');
      assert.match(await page.locator('.facts').textContent(), /^2000 resources in 40 files/);
      const rows = await assertCounts(page, dirs.large);
      const groups = page.locator('#k8sgate-findings details.group');
      const total = await groups.count();
      const openGroups = await page.locator('#k8sgate-findings details.group[open]').count();
      assert.ok(total > openGroups, `some of ${total} groups start collapsed (${openGroups} open)`);
      await shot(page, 'large-report-top', false);
      // a blocking finding in a collapsed group: following its link opens the group
      const last = page.locator('.decision .decisive li:not(.more) a').last();
      const href = await last.getAttribute('href');
      await page.locator(`${href}`).evaluate((row) => row.closest('details').removeAttribute('open'));
      await assertLinkWorks(page, last);
      // filter to the most frequent severity with rows, then back
      const sev = SEVERITIES.find((s) => rows[s] > 0);
      await assertLinkWorks(page, page.locator(`.filters a.filter-${sev}`));
      const other = SEVERITIES.find((s) => s !== sev && rows[s] > 0);
      if (other) {
        assert.ok(!(await page.locator(`tr.row-${other}`).first().isVisible()), `${other} rows hidden`);
      }
      await shot(page, `large-report-filtered-${sev}`, false);
      assertClean(events, 'large report after navigation');
      await context.close();
    });

    for (const served of ['hostile', 'hostile-nocsp']) {
      await check(`hostile manifests (${served === 'hostile' ? 'with' : 'WITHOUT'} the CSP): nothing runs, `
        + 'values shown as text', async () => {
        const {page, context, events} = await open(browser, report(served));
        assert.deepStrictEqual(events.dialogs, [], 'no dialog');
        assert.deepStrictEqual(events.errors, [], 'no page error');
        if (served === 'hostile') assert.deepStrictEqual(events.violations, [], 'no CSP violation');
        assert.deepStrictEqual(await pwned(page), [undefined, undefined, 0], 'no injected script ran');
        assert.strictEqual(await page.locator('.k8sgate img, .k8sgate svg, .k8sgate iframe, .k8sgate textarea')
          .count(), 0, 'no injected element');
        const text = await page.locator('.k8sgate').textContent();
        for (const payload of ['<script>window.__pwned=1;alert(1)</script>',
          'x"><script>window.__pwned=5</script>', 'invoice-RLO[U+202E]fdp.exe']) {
          assert.ok(text.includes(payload), `shown as text: ${payload}`);
        }
        for (const secret of ['hunter2', 'aHVudGVyMg==', 's3cr3t-t0ken-value']) {
          assert.ok(!text.includes(secret), `secret value ${secret} not shown`);
        }
        await page.locator('#k8sgate-suppressed summary').click();
        await page.locator('#k8sgate-findings details summary').first().click();
        await page.mouse.move(300, 300);
        await page.waitForTimeout(100);
        assert.deepStrictEqual(events.dialogs, [], 'no dialog after interaction');
        if (served === 'hostile') await shot(page, 'hostile-report', true);
        await context.close();
      });
    }

    await check('golden report: baseline, images and RBAC sections with their numbers', async () => {
      const {page, context, events} = await open(browser, report('golden'));
      assertClean(events, 'golden report');
      await assertSections(page, ['k8sgate-summary', 'k8sgate-baseline', 'k8sgate-findings', 'k8sgate-images',
        'k8sgate-rbac', 'k8sgate-suppressed', 'k8sgate-diagnostics']);
      await assertCounts(page);
      assert.deepStrictEqual(await page.locator('#k8sgate-baseline .tile').allInnerTexts()
        .then((ts) => ts.map((t) => t.replace(/\s+/g, ' '))), ['4 new', '7 outstanding', '2 fixed', '4 changes']);
      assert.strictEqual(await page.locator('#k8sgate-images table.vulns tbody tr').count(), 3, 'vulnerability rows');
      assert.strictEqual(await page.locator('#k8sgate-images table.workloads tbody tr').count(), 2,
        'one row per workload that runs a vulnerable image');
      assert.deepStrictEqual(await page.locator('#k8sgate-rbac details.group').nth(1).locator('.path-steps li')
        .count(), 5, 'escalation steps');
      for (const link of await page.locator('nav.toc a').all()) {
        await assertLinkWorks(page, link);
      }
      await page.evaluate(() => window.scrollTo(0, 0));
      await shot(page, 'golden-report-top', false);
      await shot(page, 'golden-report-full', true);
      assertClean(events, 'golden report after navigation');
      await context.close();
    });

    await check('accessibility: landmarks, heading levels, text labels on every colour', async () => {
      const {page, context} = await open(browser, report('golden'));
      const tree = await page.locator('body').ariaSnapshot();
      for (const expected of ['- main', '- navigation "Report contents"', '- navigation "Filter findings by severity"',
        'heading "FAIL the gate failed: do not deploy" [level=1]', '- heading "At a glance" [level=2]',
        '- region "Vulnerabilities by image"', '- region "Risky RBAC subjects"', '- columnheader "Severity"']) {
        assert.ok(tree.includes(expected), `accessibility tree has ${expected}`);
      }
      const labels = await page.locator('.sev, .level, .change, .badge').allTextContents();
      assert.ok(labels.length > 20 && labels.every((t) => /^(CRITICAL|HIGH|MEDIUM|LOW|INFO|ERROR|WARNING|NEW|FIXED|ADDED|REMOVED|CHANGED|\d+ NEW)$/.test(t.trim())),
        'every coloured label carries its word');
      await context.close();
    });

    await check('print: navigation hidden, collapsed sections printed open', async () => {
      const {page, context} = await open(browser, report('golden'));
      await page.emulateMedia({media: 'print'});
      assert.ok(!(await page.locator('nav.toc').isVisible()), 'toc hidden in print');
      assert.ok(!(await page.locator('nav.filters').isVisible()), 'filters hidden in print');
      assert.ok(await page.locator('#k8sgate-suppressed details:not([open]) table').isVisible(),
        'collapsed suppressed findings printed');
      await context.close();
    });

    await check('embedded in a Jenkins-like page: report styled, page styles untouched, anchors work', async () => {
      const {page, context, events} = await open(browser, `${base}/jenkins/`, {width: 1400, height: 900});
      assertClean(events, 'Jenkins page');
      await assertStylesheetApplied(page, 'fail');
      const own = await page.evaluate(() => ({
        title: getComputedStyle(document.getElementById('jenkins-title')).fontFamily,
        cell: getComputedStyle(document.querySelector('#jenkins-table td')).borderTopWidth,
        panel: getComputedStyle(document.getElementById('side-panel')).width,
      }));
      assert.match(own.title, /Georgia/, 'the page keeps its own heading font');
      assert.strictEqual(own.cell, '0px', 'the page keeps its own table style');
      assert.strictEqual(own.panel, '220px', 'the page keeps its layout');
      await assertLinkWorks(page, page.locator('.k8sgate .tile-critical a'));
      await assertLinkWorks(page, page.locator('.k8sgate nav.toc a').last());
      await page.evaluate(() => window.scrollTo(0, 0));
      await shot(page, 'jenkins-embedded', false);
      await context.close();
    });
  } finally {
    await browser.close();
    server.close();
  }
  const failed = results.filter((r) => !r.ok).length;
  console.log(`\nScreenshots: ${path.relative(ROOT, SHOTS)}/`);
  console.log(`${results.length - failed} passed, ${failed} failed`);
  process.exitCode = failed ? 1 : 0;
}

main().catch((e) => {
  console.log(String(e && e.stack || e));
  console.log(`${results.filter((r) => r.ok).length} passed, ${results.filter((r) => !r.ok).length + 1} failed`);
  process.exitCode = 1;
});
