import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/app.js';

/** Sends raw bytes and resolves with everything the server wrote before closing. */
function rawRequest(port: number, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.end(request));
    let received = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk) => {
      received += chunk;
    });
    socket.on('close', () => resolve(received));
    socket.on('error', reject);
  });
}

function parse(response: string) {
  const [head = '', body = ''] = response.split('\r\n\r\n');
  return { statusLine: head.split('\r\n')[0], head, body: JSON.parse(body) };
}

describe('errors raised by the HTTP parser, before routing', () => {
  let t: TestApp;
  let port: number;

  beforeAll(async () => {
    t = await buildTestApp();
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    port = (t.app.server.address() as AddressInfo).port;
  });
  afterAll(() => t.close());

  it('answers an oversized URL with 431 and the standard error body', async () => {
    const url = `/api/v1/jobs/?q=${'a'.repeat(20_000)}`;
    const { statusLine, head, body } = parse(
      await rawRequest(port, `GET ${url} HTTP/1.1\r\nHost: x\r\n\r\n`),
    );
    expect(statusLine).toBe('HTTP/1.1 431 Request Header Fields Too Large');
    expect(head).toMatch(/content-type: application\/json/i);
    expect(body).toMatchObject({
      error: 'Request Header Fields Too Large',
      code: 'HEADERS_TOO_LARGE',
      detail: expect.any(String),
    });
    expect(body.timestamp).toMatch(/Z$/);
    expect(body.request_id).toEqual(expect.any(String));
  });

  it('answers a malformed request line with 400 and the standard error body', async () => {
    const { statusLine, body } = parse(await rawRequest(port, 'NOT A REQUEST\r\n\r\n'));
    expect(statusLine).toBe('HTTP/1.1 400 Bad Request');
    expect(body).toMatchObject({
      error: 'Bad Request',
      code: 'MALFORMED_REQUEST',
      detail: 'Malformed HTTP request',
    });
  });
});
