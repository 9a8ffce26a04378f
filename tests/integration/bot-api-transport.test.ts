import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpTransport } from '../../src/telegram/bot-api-transport.js';
import { BotApiEmulator } from '../helpers/bot-api-emulator.js';
import { freePort } from '../helpers/free-port.js';

const TOKEN = '123456:secret-token';

let emulator: BotApiEmulator | undefined;
let server: Server | undefined;
afterEach(async () => {
  await emulator?.stop();
  emulator = undefined;
  server?.closeAllConnections();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  server = undefined;
});

/** A loopback server whose every request is answered by `answer`; resolves with its API root. */
async function serve(answer: (res: ServerResponse) => void): Promise<string> {
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () => answer(res));
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('the outbox transport (sendMessage over node:http)', () => {
  it('sends the message with its options as sendMessage JSON and answers with the message id, on one kept-alive connection', async () => {
    emulator = await new BotApiEmulator().start();
    const transport = createHttpTransport({ apiRoot: `${emulator.apiRoot}/`, token: emulator.token });
    const outcome = await transport.sendMessage({ chatId: 7, text: '<b>Digest</b> &amp; more', parseMode: 'HTML', options: { link_preview_options: { is_disabled: true }, message_thread_id: 3 } });
    expect(outcome).toEqual({ kind: 'sent', messageId: emulator.messagesTo(7)[0]!.message_id });
    expect(emulator.callsOf('sendMessage')[0]?.params).toEqual({ chat_id: 7, text: '<b>Digest</b> &amp; more', parse_mode: 'HTML', link_preview_options: { is_disabled: true }, message_thread_id: 3 });
    for (let i = 0; i < 4; i += 1) expect(await transport.sendMessage({ chatId: 8, text: `part ${i}` })).toMatchObject({ kind: 'sent' });
    expect(emulator.connectionCount).toBe(1);
  });

  it('classifies a refusal by its Bot API answer', async () => {
    emulator = await new BotApiEmulator().start();
    const transport = createHttpTransport({ apiRoot: emulator.apiRoot, token: emulator.token });
    emulator.failNext('sendMessage', { error_code: 403, description: 'Forbidden: bot was blocked by the user' });
    expect(await transport.sendMessage({ chatId: 7, text: 'x' })).toEqual({ kind: 'chat_gone', reason: 'telegram: 403 Forbidden: bot was blocked by the user' });
  });

  it('takes an answer that is not JSON (a proxy error page) for a transient failure with its status', async () => {
    const apiRoot = await serve((res) => res.writeHead(502, { 'content-type': 'text/html' }).end('<html>Bad Gateway</html>'));
    const outcome = await createHttpTransport({ apiRoot, token: TOKEN }).sendMessage({ chatId: 7, text: 'x' });
    expect(outcome).toEqual({ kind: 'transient', reason: 'telegram: 502 no description' });
  });

  it('gives up on an answer whose body stops coming after the timeout, naming neither the URL nor the token', async () => {
    const apiRoot = await serve((res) => res.writeHead(200, { 'content-type': 'application/json' }).write('{"ok":'));
    const outcome = await createHttpTransport({ apiRoot, token: TOKEN, timeoutMs: 200 }).sendMessage({ chatId: 7, text: 'x' });
    expect(outcome).toMatchObject({ kind: 'transient', reason: expect.stringContaining('TimeoutError') });
    expect(JSON.stringify(outcome)).not.toContain('secret-token');
  });

  it('takes a connection cut in the middle of the answer for a transient failure, not a hang', async () => {
    const apiRoot = await serve((res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' }).write('{"ok":true,');
      setTimeout(() => res.socket?.destroy(), 20);
    });
    const outcome = await createHttpTransport({ apiRoot, token: TOKEN, timeoutMs: 10_000 }).sendMessage({ chatId: 7, text: 'x' });
    expect(outcome).toMatchObject({ kind: 'transient', reason: expect.stringMatching(/^telegram\/network: /) });
    expect(outcome).not.toMatchObject({ reason: expect.stringContaining('TimeoutError') });
  });

  it('takes a refused connection for a transient failure without the token in its reason', async () => {
    const apiRoot = `http://127.0.0.1:${await freePort()}`;
    const outcome = await createHttpTransport({ apiRoot, token: TOKEN }).sendMessage({ chatId: 7, text: 'x' });
    expect(outcome).toMatchObject({ kind: 'transient', reason: expect.stringContaining('ECONNREFUSED') });
    expect(JSON.stringify(outcome)).not.toContain('secret-token');
  });
});
