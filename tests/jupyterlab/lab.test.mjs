// gokernel in JupyterLab 4.6: the test page of this folder (JupyterLab's own
// notebook components), served by Debian's jupyter_server with the
// installed gokernel kernelspec, driven in headless Chromium by Playwright
// like a user: toolbar buttons, keys, typing. Run by ./test.sh:
//
//   GOKERNEL_BIN=/path/to/gokernel GOKERNEL_LAB_BUILD=/path/to/build \
//     node --test tests/jupyterlab/lab.test.mjs
//
// Screenshots of the rendered notebooks are written to tests/output/jupyterlab
// (GOKERNEL_LAB_OUTPUT to change it); on a failure the server log is printed.

import { test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..', '..');
const BUILD = process.env.GOKERNEL_LAB_BUILD || path.join(HERE, 'build');
const OUT = process.env.GOKERNEL_LAB_OUTPUT || path.join(ROOT, 'tests', 'output', 'jupyterlab');
const GOKERNEL = process.env.GOKERNEL_BIN;
const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'];

let work, server, serverLog, port, browser;
// The kernel's pictures: an <img> of the SVG as the bundle's text/html.
const SVG_IMG = '.jp-RenderedHTMLCommon img[src^="data:image/svg+xml;base64,"]';
const token = Math.random().toString(16).slice(2);
const problems = []; // console errors and page errors, per page

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => resolve(p)); });
    s.on('error', reject);
  });
}

async function waitFor(fn, timeoutMs, what) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise(r => setTimeout(r, 200));
  }
}

function writeNotebook(name, cells) {
  const nb = {
    nbformat: 4, nbformat_minor: 5,
    metadata: { kernelspec: { name: 'gokernel', display_name: 'Go (gokernel)', language: 'go' } },
    cells: cells.map(([type, source], i) => type === 'markdown'
      ? { id: `c${i}`, cell_type: 'markdown', metadata: {}, source }
      : { id: `c${i}`, cell_type: 'code', metadata: {}, source, outputs: [], execution_count: null })
  };
  fs.writeFileSync(path.join(work, 'nb', name), JSON.stringify(nb));
}

before(async () => {
  assert.ok(GOKERNEL && fs.existsSync(GOKERNEL), 'set GOKERNEL_BIN to the gokernel binary (./test.sh does)');
  assert.ok(fs.existsSync(path.join(BUILD, 'bundle.js')), `the page is not built in ${BUILD} (./test.sh builds it)`);
  fs.mkdirSync(OUT, { recursive: true });
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'gokernel-lab-'));
  for (const d of ['nb', 'data', 'config', 'runtime']) fs.mkdirSync(path.join(work, d));
  const env = { ...process.env, JUPYTER_DATA_DIR: path.join(work, 'data'), JUPYTER_CONFIG_DIR: path.join(work, 'config'),
    JUPYTER_RUNTIME_DIR: path.join(work, 'runtime') };
  execFileSync(GOKERNEL, ['install'], { env });
  // The teaching notebooks, without their stored outputs (the page shows what this run produces).
  for (const f of fs.readdirSync(path.join(ROOT, 'notebooks')).filter(f => /^\d\d_.*\.ipynb$/.test(f))) {
    const nb = JSON.parse(fs.readFileSync(path.join(ROOT, 'notebooks', f), 'utf8'));
    for (const c of nb.cells) if (c.cell_type === 'code') { c.outputs = []; c.execution_count = null; }
    fs.writeFileSync(path.join(work, 'nb', f), JSON.stringify(nb));
  }
  port = await freePort();
  serverLog = path.join(work, 'server.log');
  const log = fs.openSync(serverLog, 'w');
  server = spawn('/usr/bin/python3', [path.join(HERE, 'server.py'), `--build-dir=${BUILD}`, '--no-browser', '--allow-root',
    '--ip=127.0.0.1', `--port=${port}`, '--port-retries=0', `--ServerApp.token=${token}`, '--ServerApp.password=',
    `--ServerApp.root_dir=${path.join(work, 'nb')}`], { env, stdio: ['ignore', log, log], detached: true });
  await waitFor(async () => {
    if (server.exitCode !== null) throw new Error('the server exited:\n' + fs.readFileSync(serverLog, 'utf8'));
    try { return (await fetch(`http://127.0.0.1:${port}/api/status?token=${token}`)).ok; } catch { return false; }
  }, 45000, 'jupyter_server');
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_FLAGS });
});

