/**
 * OpenID Connect login for production (authorization code flow with PKCE). A person signs in at
 * the organisation's identity provider; the e-mail claim is matched to a local Gebruiker, whose
 * organisation and roles stay managed here.
 */
import type { OidcConfig } from '../config.ts';

export async function oidcClient(cfg: OidcConfig) {
  const client = await import('openid-client');
  const issuer = new URL(cfg.issuer);
  // Plain HTTP only for an identity provider on this machine (development and tests).
  const loopback = issuer.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(issuer.hostname);
  const config = await client.discovery(
    issuer,
    cfg.clientId,
    cfg.clientSecret,
    undefined,
    loopback ? { execute: [client.allowInsecureRequests] } : undefined,
  );
  return {
    async authorizationUrl(): Promise<{ url: string; verifier: string; state: string }> {
      const verifier = client.randomPKCECodeVerifier();
      const challenge = await client.calculatePKCECodeChallenge(verifier);
      const state = client.randomState();
      const url = client.buildAuthorizationUrl(config, {
        redirect_uri: cfg.redirectUri,
        scope: 'openid email profile',
        code_challenge: challenge,
        code_challenge_method: 'S256',
        state,
      });
      return { url: url.href, verifier, state };
    },
    async callback(currentUrl: URL, verifier: string, state: string): Promise<{ subject: string; email?: string }> {
      const tokens = await client.authorizationCodeGrant(config, currentUrl, {
        pkceCodeVerifier: verifier,
        expectedState: state,
      });
      const claims = tokens.claims();
      if (!claims) throw new Error('geen ID-token ontvangen');
      let email = (claims as any)[cfg.emailClaim] as string | undefined;
      // Many providers put the e-mail only in the userinfo response, not in the ID token.
      if (!email) {
        const info = await client.fetchUserInfo(config, tokens.access_token, claims.sub);
        email = (info as any)[cfg.emailClaim] as string | undefined;
      }
      return { subject: claims.sub, email };
    },
  };
}
