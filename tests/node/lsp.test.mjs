// Drives `icp lsp` (path in ICP_BIN) with vscode-jsonrpc, the JSON-RPC
// library VS Code's client is built on: open a file with an error, wait for
// its diagnostic (with its code), ask hover, completion and definition, and
// shut down cleanly (exit status 0).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as rpc from 'vscode-jsonrpc/node.js';

const ICP = process.env.ICP_BIN;

const TEXT = `import "std/firmo"

schema Account {
  employees: int?
  industry: Industry?
}

profile P on Account {
  signal "Big" when employes > 100 => 10
  signal "Fin" when industry == finance_insurance => 5
}
`;

function within(ms, promise, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

test('icp lsp over vscode-jsonrpc', { timeout: 30000 }, async () => {
  assert.ok(ICP, 'set ICP_BIN to the icp executable');
  const proc = spawn(ICP, ['lsp'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const exited = new Promise((resolve) => proc.on('exit', (code) => resolve(code)));
  const conn = rpc.createMessageConnection(
    new rpc.StreamMessageReader(proc.stdout), new rpc.StreamMessageWriter(proc.stdin));
  const diagnostics = new Promise((resolve) => {
    conn.onNotification('textDocument/publishDiagnostics', (p) => {
      if (p.diagnostics.length > 0) resolve(p);
    });
  });
  conn.listen();

  const init = await within(10000, conn.sendRequest('initialize', {
    processId: process.pid, rootUri: null, capabilities: {},
  }), 'initialize');
  assert.equal(init.capabilities.hoverProvider, true);
  assert.equal(init.capabilities.definitionProvider, true);
  await conn.sendNotification('initialized', {});

  const uri = pathToFileURL(path.join(os.tmpdir(), 'icp-node-test', 'model.icp')).href;
  await conn.sendNotification('textDocument/didOpen', {
    textDocument: { uri, languageId: 'icp', version: 1, text: TEXT },
  });
  const published = await within(10000, diagnostics, 'diagnostics');
  assert.equal(published.uri, uri);
  const typo = published.diagnostics.find((d) => d.code === 'E0101');
  assert.ok(typo, `an E0101 diagnostic in ${JSON.stringify(published.diagnostics)}`);
  assert.deepEqual(typo.range.start, { line: 8, character: 20 });
  assert.equal(typo.severity, 1);

  const doc = { uri };
  const hover = await conn.sendRequest('textDocument/hover', {
    textDocument: doc, position: { line: 9, character: 22 },
  });
  assert.match(hover.contents.value, /industry: Industry\?/);

  const completion = await conn.sendRequest('textDocument/completion', {
    textDocument: doc, position: { line: 9, character: 20 },
  });
  const labels = completion.items.map((i) => i.label);
  assert.ok(labels.includes('employees'), `employees in ${labels.slice(0, 20)}`);
  assert.ok(labels.includes('industry'));

  const definition = await conn.sendRequest('textDocument/definition', {
    textDocument: doc, position: { line: 9, character: 35 },
  });
  assert.equal(definition.length, 1);
  assert.match(definition[0].uri, /\/std\/firmo\.icp$/);

  const unknown = conn.sendRequest('icp/noSuchMethod', {});
  await assert.rejects(unknown, (e) => e.code === -32601);

  await conn.sendRequest('shutdown');
  await conn.sendNotification('exit');
  const code = await within(10000, exited, 'exit');
  assert.equal(code, 0);
  conn.dispose();
});
