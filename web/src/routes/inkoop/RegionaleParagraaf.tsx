/**
 * The zorgkantoor's regionale paragraaf of an inkoopkader (src/domain/inkoop/regionale-paragraaf.ts):
 * its own text, regional weights of the weighted award criteria, the scoring step, regional
 * conditions for a two-year contract and, for best value kaders, the proposal limits. Editable by
 * the owning zorgkantoor while the kader is editable (PATCH /inkoop/kaders/{id}; the server's 422
 * fouten are shown at their fields); read-only for providers and the supervisor (published version).
 */
import { useRef, useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, isApiError } from '../../app/api.ts';
import { useI18n } from '../../app/i18n.tsx';
import {
  Alert,
  Button,
  DetailList,
  Fieldset,
  formatGetal,
  ProblemAlert,
  Checkbox,
  Section,
  Select,
  TextArea,
  TextInput,
} from '../../ui/index.ts';
import type { Eis, Kader, RegionaleParagraaf as Paragraaf } from './types.ts';
import { PrijsafsprakenWeergave, usePrijsafspraken } from './Prijsafspraken.tsx';
import './messages.ts';

/** The phases in which the server accepts edits of the kader (src/inkoop/kader.ts `bewerk`). */
const BEWERKBAAR = ['concept', 'gepubliceerd', 'vragenronde', 'nvi_gepubliceerd', 'toelating_doorlopend'];
const BV_VELDEN = ['maxWoorden', 'maxKpis', 'verduidelijkingAantal'] as const;
const gewogen = (eisen: Eis[]) => eisen.filter((e) => e.groep === 'gunningscriterium_gewogen');

/** The kinds of a regional condition and their parameters (src/domain/inkoop/regionale-voorwaarden.ts). */
const SOORTEN = ['klasse', 'geen-signalen', 'contractjaren'] as const;
const KLASSEN = ['bestaand', 'geheel_nieuw', 'nieuw_in_regio', 'nieuw_zzp_vpt'] as const;
const SIGNAAL_SOORTEN = ['verscherpt_toezicht', 'fraudeonderzoek', 'fraude_vastgesteld'] as const;
export type Voorwaarde = NonNullable<Paragraaf['tweejarigeVoorwaarden']>[number];

/** "Klasse: bestaand" / "Geen fraudeonderzoek in 5 jaar" / "Overeenkomst in elk van de 3 jaar ervoor". */
export function soortTekst(v: Voorwaarde, t: ReturnType<typeof useI18n>['t']): string {
  if (v.soort === 'klasse')
    return t('inkoop.rp.soort.klasse.tekst', {
      klassen: (v.klassen ?? []).map((x) => t(`inkoop.rp.klasse.${x}`)).join(', '),
    });
  if (v.soort === 'geen-signalen')
    return t('inkoop.rp.soort.geen-signalen.tekst', {
      soorten: (v.signaalSoorten ?? []).map((x) => t(`inkoop.rp.signaal.${x}`)).join(', '),
      jaren: String(v.jaren ?? ''),
    });
  if (v.soort === 'contractjaren') return t('inkoop.rp.soort.contractjaren.tekst', { jaren: String(v.jaren ?? '') });
  return t('inkoop.rp.soort.geen');
}

export function RegionaleParagraaf({ k }: { k: Kader }) {
  // A condition stored without a kind can be given one also after the deadline (the server accepts only that then).
  const zonderSoort = (k.regionaleParagraaf?.tweejarigeVoorwaarden ?? []).some((v) => !v.soort);
  return k.eigenaar && (BEWERKBAAR.includes(k.fase) || zonderSoort) ? <Bewerken k={k} /> : <Weergave k={k} />;
}

// ─────────────────────────── read-only ───────────────────────────

