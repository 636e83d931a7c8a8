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
  Section,
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

export function RegionaleParagraaf({ k }: { k: Kader }) {
  return k.eigenaar && BEWERKBAAR.includes(k.fase) ? <Bewerken k={k} /> : <Weergave k={k} />;
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
                  <strong>{v.code}</strong>: {v.omschrijving}
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
}

function Bewerken({ k }: { k: Kader }) {
  const { t, taal } = useI18n();
  const qc = useQueryClient();
  const p: Paragraaf = k.regionaleParagraaf ?? {};
  const volgende = useRef(0);
  const nieuw = (code = '', omschrijving = ''): VoorwaardeForm => ({ sleutel: volgende.current++, code, omschrijving });
  const [toelichting, setToelichting] = useState(p.toelichting ?? '');
  const [weging, setWeging] = useState<Record<string, string>>(p.weging ?? {});
  const [schaalStap, setSchaalStap] = useState(p.schaalStap ?? '');
  const [voorwaarden, setVoorwaarden] = useState<VoorwaardeForm[]>(() =>
    (p.tweejarigeVoorwaarden ?? []).map((v) => nieuw(v.code, v.omschrijving)),
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
          ...(voorwaarden.length
            ? { tweejarigeVoorwaarden: voorwaarden.map((v) => ({ code: v.code, omschrijving: v.omschrijving })) }
            : {}),
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
  const submit = (e: FormEvent) => {
    e.preventDefault();
    m.reset();
    m.mutate();
  };
  const zetVoorwaarde = (n: number, veld: 'code' | 'omschrijving', v: string) =>
    setVoorwaarden((vs) => vs.map((x, i) => (i === n ? { ...x, [veld]: v } : x)));

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
