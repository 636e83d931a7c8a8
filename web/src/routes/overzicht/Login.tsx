import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useT } from '../../app/i18n.tsx';
import { api, API_BASE } from '../../app/api.ts';
import { useSession } from '../../app/session.tsx';
import { Link } from '../../app/router.tsx';
import { Alert, Button, PageHeader, ProblemAlert, TextInput } from '../../ui/index.ts';
import './messages.ts';
import '../openbaar/messages.ts';

/** GET /auth/methoden: which sign-in methods the server offers. */
interface Methoden {
  wachtwoord: boolean;
  oidc: { naam: string } | null;
}

export function LoginPagina() {
  const t = useT();
  const { login } = useSession();
  const [email, setEmail] = useState('');
  const [wachtwoord, setWachtwoord] = useState('');
  const [fouten, setFouten] = useState<{ email?: string; wachtwoord?: string }>({});
  const [error, setError] = useState<unknown>(null);
  const [bezig, setBezig] = useState(false);
  const emailRef = useRef<HTMLInputElement>(null);
  const pwRef = useRef<HTMLInputElement>(null);
  const [methoden, setMethoden] = useState<Methoden | null>(null);
  useEffect(() => {
    const ac = new AbortController();
    api.get<Methoden>('/auth/methoden', { signal: ac.signal }).then(setMethoden, () => undefined);
    return () => ac.abort();
  }, []);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const f = {
      email: email.trim() ? undefined : t('overzicht.login.email.leeg'),
      wachtwoord: wachtwoord ? undefined : t('overzicht.login.wachtwoord.leeg'),
    };
    setFouten(f);
    setError(null);
    if (f.email) {
      emailRef.current?.focus();
      return;
    }
    if (f.wachtwoord) {
      pwRef.current?.focus();
      return;
    }
    setBezig(true);
    try {
      await login(email.trim(), wachtwoord);
    } catch (err) {
      setError(err);
      setWachtwoord('');
      pwRef.current?.focus();
    } finally {
      setBezig(false);
    }
  }

  return (
    <div className="login">
      <div className="login-card">
        <PageHeader title={t('overzicht.login.titel')} intro={t('overzicht.login.intro')} />
        {error ? <ProblemAlert error={error} /> : null}
        {(fouten.email || fouten.wachtwoord) && <Alert variant="error">{t('overzicht.login.controleer')}</Alert>}
        {methoden?.oidc && (
          <div className="login-oidc">
            {/* a full page navigation: the server redirects to the identity provider */}
            <a className="btn btn-primary" href={`${API_BASE}/auth/oidc`}>
              {t('overzicht.login.oidc.met', { naam: methoden.oidc.naam })}
            </a>
            <p className="login-of">{t('overzicht.login.oidc.of')}</p>
          </div>
        )}
        <form onSubmit={submit} noValidate className="form">
          <TextInput
            ref={emailRef}
            label={t('overzicht.login.email')}
            type="email"
            name="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            error={fouten.email}
          />
          <TextInput
            ref={pwRef}
            label={t('overzicht.login.wachtwoord')}
            type="password"
            name="wachtwoord"
            autoComplete="current-password"
            required
            value={wachtwoord}
            onChange={(e) => setWachtwoord(e.target.value)}
            error={fouten.wachtwoord}
          />
          <Button type="submit" variant="primary" bezig={bezig}>
            {bezig ? t('overzicht.login.bezig') : t('overzicht.login.knop')}
          </Button>
        </form>
      </div>
      <p className="login-over">{t('overzicht.login.over')}</p>
      {/* public, no sign-in needed (web/src/routes/openbaar) */}
      <p className="login-over">
        {t('openbaar.login.tekst')} <Link to="/openbaar/inkoopkaders">{t('openbaar.nav')}</Link>
      </p>
    </div>
  );
}
