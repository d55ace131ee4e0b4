import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type AuthOptions, getServerSession, type User } from 'next-auth';
import { encode } from 'next-auth/jwt';
import type { OAuthConfig } from 'next-auth/providers/oauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Env } from '@/lib/env';
import { buildAuthOptions, getAuthConfig, SSO_PROVIDER_ID } from '@/lib/server/auth/auth-options';
import { useDatabase } from '@/lib/server/db';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

const SECRET = 'a-test-secret-that-is-long-enough-for-next-auth';
const BASE_ENV: Env = { FULFIL_DATA_DIR: '.data', NODE_ENV: 'test', FULFIL_SESSION_MAX_AGE_MINUTES: 480 };
const SSO_ENV = {
  AZURE_AD_CLIENT_ID: 'client-id',
  AZURE_AD_CLIENT_SECRET: 'client-secret',
  AZURE_AD_TENANT_ID: 'contoso.onmicrosoft.com',
};

describe('authentication settings', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'fulfil-auth-'));
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('without NEXTAUTH_SECRET (the embedded demo), generates a secret once, readable only by its owner', async () => {
    const env: Env = { ...BASE_ENV, NODE_ENV: 'production', FULFIL_DATA_DIR: dataDir };
    const first = getAuthConfig(env);
    const file = path.join(dataDir, 'auth-secret');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(first.secret).toBe(await readFile(file, 'utf8'));
    expect(first.secret.length).toBeGreaterThanOrEqual(32);
    expect(getAuthConfig(env).secret).toBe(first.secret);
    expect(first).toMatchObject({ maxAgeSeconds: 8 * 60 * 60, useSecureCookies: false, sso: null });
  });

  it('requires NEXTAUTH_SECRET and NEXTAUTH_URL for a production deployment on PostgreSQL', () => {
    const deployment: Env = { ...BASE_ENV, NODE_ENV: 'production', DATABASE_URL: 'postgresql://db/fulfil' };
    expect(() => getAuthConfig({ ...deployment, NEXTAUTH_SECRET: SECRET })).toThrow(
      /NEXTAUTH_URL must be set/,
    );
    expect(() => getAuthConfig({ ...deployment, NEXTAUTH_URL: 'https://fulfil.example.nhs.uk' })).toThrow(
      /NEXTAUTH_SECRET must be set/,
    );
    const config = getAuthConfig({
      ...deployment,
      NEXTAUTH_URL: 'https://fulfil.example.nhs.uk',
      NEXTAUTH_SECRET: SECRET,
      FULFIL_SESSION_MAX_AGE_MINUTES: 60,
    });
    expect(config).toMatchObject({ secret: SECRET, maxAgeSeconds: 3600, useSecureCookies: true });
  });

  it('refuses plain http in production except on this machine', () => {
    const production: Env = { ...BASE_ENV, NODE_ENV: 'production', NEXTAUTH_SECRET: SECRET };
    expect(() => getAuthConfig({ ...production, NEXTAUTH_URL: 'http://fulfil.example.nhs.uk' })).toThrow(
      /must be an https:\/\/ address/,
    );
    expect(getAuthConfig({ ...production, NEXTAUTH_URL: 'http://127.0.0.1:3100' }).useSecureCookies).toBe(
      false,
    );
  });

  it('marks session cookies Secure, http-only and SameSite=Lax when the app is served over https', async () => {
    const config = getAuthConfig({
      ...BASE_ENV,
      NEXTAUTH_SECRET: SECRET,
      NEXTAUTH_URL: 'https://fulfil.test',
    });
    const options = buildAuthOptions(config);
    expect(options.useSecureCookies).toBe(true);
    // Reading a session (of a user that exists: next-auth's reads check the user) re-issues its cookie: look at
    // the Set-Cookie header next-auth writes.
    const db = await createTestDatabase();
    useDatabase(db);
    try {
      const organisationId = (
        await db.prisma.organisation.create({ data: { code: 'RCK', name: 'Cookie Trust' } })
      ).id;
      const user = await db.prisma.user.create({
        data: { organisationId, email: 'cookie@example.nhs.uk', name: 'Dr Cookie' },
      });
      const name = '__Secure-next-auth.session-token';
      const token = await encode({
        secret: SECRET,
        token: {
          sub: String(user.id),
          organisationId,
          signedInAt: Date.now() / 1000,
          authMethod: 'password',
        },
      });
      const headers = new Map<string, unknown>();
      const response = {
        getHeader: (key: string) => headers.get(key),
        setHeader: (key: string, value: unknown) => headers.set(key, value),
      };
      const request = { headers: { cookie: `${name}=${token}` }, cookies: { [name]: token } };
      expect(await getServerSession(request as never, response as never, options)).not.toBeNull();
      const cookies = [headers.get('Set-Cookie')].flat() as string[];
      const setCookie = cookies.find((cookie) => cookie.startsWith(`${name}=`)) ?? '';
      expect(setCookie).toMatch(/; HttpOnly/);
      expect(setCookie).toMatch(/; Secure/);
      expect(setCookie).toMatch(/; SameSite=Lax/);
      expect(setCookie).toMatch(/; Path=\//);
    } finally {
      await db.drop();
    }
  });

  it('offers Microsoft single sign-on only when configured, against the trust’s own tenant', () => {
    expect(
      buildAuthOptions(getAuthConfig({ ...BASE_ENV, NEXTAUTH_SECRET: SECRET })).providers.map((p) => p.id),
    ).toEqual(['credentials']);
    const config = getAuthConfig({ ...BASE_ENV, NEXTAUTH_SECRET: SECRET, ...SSO_ENV });
    expect(config.sso).toEqual({
      clientId: 'client-id',
      clientSecret: 'client-secret',
      wellKnownUrl:
        'https://login.microsoftonline.com/contoso.onmicrosoft.com/v2.0/.well-known/openid-configuration',
    });
    const override = getAuthConfig({
      ...BASE_ENV,
      NEXTAUTH_SECRET: SECRET,
      ...SSO_ENV,
      AZURE_AD_WELL_KNOWN_URL: 'http://127.0.0.1:9999/.well-known/openid-configuration',
    });
    expect(override.sso?.wellKnownUrl).toBe('http://127.0.0.1:9999/.well-known/openid-configuration');

    const provider = buildAuthOptions(config).providers.find((p) => p.id === SSO_PROVIDER_ID) as OAuthConfig<
      Record<string, string>
    >;
    expect(provider).toMatchObject({ name: 'Microsoft', idToken: true, checks: ['pkce', 'state', 'nonce'] });
    expect(
      provider.profile(
        { sub: 'pairwise', oid: 'object-id', name: 'Dr Entra', preferred_username: 'a@b.nhs.uk' },
        {},
      ),
    ).toEqual({ id: 'object-id', name: 'Dr Entra', email: 'a@b.nhs.uk' });
  });
});

