import { describe, expect, it } from 'vitest';
import type { LookupAddress } from 'node:dns';
import { assertPublicUrl, isPublicAddress, publicOnlyLookup, UrlRefusedError } from '../../src/fulltext/public-url.js';

const table = (entries: Record<string, readonly string[]>) => async (host: string) => entries[host] ?? [];

describe('isPublicAddress', () => {
  it.each([
    '127.0.0.1', '127.8.9.10', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.169.254',
    '100.64.0.1', '100.127.255.255', '0.0.0.0', '224.0.0.1', '255.255.255.255',
    '::1', '::', 'fe80::1', 'febf::1', 'fc00::1', 'fd12:3456::1', '::ffff:127.0.0.1', '::ffff:7f00:1', '::ffff:169.254.169.254', 'ff02::1', 'not-an-ip',
  ])('refuses %s', (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each(['93.184.216.34', '8.8.8.8', '172.15.255.255', '172.32.0.1', '100.63.255.255', '100.128.0.1', '2606:4700::1111', '::ffff:8.8.8.8'])('accepts %s', (address) => {
    expect(isPublicAddress(address)).toBe(true);
  });
});

describe('assertPublicUrl', () => {
  it('accepts an https URL whose host resolves only to public addresses', async () => {
    await expect(assertPublicUrl(new URL('https://news.example/a'), table({ 'news.example': ['93.184.216.34', '2606:2800::1'] }))).resolves.toBeUndefined();
  });

  it('refuses a host when any one of its addresses is private', async () => {
    const resolve = table({ 'mixed.example': ['93.184.216.34', '10.0.0.5'] });
    await expect(assertPublicUrl(new URL('http://mixed.example/'), resolve)).rejects.toThrow(/10\.0\.0\.5/);
  });

  it('refuses IP literals on loopback, link-local and IPv6 loopback without asking DNS', async () => {
    const resolve = async (): Promise<never> => {
      throw new Error('DNS must not be asked');
    };
    for (const url of ['http://127.0.0.1:8080/x', 'http://169.254.169.254/latest/meta-data/', 'http://[::1]/', 'http://[fe80::1]/']) {
      await expect(assertPublicUrl(new URL(url), resolve)).rejects.toBeInstanceOf(UrlRefusedError);
    }
  });

  it('refuses schemes other than http(s)', async () => {
    await expect(assertPublicUrl(new URL('file:///etc/passwd'), table({}))).rejects.toThrow(/not http\(s\)/);
    await expect(assertPublicUrl(new URL('ftp://news.example/a'), table({ 'news.example': ['93.184.216.34'] }))).rejects.toThrow(/not http\(s\)/);
  });

  it('refuses a host that resolves to nothing', async () => {
    await expect(assertPublicUrl(new URL('http://nowhere.example/'), table({}))).rejects.toThrow(/no address/);
  });
});

describe('publicOnlyLookup', () => {
  const lookupWith = (entries: Record<string, readonly string[]>, host: string, all: boolean) =>
    new Promise<{ error: NodeJS.ErrnoException | null; result: string | LookupAddress[]; family?: number }>((done) => {
      publicOnlyLookup(table(entries))(host, { all }, (error, result, family) => done({ error, result, family }));
    });

  it('answers with the public addresses it resolved, one or all as the connection asks', async () => {
    const entries = { 'news.example': ['93.184.216.34', '2606:2800:220:1::1'] };
    expect(await lookupWith(entries, 'news.example', true)).toMatchObject({ error: null, result: [{ address: '93.184.216.34', family: 4 }, { address: '2606:2800:220:1::1', family: 6 }] });
    expect(await lookupWith(entries, 'news.example', false)).toMatchObject({ error: null, result: '93.184.216.34', family: 4 });
  });

  it('refuses the connection when any address, or an address literal, is not public', async () => {
    const rebound = await lookupWith({ 'news.example': ['93.184.216.34', '127.0.0.1'] }, 'news.example', true);
    expect(rebound.error).toBeInstanceOf(UrlRefusedError);
    expect(rebound.error).toMatchObject({ code: 'EREFUSED', message: expect.stringMatching(/news\.example resolves to non-public address 127\.0\.0\.1/) });
    expect((await lookupWith({}, '169.254.169.254', false)).error).toBeInstanceOf(UrlRefusedError);
    expect((await lookupWith({}, 'nowhere.example', true)).error?.message).toMatch(/has no address/);
  });
});
