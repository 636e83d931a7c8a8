/**
 * OpenID Connect login for production (authorization code flow with PKCE). A person signs in at
 * the organisation's identity provider; the e-mail claim is matched to a local Gebruiker, whose
 * organisation and roles stay managed here.
 */
import type { OidcConfig } from '../config.ts';

export async function oidcClient(cfg: OidcConfig) {
  const client = await import('openid-client');
  const config = await client.discovery(new URL(cfg.issuer), cfg.clientId, cfg.clientSecret);
  return {
    async authorizationUrl(): Promise<{ url: string; verifier: string; state: string }> {
      const verifier = client.randomPKCECodeVerifier();
      const challenge = await client.calculatePKCECodeChallenge(verifier);
      const state = client.randomState();
      const url = client.buildAuthorizationUrl(config, {
        redirect_uri: cfg.redirectUri, scope: 'openid email profile', code_challenge: challenge, code_challenge_method: 'S256', state,
      });
      return { url: url.href, verifier, state };
    },
    async callback(currentUrl: URL, verifier: string, state: string): Promise<{ subject: string; email?: string }> {
      const tokens = await client.authorizationCodeGrant(config, currentUrl, { pkceCodeVerifier: verifier, expectedState: state });
      const claims = tokens.claims();
      if (!claims) throw new Error('geen ID-token ontvangen');
      return { subject: claims.sub, email: (claims as any)[cfg.emailClaim] as string | undefined };
    },
  };
}