after(async () => {
  if (browser) await browser.close();
  if (server && server.exitCode === null) {
    // SIGTERM to the server's process group: the server shuts its kernels down.
    try { process.kill(-server.pid, 'SIGTERM'); } catch {}
    await waitFor(() => server.exitCode !== null || server.signalCode !== null, 20000, 'the server to stop').catch(() => {
      try { process.kill(-server.pid, 'SIGKILL'); } catch {}
    });
  }
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

afterEach(t => {
  if (problems.length || t.error) {
    console.log(`--- server log (${serverLog}) ---\n` + fs.readFileSync(serverLog, 'utf8').slice(-4000));
  }
});

// Opens the notebook in a new page; resolves when its kernel is ready.
async function open(name) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  const mine = [];
  page.on('console', m => { if (m.type() === 'error') mine.push('console error: ' + m.text()); });
  page.on('pageerror', e => mine.push('page error: ' + e.message));
  page.problems = mine;
  await page.goto(`http://127.0.0.1:${port}/gokernel-lab?path=${encodeURIComponent(name)}&token=${token}`);
  await page.waitForSelector('body[data-gk-ready="true"], body[data-gk-error]', { timeout: 60000 });
  const err = await page.evaluate(() => document.body.dataset.gkError);
  assert.equal(err, undefined, 'the page failed to start');
  await kernelIdle(page, 60000);
  return page;
}

function kernelStatus(page) {
  return page.evaluate(() => {
    const s = window.gokernelLab.panel.sessionContext;
    return s.session && s.session.kernel ? s.session.kernel.status : 'none';
  });
}

async function kernelIdle(page, timeoutMs = 30000) {
  let last = '';
  await waitFor(async () => (last = await kernelStatus(page)) === 'idle', timeoutMs, 'an idle kernel')
    .catch(e => { throw new Error(`${e.message} (the page shows the kernel as ${last})`); });
}

// What the user sees of each cell: prompt, output texts and classes.
function cells(page) {
  return page.evaluate(() => Array.from(document.querySelectorAll('.jp-Notebook .jp-Cell')).map(c => ({
    code: c.classList.contains('jp-CodeCell'),
    prompt: (c.querySelector('.jp-InputPrompt') || {}).innerText || '',
    outputs: Array.from(c.querySelectorAll('.jp-OutputArea-child')).map(o => ({
      prompt: (o.querySelector('.jp-OutputPrompt') || {}).innerText || '',
      mime: o.querySelector('.jp-OutputArea-output') ? o.querySelector('.jp-OutputArea-output').dataset.mimeType || '' : '',
      text: o.querySelector('.jp-OutputArea-output') ? o.querySelector('.jp-OutputArea-output').innerText : ''
    })),
    errorOutput: c.querySelectorAll('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]').length
  })));
}

// Error outputs of the notebook's model (the cells' output_type "error").
function modelErrors(page) {
  return page.evaluate(() => {
    const errs = [];
    const cells = window.gokernelLab.panel.model.cells;
    for (let i = 0; i < cells.length; i++) {
      const c = cells.get(i);
      // A cell tagged raises-exception fails on purpose (08's deadlock report).
      if (c.type !== 'code' || (c.getMetadata('tags') || []).includes('raises-exception')) continue;
      for (let j = 0; j < c.outputs.length; j++) {
        const o = c.outputs.get(j).toJSON();
        if (o.output_type === 'error') errs.push(`cell ${i + 1}: ${o.ename}: ${o.evalue}`);
      }
    }
    return errs;
  });
}

async function runAll(page, timeoutMs) {
  await page.click('.gk-run-all');
  // The model's execution counts, not the prompts on screen: a cell whose
  // input is collapsed (the workshop's solutions) shows no prompt.
  await waitFor(async () => {
    const counted = await page.evaluate(() => {
      const cells = window.gokernelLab.panel.model.cells;
      for (let i = 0; i < cells.length; i++) {
        const c = cells.get(i);
        if (c.type === 'code' && !(c.executionCount > 0)) return false;
      }
      return true;
    });
    return counted && (await kernelStatus(page)) === 'idle';
  }, timeoutMs, 'every cell to have run');
}

async function shot(page, name) {
  await page.screenshot({ path: path.join(OUT, name), fullPage: false });
}

// Keeps a screenshot of a failing page and says where, with its console.
async function failed(page, e) {
  const file = path.join(OUT, `FAILED-${Date.now()}.png`);
  await page.screenshot({ path: file, fullPage: true }).catch(() => {});
  e.message += `\nscreenshot: ${file}\nbrowser console errors: ${JSON.stringify(page.problems)}`;
  throw e;
}

// colourCounts takes a screenshot of locator and counts, in the browser (a
// canvas decodes the PNG), the pixels within 12 of each colour ("#rrggbb").
async function colourCounts(page, locator, colours) {
  const png = (await locator.screenshot()).toString('base64');
  return page.evaluate(async ({ png, colours }) => {
    const img = new Image();
    img.src = 'data:image/png;base64,' + png;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.naturalWidth;
    c.height = img.naturalHeight;
    const ctx = c.getContext('2d');
    ctx.drawImage(img, 0, 0);
    const d = ctx.getImageData(0, 0, c.width, c.height).data;
    const want = colours.map(h => [1, 3, 5].map(i => parseInt(h.slice(i, i + 2), 16)));
    const counts = want.map(() => 0);
    for (let i = 0; i < d.length; i += 4) {
      want.forEach((w, k) => {
        if (Math.abs(d[i] - w[0]) <= 12 && Math.abs(d[i + 1] - w[1]) <= 12 && Math.abs(d[i + 2] - w[2]) <= 12) counts[k]++;
      });
    }
    return Object.fromEntries(colours.map((h, k) => [h, counts[k]]));
  }, { png, colours });
}

function noProblems(page) {
  assert.deepEqual(page.problems, [], 'browser console errors');
}

// --- the teaching notebooks ---------------------------------------------------

test('every teaching notebook runs top to bottom in JupyterLab without an error', async t => {
  const names = fs.readdirSync(path.join(work, 'nb')).filter(f => /^\d\d_.*\.ipynb$/.test(f)).sort();
  assert.ok(names.length >= 10, names.join(' '));
  for (const name of names) {
    await t.test(name, async () => {
      const t0 = Date.now();
      const page = await open(name);
      try {
        await runAll(page, 600000);
        assert.deepEqual(await modelErrors(page), [], 'error outputs');
        const cs = await cells(page);
        assert.ok(cs.some(c => c.outputs.length > 0), 'the notebook shows output');
        assert.ok(await page.locator(SVG_IMG).count() > 0, 'an SVG chart');
        await page.evaluate(() => window.scrollTo(0, 0));
        await shot(page, name.replace('.ipynb', '.png'));
        noProblems(page);
        console.log(`${name}: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
      } catch (e) {
        await failed(page, e);
      } finally {
        await page.close();
      }
    });
  }
});

// --- what each kind of output looks like ------------------------------------

test('streams, Out[n], HTML table, Markdown, PNG, SVG timeline, progress bar and clear_output render', async () => {
  writeNotebook('outputs.ipynb', [
    ['markdown', '# Outputs\n\nA *Markdown* cell with `code`.'],
    ['code', 'fmt.Println("to stdout")\nfmt.Fprintln(os.Stderr, "to stderr")'],
    ['code', '6 * 7'],
    ['code', 'import "gokernel/display"\n\ndisplay.Table([]string{"worker", "jobs"}, [][]string{{"a", "3"}, {"b", "12"}})'],
    ['code', 'display.Markdown("**bold** and a [link](https://go.dev)")'],
    ['code', 'import (\n\t"bytes"\n\t"image"\n\t"image/color"\n\t"image/png"\n)\n\nimg := image.NewRGBA(image.Rect(0, 0, 40, 20))\n' +
      'for x := 0; x < 40; x++ { for y := 0; y < 20; y++ { img.Set(x, y, color.RGBA{0, 128, 255, 255}) } }\n' +
      'var buf bytes.Buffer\npng.Encode(&buf, img)\ndisplay.PNG(buf.Bytes())'],
    ['code', 'tl := display.NewTimeline("two workers")\nt0 := time.Now()\ntl.Span("worker A", t0, t0.Add(30*time.Millisecond), "fetch")\n' +
      'tl.Span("worker B", t0.Add(10*time.Millisecond), t0.Add(45*time.Millisecond), "parse")\ntl.Show()'],
    ['code', 'p := display.NewProgress(30, "steps")\nfor i := 0; i < 30; i++ { time.Sleep(100 * time.Millisecond); p.Add(1) }\np.Done()'],
    ['code', 'fmt.Println("this line is cleared")\ndisplay.Clear(false)\nfmt.Println("after clear")']
  ]);
  const page = await open('outputs.ipynb');
  try {
    await page.click('.gk-run-all');
    // The progress bar: one output that changes while the cell runs.
    // It is a picture (an <img> of an SVG) whose alt text is its state.
    const progress = page.locator('.jp-Cell').nth(7).locator('.jp-OutputArea-child');
    const progressText = async () => (await progress.first().locator('img').getAttribute('alt', { timeout: 1000 }).catch(() => '')) || '';
    const seen = new Set();
    await waitFor(async () => {
      const n = await progress.count();
      if (n === 1) seen.add((await progressText()).trim());
      assert.ok(n <= 1, `the progress bar is shown ${n} times, not updated in place`);
      return seen.size >= 3 || (await progressText()).includes('30/30');
    }, 60000, 'the progress bar to move');
    await waitFor(async () => {
      const cs = await cells(page);
      return cs.filter(c => c.code).every(c => /^\[\d+\]:$/.test(c.prompt.trim())) && (await kernelStatus(page)) === 'idle';
    }, 60000, 'every cell to have run');
    const cs = await cells(page);
    assert.deepEqual(await modelErrors(page), []);
    assert.equal(await page.locator('.jp-MarkdownCell h1').innerText(), 'Outputs');
    assert.match(cs[1].outputs.map(o => o.text).join(''), /to stdout/);
    assert.equal(cs[1].outputs.filter(o => o.mime === 'application/vnd.jupyter.stderr' && o.text.includes('to stderr')).length, 1);
    assert.match(cs[2].outputs[0].prompt, /^\[\d+\]:$/);
    assert.equal(cs[2].outputs[0].text.trim(), '42');
    assert.equal(await page.locator('.jp-Cell').nth(3).locator('.jp-RenderedHTMLCommon table td').count(), 4);
    assert.equal(await page.locator('.jp-Cell').nth(3).locator('table th').first().innerText(), 'worker');
    assert.equal(await page.locator('.jp-Cell').nth(4).locator('.jp-OutputArea-output strong').innerText(), 'bold');
    const img = page.locator('.jp-Cell').nth(5).locator('.jp-OutputArea-output img');
    assert.equal(await img.count(), 1);
    await waitFor(() => img.evaluate(el => el.complete && el.naturalWidth === 40), 10000, 'the PNG to load');
    // The bundle's text/html, an <img> of the SVG, ranks above image/svg+xml.
    const svg = page.locator('.jp-Cell').nth(6).locator(SVG_IMG);
    assert.equal(await svg.count(), 1);
    const src = await svg.getAttribute('src');
    assert.match(Buffer.from(src.slice(src.indexOf(',') + 1), 'base64').toString(), /<svg[\s\S]*worker A/);
    await waitFor(() => svg.evaluate(el => el.complete && el.naturalWidth > 100), 10000, 'the timeline to load');
    assert.ok((await svg.boundingBox()).width > 100, 'the timeline has a size on screen');
    // Drawn on screen: the two workers' bars (palette blue and orange at 90% opacity on white).
    const drawn = await colourCounts(page, svg, ['#6086b0', '#f39940']);
    assert.ok(Object.values(drawn).every(n => n >= 30), `the timeline's bars on screen: ${JSON.stringify(drawn)}`);
    const bar = await colourCounts(page, progress.first().locator('img'), ['#59a14f']);
    assert.ok(bar['#59a14f'] >= 30, `the finished progress bar on screen: ${JSON.stringify(bar)}`);
    assert.equal(await progress.count(), 1);
    assert.match(await progressText(), /30\/30/);
    assert.ok(seen.size >= 2, `the progress bar never changed: ${[...seen]}`);
    const cleared = cs[8].outputs.map(o => o.text).join('');
    assert.ok(!cleared.includes('this line is cleared') && cleared.includes('after clear'), cleared);
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, 'outputs.png');
    noProblems(page);
  } catch (e) {
    await failed(page, e);
  } finally {
    await page.close();
  }
});

// --- typing, keys and buttons -----------------------------------------------

// Types code into the last cell's editor (a new cell, as a user adds it).
async function typeInNewCell(page, code) {
  await page.evaluate(() => {
    const nb = window.gokernelLab.notebook;
    nb.activeCellIndex = nb.widgets.length - 1;
    nb.mode = 'edit';
  });
  const editor = page.locator('.jp-Cell').last().locator('.cm-content');
  await editor.click();
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Delete');
  await page.keyboard.type(code);
}

test('fmt.Scan shows the input box and the typed value reaches the cell', async () => {
  writeNotebook('stdin.ipynb', [['code', 'var name string\nfmt.Print("your name? ")\nfmt.Scan(&name)\nfmt.Println("hello,", name)']]);
  const page = await open('stdin.ipynb');
  try {
    await page.click('.gk-run-all');
    const box = page.locator('.jp-Stdin-input');
    await box.waitFor({ timeout: 30000 });
    await box.fill('gopher');
    await box.press('Enter');
    await waitFor(async () => (await cells(page))[0].outputs.map(o => o.text).join('').includes('hello, gopher'), 30000, 'the greeting');
    await kernelIdle(page);
    assert.deepEqual(await modelErrors(page), []);
    noProblems(page);
  } catch (e) {
    await failed(page, e);
  } finally {
    await page.close();
  }
});

test('the interrupt button stops for {} and the restart button gives a fresh session', async () => {
  writeNotebook('control.ipynb', [['code', 'kept := 41'], ['code', 'fmt.Println("spinning")\nfor {}'], ['code', 'kept + 1']]);
  const page = await open('control.ipynb');
  try {
    await page.click('.gk-run-all');
    await waitFor(async () => (await cells(page))[1].outputs.map(o => o.text).join('').includes('spinning'), 30000, 'the loop to start');
    await page.waitForTimeout(300);
    assert.equal(await kernelStatus(page), 'busy');
    const t0 = Date.now();
    await page.click('.jp-Toolbar-item[data-jp-item-name="interrupt"] button, .jp-Toolbar [title="Interrupt the kernel"]');
    await waitFor(async () => (await modelErrors(page)).length > 0, 15000, 'the interrupted cell');
    assert.ok(Date.now() - t0 < 5000, 'the interrupt took more than 5 s');
    assert.match((await modelErrors(page)).join('\n'), /Interrupted/);
    await kernelIdle(page);
    // Run All stopped at the error (stop_on_error); the state is intact.
    await page.locator('.jp-Cell').nth(2).click();
    await page.keyboard.press('Shift+Enter');
    await waitFor(async () => (await cells(page))[2].outputs.map(o => o.text).join('').includes('42'), 30000, 'kept + 1');

    await page.click('.jp-Toolbar-item[data-jp-item-name="restart"] button, .jp-Toolbar [title="Restart the kernel"]');
    await page.locator('.jp-Dialog .jp-mod-accept').click();
    await waitFor(async () => (await kernelStatus(page)) === 'restarting' || (await kernelStatus(page)) === 'starting', 15000, 'the restart').catch(() => {});
    await kernelIdle(page, 60000);
    await page.locator('.jp-Cell').nth(2).click();
    await page.keyboard.press('Shift+Enter');
    await waitFor(async () => (await modelErrors(page)).some(e => /kept/.test(e) && /undefined/.test(e)), 30000, 'kept to be undefined after the restart');
    // The error output comes before the execute_reply that sets the prompt.
    let prompt = '';
    await waitFor(async () => (prompt = (await cells(page))[2].prompt.trim()) !== '[*]:', 15000, 'the prompt after the reply').catch(() => {});
    assert.equal(prompt, '[1]:', 'the restarted kernel counts from 1');
    await shot(page, 'interrupt-restart.png');
    noProblems(page);
  } catch (e) {
    await failed(page, e);
  } finally {
    await page.close();
  }
});

test('Tab shows the completer with Go members, Shift-Tab shows the documentation', async () => {
  writeNotebook('help.ipynb', [['code', 'import "strings"'], ['code', '']]);
  const page = await open('help.ipynb');
  try {
    await page.click('.gk-run-all');
    await kernelIdle(page);
    await typeInNewCell(page, 'strings.ToU');
    await page.keyboard.press('Tab');
    const completer = page.locator('.jp-Completer');
    await completer.waitFor({ state: 'visible', timeout: 15000 });
    const items = await completer.locator('.jp-Completer-match').allInnerTexts();
    assert.ok(items.some(i => i.includes('ToUpper')), items.join(', '));
    await shot(page, 'completer.png');
    await page.keyboard.press('Escape');
    await typeInNewCell(page, 'fmt.Pri');
    await page.keyboard.press('Tab');
    await completer.waitFor({ state: 'visible', timeout: 15000 });
    const fmtItems = (await completer.locator('.jp-Completer-match').allInnerTexts()).map(i => i.trim());
    for (const m of ['Print', 'Printf', 'Println']) {
      assert.ok(fmtItems.includes(m), `${m} in ${fmtItems.join(', ')}`);
    }
    await page.keyboard.press('Escape');
    await typeInNewCell(page, 'strings.ToUpper');
    await page.keyboard.press('Shift+Tab');
    const tip = page.locator('.jp-Tooltip');
    await tip.waitFor({ state: 'visible', timeout: 15000 });
    // The tooltip is shown before its Markdown is rendered into it: wait
    // for the text (the assertions below still say what was there).
    await page.waitForFunction(
      () => /ToUpper/.test(document.querySelector('.jp-Tooltip')?.innerText || ''),
      null, { timeout: 15000 }).catch(() => {});
    const doc = await tip.innerText();
    assert.match(doc, /func ToUpper\(s string\) string/);
    assert.match(doc, /upper case/i);
    await shot(page, 'tooltip.png');
    noProblems(page);
  } catch (e) {
    await failed(page, e);
  } finally {
    await page.close();
  }
});

test('Go syntax highlighting comes from language_info', async () => {
  writeNotebook('highlight.ipynb', [['code', 'func add(a, b int) int { return a + b }\nvar greeting = "hello"\nadd(1, 2)']]);
  const page = await open('highlight.ipynb');
  try {
    await page.click('.gk-run-all');
    await kernelIdle(page);
    // The notebook learnt the language from the kernel: the editor's MIME type.
    await waitFor(() => page.evaluate(() => window.gokernelLab.panel.model.cells.get(0).mimeType === 'text/x-go'), 15000, 'text/x-go cells');
    const style = await page.evaluate(() => {
      const line = document.querySelector('.jp-Cell .cm-line');
      const color = text => {
        const span = Array.from(document.querySelectorAll('.jp-Cell .cm-line span')).find(s => s.textContent === text);
        return span ? getComputedStyle(span).color : null;
      };
      const probe = document.createElement('span');
      const varColor = v => { probe.style.color = `var(${v})`; line.appendChild(probe); const c = getComputedStyle(probe).color; probe.remove(); return c; };
      return {
        func: color('func'), ret: color('return'), str: color('"hello"'), plain: getComputedStyle(line).color,
        keyword: varColor('--jp-mirror-editor-keyword-color'), string: varColor('--jp-mirror-editor-string-color')
      };
    });
    assert.equal(style.func, style.keyword, JSON.stringify(style));
    assert.equal(style.ret, style.keyword, JSON.stringify(style));
    assert.equal(style.str, style.string, JSON.stringify(style));
    assert.notEqual(style.keyword, style.plain, JSON.stringify(style));
    noProblems(page);
  } catch (e) {
    await failed(page, e);
  } finally {
    await page.close();
  }
});

// --- JupyterLab's visual debugger -------------------------------------------

// The debugger sidebar as the user reads it: the call stack's frames, the
// Variables panel's rows (name and value), the Breakpoints panel's lines.
function debuggerView(page) {
  return page.evaluate(() => {
    const texts = sel => Array.from(document.querySelectorAll(sel));
    return {
      frames: texts('.jp-DebuggerCallstackFrame').map(f => ({
        name: (f.querySelector('.jp-DebuggerCallstackFrame-name') || {}).innerText || '',
        location: (f.querySelector('.jp-DebuggerCallstackFrame-location') || {}).innerText || ''
      })),
      variables: Object.fromEntries(texts('.jp-DebuggerVariables .jp-TreeItem').map(v => [
        (v.querySelector('.jp-DebuggerVariables-name') || {}).innerText || '',
        (v.querySelector('.jp-DebuggerVariables-detail') || {}).innerText || ''
      ])),
      breakpoints: texts('.jp-DebuggerBreakpoint').map(b => ({
        source: (b.querySelector('.jp-DebuggerBreakpoint-source') || {}).innerText || '',
        line: (b.querySelector('.jp-DebuggerBreakpoint-line') || {}).innerText || ''
      }))
    };
  });
}

// The 1-based lines of cell i's editor that carry JupyterLab's highlight of
// the line the debugger stopped on.
function highlightedLines(page, i) {
  return page.evaluate(i => {
    const lines = Array.from(document.querySelectorAll('.jp-Notebook .jp-Cell')[i].querySelectorAll('.cm-line'));
    return lines.map((l, n) => l.classList.contains('jp-DebuggerEditor-highlight') ? n + 1 : 0).filter(n => n > 0);
  }, i);
}

// The 1-based lines of cell i's editor with a breakpoint dot in the gutter
// (the gutter's rows side by side with the lines; its hidden spacer row
// holds a dot too).
function gutterDots(page, i) {
  return page.evaluate(i => {
    const cell = document.querySelectorAll('.jp-Notebook .jp-Cell')[i];
    const lines = Array.from(cell.querySelectorAll('.cm-line')).map(l => l.getBoundingClientRect());
    const rows = Array.from(cell.querySelectorAll('.cm-gutter.cm-breakpoint-gutter .cm-gutterElement'))
      .filter(r => getComputedStyle(r).visibility !== 'hidden' && r.querySelector('.cm-breakpoint-icon, .cm-selected-breakpoint-icon'));
    return rows.map(r => {
      const b = r.getBoundingClientRect();
      const mid = (b.top + b.bottom) / 2;
      return lines.findIndex(l => l.top <= mid && mid <= l.bottom) + 1;
    });
  }, i);
}

// Whether a toolbar button (a jp-button) can be clicked.
function buttonEnabled(locator) {
  return locator.evaluate(el => !(el.disabled === true || el.getAttribute('aria-disabled') === 'true'));
}

test('the debugger: gutter breakpoint, call stack, variables, highlighted line, next, continue', async () => {
  writeNotebook('debugger.ipynb', [
    ['code', 'func add(a, b int) int {\n\ts := a + b\n\treturn s\n}'],
    ['code', 'add(2, 3)']
  ]);
  const page = await open('debugger.ipynb');
  try {
    const cell = i => page.locator('.jp-Notebook .jp-Cell').nth(i);
    const view = () => debuggerView(page);
    // Cell 1 defines add.
    await cell(0).locator('.cm-content').click();
    await page.keyboard.press('Shift+Enter');
    await waitFor(async () => /^\[1\]:$/.test((await cells(page))[0].prompt.trim()), 30000, 'cell 1 to run');
    await kernelIdle(page);

    // The bug in the notebook's toolbar turns the debugger on (it is
    // enabled once JupyterLab knows the kernelspec has metadata.debugger).
    const bug = page.locator('.jp-Toolbar .jp-DebuggerBugButton');
    await waitFor(async () => (await bug.count()) === 1 && await buttonEnabled(bug), 30000, 'the debugger toggle to be enabled');
    assert.equal(await bug.getAttribute('aria-pressed'), 'false');
    assert.equal(await bug.getAttribute('title'), 'Enable Debugger');
    await bug.click();
    await waitFor(async () => (await bug.getAttribute('aria-pressed')) === 'true', 15000, 'the debugger toggle to be on');
    // The debugger sidebar opens on the right: Variables, Callstack, Breakpoints.
    await page.locator('#jp-debugger-sidebar').waitFor({ state: 'visible', timeout: 15000 });
    for (const panel of ['.jp-DebuggerVariables', '.jp-DebuggerCallstack', '.jp-DebuggerBreakpoints']) {
      assert.ok(await page.locator(`#jp-debugger-sidebar ${panel}`).first().isVisible(), `${panel} in the sidebar`);
    }
    // The cells' editors get line numbers and the breakpoint gutter.
    const gutter = cell(0).locator('.cm-gutter.cm-breakpoint-gutter');
    await gutter.waitFor({ timeout: 15000 });
    assert.deepEqual(await gutterDots(page, 0), [], 'no breakpoint yet');

    // A click in the gutter of line 2 (s := a + b) sets a breakpoint there.
    const line2 = await cell(0).locator('.cm-line').nth(1).boundingBox();
    const gbox = await gutter.boundingBox();
    await page.mouse.click(gbox.x + gbox.width / 2, line2.y + line2.height / 2);
    await waitFor(async () => (await gutterDots(page, 0)).join() === '2', 15000, 'a breakpoint dot next to line 2');
    await waitFor(async () => (await view()).breakpoints.some(b => b.line === '2'), 15000, 'the breakpoint in the Breakpoints panel');
    assert.deepEqual((await view()).breakpoints.map(b => b.source + ':' + b.line), ['Cell [1]:2']);

    // Run cell 2: add stops at line 2.
    await cell(1).locator('.cm-content').click();
    await page.keyboard.press('Shift+Enter');
    await waitFor(async () => (await view()).frames.some(f => f.name === 'add'), 30000, 'the call stack to show add');
    let v = await view();
    const top = v.frames[0];
    assert.equal(top.name, 'add', JSON.stringify(v.frames));
    assert.match(top.location, /^Cell \[1\]:2$/, 'the frame is in cell [1], line 2');
    await waitFor(async () => (v = await view()).variables.a === '2' && v.variables.b === '3', 15000, 'a = 2 and b = 3 in the Variables panel');
    await waitFor(async () => (await highlightedLines(page, 0)).join() === '2', 15000, 'line 2 of cell 1 to be highlighted');
    assert.deepEqual(await highlightedLines(page, 1), [], 'no line of cell 2 is highlighted');
    // The cell is still running: its prompt is [*] (the kernel status
    // circle shows idle, as with ipykernel: the debugger's requests on the
    // control channel each end with an idle status).
    assert.equal((await cells(page))[1].prompt.trim(), '[*]:', 'the cell is still running');
    assert.ok(await page.getByText('Paused in Debugger').first().isVisible(), 'the toolbar says Paused in Debugger');
    await shot(page, 'debugger.png');

    // Next (the Callstack panel's toolbar, the debugger:next command): line 3, s = 5.
    const next = page.locator('#jp-debugger-sidebar jp-button[data-command="debugger:next"]');
    await waitFor(() => buttonEnabled(next), 15000, 'the Next button to be enabled');
    assert.equal(await next.getAttribute('title'), 'Next');
    await next.click();
    await waitFor(async () => (await highlightedLines(page, 0)).join() === '3', 15000, 'the highlight to move to line 3');
    await waitFor(async () => (v = await view()).variables.s === '5', 15000, 's = 5 in the Variables panel');
    assert.match(v.frames[0].location, /^Cell \[1\]:3$/, JSON.stringify(v.frames));

    // Continue: the cell finishes with its output, the highlight goes.
    const cont = page.locator('#jp-debugger-sidebar jp-button[data-command="debugger:continue"]');
    await waitFor(() => buttonEnabled(cont), 15000, 'the Continue button to be enabled');
    await cont.click();
    await waitFor(async () => /^\[2\]:$/.test((await cells(page))[1].prompt.trim()), 30000, 'cell 2 to finish');
    await kernelIdle(page);
    const out = (await cells(page))[1].outputs;
    assert.equal(out.map(o => o.text).join('').trim(), '5', JSON.stringify(out));
    assert.deepEqual(await highlightedLines(page, 0), [], 'no highlight once the cell ran on');
    assert.deepEqual((await view()).frames, [], 'the call stack is empty again');
    assert.deepEqual(await modelErrors(page), []);
    noProblems(page);
  } catch (e) {
    await failed(page, e);
  } finally {
    await page.close();
  }
});
