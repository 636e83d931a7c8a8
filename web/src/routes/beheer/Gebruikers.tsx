import { useMemo, useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import { useI18n } from '../../app/i18n.tsx';
import type { PageProps } from '../../app/router.tsx';
import { useSession, type OrganisatieSoort, type Rol } from '../../app/session.tsx';
import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Fieldset,
  PageHeader,
  ProblemAlert,
  QueryState,
  Section,
  Table,
  TextInput,
  type Column,
} from '../../ui/index.ts';
import './messages.ts';

interface GebruikerRij {
  id: string;
  email: string;
  naam: string;
  rollen: Rol[];
  actief: boolean;
}

/** Same as ROLLEN_PER_SOORT in src/platform/auth/roles.ts; the server checks it again. */
const ROLLEN_PER_SOORT: Record<OrganisatieSoort, Rol[]> = {
  zorgkantoor: ['inkoper', 'beoordelaar', 'controller', 'manager', 'zorgbemiddelaar', 'beheerder'],
  zorgaanbieder: ['aanbieder-contractmanager', 'aanbieder-bestuurder', 'clientenraad'],
  nza: ['toezichthouder'],
  cak: ['toezichthouder'],
  ciz: ['toezichthouder'],
  beheer: ['applicatiebeheerder', 'beheerder'],
};
const MIN_WACHTWOORD = 12;

export function GebruikersPagina(_: PageProps) {
  const { t } = useI18n();
  const { gebruiker } = useSession();
  const q = useQuery({ queryKey: ['gebruikers'], queryFn: () => api.get<GebruikerRij[]>('/gebruikers') });
  const columns = useMemo<Column<GebruikerRij>[]>(
    () => [
      { key: 'naam', header: t('beheer.kolom.naam'), rowHeader: true, sortValue: (g) => g.naam },
      { key: 'email', header: t('beheer.kolom.email'), sortValue: (g) => g.email },
      {
        key: 'rollen',
        header: t('beheer.kolom.rollen'),
        sortValue: (g) => g.rollen.join(','),
        cell: (g) => g.rollen.map((r) => t(`app.rol.${r}`)).join(', '),
      },
      {
        key: 'actief',
        header: t('beheer.kolom.status'),
        sortValue: (g) => (g.actief ? 0 : 1),
        cell: (g) => (
          <Badge variant={g.actief ? 'success' : 'neutral'}>{t(g.actief ? 'beheer.actief' : 'beheer.inactief')}</Badge>
        ),
      },
    ],
    [t],
  );
  return (
    <>
      <PageHeader
        title={t('beheer.gebruikers.titel')}
        intro={t('beheer.gebruikers.intro', { organisatie: gebruiker?.organisatieNaam ?? '' })}
      />
      <QueryState query={q}>
        {(rows) => (
          <Table
            caption={t('beheer.gebruikers.tabel')}
            captionHidden
            rows={rows}
            rowKey={(g) => g.id}
            columns={columns}
            filter={(g, s) => g.naam.toLowerCase().includes(s) || g.email.toLowerCase().includes(s)}
            initialSort={{ key: 'naam', dir: 'asc' }}
          />
        )}
      </QueryState>
      {gebruiker && <NieuweGebruiker soort={gebruiker.organisatieSoort} />}
    </>
  );
}

function NieuweGebruiker({ soort }: { soort: OrganisatieSoort }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const [naam, setNaam] = useState('');
  const [email, setEmail] = useState('');
  const [rollen, setRollen] = useState<Rol[]>([]);
  const [wachtwoord, setWachtwoord] = useState('');
  const [fouten, setFouten] = useState<Record<string, string | undefined>>({});
  const [klaar, setKlaar] = useState<string | null>(null);
  const m = useMutation({
    mutationFn: (body: { naam: string; email: string; rollen: Rol[]; wachtwoord: string }) =>
      api.post<{ id: string }>('/gebruikers', body),
    onSuccess: (_r, body) => {
      qc.invalidateQueries({ queryKey: ['gebruikers'] });
      setKlaar(t('beheer.nieuw.klaar', { email: body.email }));
      setNaam('');
      setEmail('');
      setRollen([]);
      setWachtwoord('');
    },
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    setKlaar(null);
    const f = {
      naam: naam.trim() ? undefined : t('beheer.fout.naam'),
      email: /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim()) ? undefined : t('beheer.fout.email'),
      rollen: rollen.length ? undefined : t('beheer.fout.rollen'),
      wachtwoord: wachtwoord.length >= MIN_WACHTWOORD ? undefined : t('beheer.fout.wachtwoord'),
    };
    setFouten(f);
    const first = Object.entries(f).find(([, v]) => v);
    if (first) {
      document.getElementById(`nieuw-${first[0]}`)?.focus();
      return;
    }
    m.mutate({ naam: naam.trim(), email: email.trim(), rollen, wachtwoord });
  }

  return (
    <Section title={t('beheer.nieuw.titel')}>
      {klaar && <Alert variant="success">{klaar}</Alert>}
      {m.error && <ProblemAlert error={m.error} />}
      <form className="form form-narrow" onSubmit={submit} noValidate>
        <TextInput
          id="nieuw-naam"
          label={t('beheer.nieuw.naam')}
          required
          value={naam}
          onChange={(e) => setNaam(e.target.value)}
          error={fouten.naam}
          autoComplete="off"
        />
        <TextInput
          id="nieuw-email"
          label={t('beheer.nieuw.email')}
          type="email"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={fouten.email}
          autoComplete="off"
        />
        <Fieldset legend={t('beheer.nieuw.rollen')} hint={t('beheer.nieuw.rollen.hint')} error={fouten.rollen}>
          {ROLLEN_PER_SOORT[soort].map((r, i) => (
            <Checkbox
              key={r}
              id={i === 0 ? 'nieuw-rollen' : undefined}
              label={t(`app.rol.${r}`)}
              checked={rollen.includes(r)}
              onChange={(e) => setRollen(e.target.checked ? [...rollen, r] : rollen.filter((x) => x !== r))}
            />
          ))}
        </Fieldset>
        <TextInput
          id="nieuw-wachtwoord"
          label={t('beheer.nieuw.wachtwoord')}
          hint={t('beheer.nieuw.wachtwoord.hint')}
          type="password"
          required
          autoComplete="new-password"
          value={wachtwoord}
          onChange={(e) => setWachtwoord(e.target.value)}
          error={fouten.wachtwoord}
        />
        <Button type="submit" variant="primary" bezig={m.isPending}>
          {t('beheer.nieuw.knop')}
        </Button>
      </form>
    </Section>
  );
}