function Weergave({ k }: { k: Kader }) {
  const { t, taal } = useI18n();
  const p: Paragraaf = k.regionaleParagraaf ?? {};
  const criteria = gewogen(k.eisen);
  const voorwaarden = p.tweejarigeVoorwaarden ?? [];
  const bv = k.procedureType === 'best_value' ? p.bestValue : undefined;
  const leeg =
    !p.toelichting && !p.weging && !p.schaalStap && !voorwaarden.length && !bv && !p.basistarief && !p.opslagTabel;
  return (
    <Section title={t('inkoop.rp.titel')} id="regionale-paragraaf">
      {leeg && <p className="muted">{t('inkoop.rp.leeg')}</p>}
      {p.toelichting && (
        <div className="regionale-paragraaf-tekst" style={{ whiteSpace: 'pre-wrap' }}>
          {p.toelichting}
        </div>
      )}
      {/* the weights apply to every bid; shown also without regional ones (the provider's requirement table has no weights) */}
      {criteria.length > 0 && (
        <>
          <h3>{t('inkoop.rp.weging')}</h3>
          <table className="table">
            <caption className="visually-hidden">{t('inkoop.rp.weging.tabel')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('inkoop.rp.weging.criterium')}</th>
                <th scope="col">{t('inkoop.rp.weging.standaard')}</th>
                <th scope="col">{t('inkoop.rp.weging.regionaal')}</th>
              </tr>
            </thead>
            <tbody>
              {criteria.map((e) => (
                <tr key={e.code}>
                  <th scope="row">
                    {e.code} <span className="muted">{e.tekst}</span>
                  </th>
                  <td>{formatGetal(e.gewicht, taal)}</td>
                  <td>
                    {p.weging?.[e.code] !== undefined ? (
                      <strong>{formatGetal(p.weging[e.code], taal)}</strong>
                    ) : (
                      t('inkoop.rp.weging.gelijk')
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {(p.schaalStap || bv) && (
        <DetailList
          items={[
            ...(p.schaalStap ? [[t('inkoop.rp.schaalStap'), formatGetal(p.schaalStap, taal)] as [string, string]] : []),
            ...(bv
              ? BV_VELDEN.filter((f) => bv[f] !== undefined).map(
                  (f) => [t(`inkoop.rp.bv.${f}`), String(bv[f])] as [string, string],
                )
              : []),
          ]}
        />
      )}
      {k.procedureType !== 'best_value' && <PrijsafsprakenWeergave p={p} />}
      {!leeg && (
        <>
          <h3>{t('inkoop.rp.voorwaarden')}</h3>
          {voorwaarden.length ? (
            <ul>
              {voorwaarden.map((v) => (
                <li key={v.code}>
                  <strong>{v.code}</strong>: {v.omschrijving} <span className="muted">({soortTekst(v, t)})</span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">{t('inkoop.rp.voorwaarden.geen')}</p>
          )}
        </>
      )}
    </Section>
  );
}

// ─────────────────────────── editor (zorgkantoor) ───────────────────────────

interface VoorwaardeForm {
  sleutel: number;
  code: string;
  omschrijving: string;
  soort: string;
  klassen: string[];
  signaalSoorten: string[];
  jaren: string;
}

/** The condition as sent: only the parameters of its kind; jaren as typed when not a whole number (the server names it). */
function voorwaardeUit(v: VoorwaardeForm) {
  const basis = { code: v.code, omschrijving: v.omschrijving, ...(v.soort ? { soort: v.soort } : {}) };
  const jaren = /^\d{1,9}$/.test(v.jaren.trim()) ? Number(v.jaren.trim()) : v.jaren.trim() || undefined;
  if (v.soort === 'klasse') return { ...basis, klassen: v.klassen };
  if (v.soort === 'geen-signalen')
    return { ...basis, signaalSoorten: v.signaalSoorten, ...(jaren !== undefined ? { jaren } : {}) };
  if (v.soort === 'contractjaren') return { ...basis, ...(jaren !== undefined ? { jaren } : {}) };
  return basis;
}

function Bewerken({ k }: { k: Kader }) {
  const { t, taal } = useI18n();
  const qc = useQueryClient();
  const p: Paragraaf = k.regionaleParagraaf ?? {};
  const volgende = useRef(0);
  const nieuw = (v?: Voorwaarde): VoorwaardeForm => ({
    sleutel: volgende.current++,
    code: v?.code ?? '',
    omschrijving: v?.omschrijving ?? '',
    soort: v?.soort ?? '',
    klassen: v?.klassen ?? [],
    signaalSoorten: v?.signaalSoorten ?? [],
    jaren: v?.jaren !== undefined ? String(v.jaren) : '',
  });
  const [toelichting, setToelichting] = useState(p.toelichting ?? '');
  const [weging, setWeging] = useState<Record<string, string>>(p.weging ?? {});
  const [schaalStap, setSchaalStap] = useState(p.schaalStap ?? '');
  const [voorwaarden, setVoorwaarden] = useState<VoorwaardeForm[]>(() =>
    (p.tweejarigeVoorwaarden ?? []).map((v) => nieuw(v)),
  );
  const [bv, setBv] = useState<Record<string, string>>(() =>
    Object.fromEntries(BV_VELDEN.map((f) => [f, p.bestValue?.[f] !== undefined ? String(p.bestValue[f]) : ''])),
  );
  const isBv = k.procedureType === 'best_value';
  // basistarief, opslag table and grant moments (2016 decision table only): Prijsafspraken.tsx
  const prijs = usePrijsafspraken(p);
  const criteria = gewogen(k.eisen);
  // a stored weight for a code that is no longer a weighted criterion: shown so it can be cleared (publication refuses it)
  const vervallen = Object.keys(weging).filter((code) => !criteria.some((e) => e.code === code));

  const m = useMutation({
    mutationFn: () => {
      const w = Object.fromEntries(
        Object.entries(weging)
          .filter(([, v]) => v.trim())
          .map(([c, v]) => [c, v.trim()]),
      );
      const b = Object.fromEntries(
        Object.entries(bv)
          .filter(([, v]) => v.trim())
          .map(([f, v]) => [f, v.trim()]),
      );
      return api.patch(`/inkoop/kaders/${k.id}`, {
        regionaleParagraaf: {
          ...(toelichting.trim() ? { toelichting } : {}),
          ...(Object.keys(w).length ? { weging: w } : {}),
          ...(schaalStap.trim() ? { schaalStap: schaalStap.trim() } : {}),
          ...(voorwaarden.length ? { tweejarigeVoorwaarden: voorwaarden.map(voorwaardeUit) } : {}),
          ...(isBv && Object.keys(b).length ? { bestValue: b } : {}),
          ...(isBv ? {} : prijs.waarde()),
        },
      });
    },
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: ['inkoop'] });
    },
  });
  // Errors per field from the problem's fouten (waar = "regionaleParagraaf.weging.F1", "regionaleParagraaf.tweejarigeVoorwaarden[0].code", …).
  const fout = (waar: string) =>
    isApiError(m.error)
      ? m.error.fouten
          .filter((f) => f.waar === `regionaleParagraaf.${waar}`)
          .map((f) => f.wat)
          .join(' ') || undefined
      : undefined;
  // errors on a list of a condition and on its items ("…klassen" and "…klassen[1]")
  const lijstFout = (waar: string) =>
    isApiError(m.error)
      ? m.error.fouten
          .filter((f) => f.waar === `regionaleParagraaf.${waar}` || f.waar?.startsWith(`regionaleParagraaf.${waar}[`))
          .map((f) => f.wat)
          .join(' ') || undefined
      : undefined;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    m.reset();
    m.mutate();
  };
  const zetVoorwaarde = (n: number, veld: 'code' | 'omschrijving' | 'soort' | 'jaren', v: string) =>
    setVoorwaarden((vs) => vs.map((x, i) => (i === n ? { ...x, [veld]: v } : x)));
  const wisselLijst = (n: number, veld: 'klassen' | 'signaalSoorten', waarde: string, aan: boolean) =>
    setVoorwaarden((vs) =>
      vs.map((x, i) =>
        i === n ? { ...x, [veld]: aan ? [...x[veld], waarde] : x[veld].filter((y) => y !== waarde) } : x,
      ),
    );

  const gewichtRij = (code: string, tekst: string | null, standaard: string | null) => {
    const err = fout(`weging.${code}`);
    const id = `rp-weging-${code}`;
    return (
      <tr key={code}>
        <th scope="row">
          {code} {tekst && <span className="muted">{tekst}</span>}
        </th>
        <td>{standaard === null ? '—' : formatGetal(standaard, taal)}</td>
        <td>
          <input
            id={id}
            className="input"
            inputMode="decimal"
            aria-label={t('inkoop.rp.weging.veld', { code })}
            value={weging[code] ?? ''}
            aria-invalid={err ? true : undefined}
            aria-describedby={err ? `${id}-error` : undefined}
            onChange={(e) => setWeging((w) => ({ ...w, [code]: e.target.value }))}
          />
          {err && (
            <p className="field-error-text" id={`${id}-error`} aria-live="polite">
              {err}
            </p>
          )}
        </td>
      </tr>
    );
  };

  return (
    <Section title={t('inkoop.rp.titel')} id="regionale-paragraaf">
      <p>{t('inkoop.rp.intro')}</p>
      <form className="form" onSubmit={submit} noValidate aria-label={t('inkoop.rp.titel')}>
        <TextArea
          id="rp-toelichting"
          label={t('inkoop.rp.toelichting')}
          hint={t('inkoop.rp.toelichting.hint')}
          rows={8}
          maxLength={20_000}
          value={toelichting}
          error={fout('toelichting')}
          onChange={(e) => setToelichting(e.target.value)}
        />

        <h3>{t('inkoop.rp.weging')}</h3>
        <p className="muted">{t('inkoop.rp.weging.uitleg')}</p>
        {fout('weging') && (
          <p className="field-error-text" role="alert">
            {fout('weging')}
          </p>
        )}
        {criteria.length === 0 && vervallen.length === 0 ? (
          <p className="muted">{t('inkoop.rp.weging.geen')}</p>
        ) : (
          <table className="table">
            <caption className="visually-hidden">{t('inkoop.rp.weging.tabel')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('inkoop.rp.weging.criterium')}</th>
                <th scope="col">{t('inkoop.rp.weging.standaard')}</th>
                <th scope="col">{t('inkoop.rp.weging.regionaal')}</th>
              </tr>
            </thead>
            <tbody>
              {criteria.map((e) => gewichtRij(e.code, e.tekst, e.gewicht))}
              {vervallen.map((code) => gewichtRij(code, t('inkoop.rp.weging.vervallen'), null))}
            </tbody>
          </table>
        )}
        <TextInput
          id="rp-schaalstap"
          inputMode="decimal"
          label={t('inkoop.rp.schaalStap')}
          hint={t('inkoop.rp.schaalStap.hint')}
          value={schaalStap}
          error={fout('schaalStap')}
          onChange={(e) => setSchaalStap(e.target.value)}
        />

        <h3>{t('inkoop.rp.voorwaarden')}</h3>
        <p className="muted">{t('inkoop.rp.voorwaarden.uitleg')}</p>
        {fout('tweejarigeVoorwaarden') && (
          <p className="field-error-text" role="alert">
            {fout('tweejarigeVoorwaarden')}
          </p>
        )}
        {voorwaarden.length === 0 && <p className="muted">{t('inkoop.rp.voorwaarden.geen')}</p>}
        {voorwaarden.map((v, n) => {
          const nr = n + 1;
          return (
            <Fieldset
              key={v.sleutel}
              legend={t('inkoop.rp.voorwaarde', { n: nr })}
              error={fout(`tweejarigeVoorwaarden[${n}]`)}
            >
              <TextInput
                id={`rp-vw-${v.sleutel}-code`}
                label={t('inkoop.rp.voorwaarde.code', { n: nr })}
                value={v.code}
                error={fout(`tweejarigeVoorwaarden[${n}].code`)}
                onChange={(e) => zetVoorwaarde(n, 'code', e.target.value)}
              />
              <TextArea
                id={`rp-vw-${v.sleutel}-omschrijving`}
                label={t('inkoop.rp.voorwaarde.omschrijving', { n: nr })}
                rows={2}
                value={v.omschrijving}
                error={fout(`tweejarigeVoorwaarden[${n}].omschrijving`)}
                onChange={(e) => zetVoorwaarde(n, 'omschrijving', e.target.value)}
              />
              <Select
                id={`rp-vw-${v.sleutel}-soort`}
                label={t('inkoop.rp.voorwaarde.soort', { n: nr })}
                hint={t('inkoop.rp.voorwaarde.soort.hint')}
                value={v.soort}
                placeholder={t('inkoop.rp.soort.kies')}
                options={SOORTEN.map((s) => ({ value: s, label: t(`inkoop.rp.soort.${s}`) }))}
                error={fout(`tweejarigeVoorwaarden[${n}].soort`)}
                onChange={(e) => zetVoorwaarde(n, 'soort', e.target.value)}
              />
              {v.soort === 'klasse' && (
                <Fieldset
                  legend={t('inkoop.rp.voorwaarde.klassen', { n: nr })}
                  error={lijstFout(`tweejarigeVoorwaarden[${n}].klassen`)}
                >
                  {KLASSEN.map((kl) => (
                    <Checkbox
                      key={kl}
                      id={`rp-vw-${v.sleutel}-klasse-${kl}`}
                      label={t(`inkoop.rp.klasse.${kl}`)}
                      checked={v.klassen.includes(kl)}
                      onChange={(e) => wisselLijst(n, 'klassen', kl, e.target.checked)}
                    />
                  ))}
                </Fieldset>
              )}
              {v.soort === 'geen-signalen' && (
                <Fieldset
                  legend={t('inkoop.rp.voorwaarde.signalen', { n: nr })}
                  error={lijstFout(`tweejarigeVoorwaarden[${n}].signaalSoorten`)}
                >
                  {SIGNAAL_SOORTEN.map((sg) => (
                    <Checkbox
                      key={sg}
                      id={`rp-vw-${v.sleutel}-signaal-${sg}`}
                      label={t(`inkoop.rp.signaal.${sg}`)}
                      checked={v.signaalSoorten.includes(sg)}
                      onChange={(e) => wisselLijst(n, 'signaalSoorten', sg, e.target.checked)}
                    />
                  ))}
                </Fieldset>
              )}
              {(v.soort === 'geen-signalen' || v.soort === 'contractjaren') && (
                <TextInput
                  id={`rp-vw-${v.sleutel}-jaren`}
                  label={t(`inkoop.rp.voorwaarde.jaren.${v.soort}`, { n: nr })}
                  hint={t('inkoop.rp.voorwaarde.jaren.hint')}
                  inputMode="numeric"
                  value={v.jaren}
                  error={fout(`tweejarigeVoorwaarden[${n}].jaren`)}
                  onChange={(e) => zetVoorwaarde(n, 'jaren', e.target.value)}
                />
              )}
              <Button variant="danger" onClick={() => setVoorwaarden((vs) => vs.filter((_, i) => i !== n))}>
                {t('inkoop.rp.voorwaarde.verwijderen', { n: nr })}
              </Button>
            </Fieldset>
          );
        })}
        <div className="button-row">
          <Button onClick={() => setVoorwaarden((vs) => [...vs, nieuw()])}>
            {t('inkoop.rp.voorwaarde.toevoegen')}
          </Button>
        </div>

        {!isBv && prijs.velden(fout)}

        {isBv && (
          <>
            <h3>{t('inkoop.rp.bv')}</h3>
            {fout('bestValue') && (
              <p className="field-error-text" role="alert">
                {fout('bestValue')}
              </p>
            )}
            {BV_VELDEN.map((f) => (
              <TextInput
                key={f}
                id={`rp-bv-${f}`}
                inputMode="numeric"
                label={t(`inkoop.rp.bv.${f}`)}
                hint={t(`inkoop.rp.bv.${f}.hint`)}
                value={bv[f]}
                error={fout(`bestValue.${f}`)}
                onChange={(e) => setBv((b) => ({ ...b, [f]: e.target.value }))}
              />
            ))}
          </>
        )}

        {m.error && <ProblemAlert error={m.error} />}
        {m.isSuccess && <Alert variant="success">{t('inkoop.rp.opgeslagen')}</Alert>}
        <Button type="submit" variant="primary" bezig={m.isPending}>
          {t('inkoop.rp.opslaan')}
        </Button>
      </form>
    </Section>
  );
}
