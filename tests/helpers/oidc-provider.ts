import { createHash, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import Provider from 'oidc-provider';

/**
 * A real OpenID Connect provider (the `oidc-provider` package, as certified by the OpenID Foundation) on this
 * machine, standing in for Microsoft Entra ID in the end-to-end tests. Its built-in development sign-in page
 * accepts any login name with any password: the login name is used as the person's email address, so a test
 * "signs in at Microsoft" as whoever it needs to be.
 */
export interface LocalOidcProvider {
  issuer: string;
  wellKnownUrl: string;
  clientId: string;
  clientSecret: string;
  close(): Promise<void>;
}

export interface LocalOidcProviderOptions {
  port: number;
  /** Where the app receives the authorisation code, e.g. http://127.0.0.1:3100/api/auth/callback/azure-ad. */
  redirectUri: string;
  clientId?: string;
}

export async function startOidcProvider(options: LocalOidcProviderOptions): Promise<LocalOidcProvider> {
  const issuer = `http://127.0.0.1:${options.port}`;
  const clientId = options.clientId ?? 'fulfil-e2e';
  const clientSecret = randomBytes(24).toString('base64url');
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [options.redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['name', 'preferred_username'],
    },
    // Put the scopes' claims in the ID token, as Entra ID does with its optional email claim.
    conformIdTokenClaims: false,
    cookies: { keys: [randomBytes(32).toString('hex')] },
    findAccount: (_context, accountId) => ({
      accountId,
      claims: async () => ({
        // Entra ID's subject is opaque and stable per person: so is this one.
        sub: createHash('sha256').update(accountId.toLowerCase()).digest('hex').slice(0, 32),
        email: accountId,
        email_verified: true,
        preferred_username: accountId,
        name: `Entra ${accountId.split('@')[0]}`,
      }),
    }),
    features: { devInteractions: { enabled: true } },
  });
  const server: Server = createServer(provider.callback());
  server.listen(options.port, '127.0.0.1');
  await once(server, 'listening');
  return {
    issuer,
    wellKnownUrl: `${issuer}/.well-known/openid-configuration`,
    clientId,
    clientSecret,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
