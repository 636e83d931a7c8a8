import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import { useI18n } from '../../app/i18n.tsx';
import { TaakVoortgang, type Taak } from '../../app/jobs.tsx';
import { verversNaWijziging } from '../../app/verversen.ts';
import type { PageProps } from '../../app/router.tsx';
import { Alert, Button, FileInput, PageHeader, ProblemAlert, Select } from '../../ui/index.ts';
import { JAREN } from './Monitor.tsx';
import './messages.ts';

interface Resultaat {
  importId: string;
  status: 'geladen' | 'geweigerd' | 'ongewijzigd';
  regels: number;
  geladen: number;
  geweigerd: number;
  perioden: number;
}

/** Declaration import (CSV, docs/formaten/declaraties.md) as a job, with a link to the error report. */
export function ImportPagina(_: PageProps) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const [jaar, setJaar] = useState('2025');
  const [modus, setModus] = useState('alles-of-niets');
  const [bestand, setBestand] = useState<File | null>(null);
  const [taakId, setTaakId] = useState<string | null>(null);
  const [fout, setFout] = useState<unknown>(null);
  const [bezig, setBezig] = useState(false);
  const [klaar, setKlaar] = useState<Taak | null>(null);
  const r = klaar?.resultaat as Resultaat | undefined;
  return (
    <>
      <PageHeader title={t('realisatie.import.titel')} intro={t('realisatie.import.intro')} />
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          if (!bestand) return;
          setFout(null);
          setKlaar(null);
          setBezig(true);
          try {
            const x = await api.upload<{ taakId: string }>('/realisatie/import', bestand, { jaar, modus });
            setTaakId(x.taakId);
          } catch (err) {
            setFout(err);
          } finally {
            setBezig(false);
          }
        }}
      >
        <Select
          label={t('realisatie.jaar')}
          value={jaar}
          onChange={(e) => setJaar(e.target.value)}
          options={JAREN.map((j) => ({ value: j, label: j }))}
        />
        <Select
          label={t('realisatie.import.modus')}
          hint={t('realisatie.import.modus.hint')}
          value={modus}
          onChange={(e) => setModus(e.target.value)}
          options={[
            { value: 'alles-of-niets', label: t('realisatie.import.modus.alles') },
            { value: 'geldige-regels', label: t('realisatie.import.modus.geldig') },
          ]}
        />
        <FileInput label={t('realisatie.import.bestand')} accept=".csv,text/csv" onFile={setBestand} />
        <Button type="submit" variant="primary" bezig={bezig} disabled={!bestand}>
          {t('realisatie.import.knop')}
        </Button>
      </form>
      {fout !== null && <ProblemAlert error={fout} />}
      {taakId && (
        <TaakVoortgang
          key={taakId}
          id={taakId}
          onKlaar={(x) => {
            setKlaar(x);
            void verversNaWijziging(qc, ['realisatie']);
          }}
        />
      )}
      {r && (
        <Alert
          variant={r.status === 'geweigerd' ? 'error' : r.geweigerd > 0 ? 'warning' : 'success'}
          title={t(`realisatie.import.status.${r.status}`)}
        >
          <p data-testid="import-resultaat">
            {t('realisatie.import.resultaat', {
              regels: r.regels,
              geladen: r.geladen,
              geweigerd: r.geweigerd,
              perioden: r.perioden,
            })}
          </p>
          {r.geweigerd > 0 && (
            <p>
              <a href={api.url(`/realisatie/import/${r.importId}/fouten.csv`)} download>
                {t('realisatie.import.rapport')}
              </a>
            </p>
          )}
        </Alert>
      )}
    </>
  );
}