describe('single sign-on maps the person to a Fulfil user by email', () => {
  let db: TestDatabase;
  let options: AuthOptions;
  let organisationId: number;
  let userId: number;

  beforeAll(async () => {
    db = await createTestDatabase();
    useDatabase(db);
    options = buildAuthOptions({ secret: SECRET, maxAgeSeconds: 3600, useSecureCookies: false, sso: null });
    organisationId = (await db.prisma.organisation.create({ data: { code: 'RSS', name: 'SSO Trust' } })).id;
    userId = (
      await db.prisma.user.create({
        data: { organisationId, email: 'sam.patel@example.nhs.uk', name: 'Dr Sam Patel' },
      })
    ).id;
    await db.prisma.user.create({
      data: { organisationId, email: 'gone@example.nhs.uk', name: 'Dr Gone', isActive: false },
    });
  });
  afterAll(async () => {
    await db?.drop();
  });

  const ssoSignIn = (user: User) =>
    options.callbacks!.signIn!({
      user,
      account: { provider: SSO_PROVIDER_ID, type: 'oauth', providerAccountId: user.id },
    });

  it('lets an active user in, whatever the case of the email, and the session names the Fulfil user', async () => {
    const user: User = { id: 'entra-object-id', email: 'Sam.Patel@Example.NHS.uk', name: 'Patel, Sam' };
    expect(await ssoSignIn(user)).toBe(true);
    expect(user).toMatchObject({ id: String(userId), organisationId, email: 'sam.patel@example.nhs.uk' });
    const token = await options.callbacks!.jwt!({ token: {}, user, account: null, trigger: 'signIn' });
    expect(token).toMatchObject({ sub: String(userId), organisationId, authMethod: 'sso' });
    const events = await db.prisma.auditEvent.findMany({ where: { organisationId, actorUserId: userId } });
    expect(events.map((event) => [event.action, event.details])).toEqual([
      ['sign_in.success', { method: 'sso' }],
    ]);
  });

  it('refuses anyone who is not an active Fulfil user, and records why', async () => {
    expect(await ssoSignIn({ id: 'x', email: 'stranger@example.nhs.uk', name: 'Stranger' })).toBe(false);
    expect(await ssoSignIn({ id: 'y', email: 'gone@example.nhs.uk', name: 'Gone' })).toBe(false);
    expect(await ssoSignIn({ id: 'z', email: null, name: 'No email' })).toBe(false);
    const failures = await db.prisma.auditEvent.findMany({
      where: { organisationId, action: 'sign_in.failure' },
      orderBy: { id: 'asc' },
    });
    expect(failures.map((event) => event.details)).toEqual([
      { method: 'sso', reason: 'not_a_fulfil_user', email: 'stranger@example.nhs.uk' },
      { method: 'sso', reason: 'inactive_user', email: 'gone@example.nhs.uk' },
      { method: 'sso', reason: 'not_a_fulfil_user', email: '' },
    ]);
  });

  it('sends people back only to pages of this site', async () => {
    const redirect = (url: string) => options.callbacks!.redirect!({ url, baseUrl: 'https://fulfil.test' });
    expect(await redirect('/imports?kind=leave')).toBe('https://fulfil.test/imports?kind=leave');
    expect(await redirect('https://fulfil.test/definitions')).toBe('https://fulfil.test/definitions');
    expect(await redirect('https://evil.example/')).toBe('https://fulfil.test');
    expect(await redirect('//evil.example/')).toBe('https://fulfil.test/');
  });
});
