/**
 * Budget capability (issue 11, "Contracteerruimte en productieafspraken"). For now the CLI command
 * of the allocation engine; routes for the ledger, productieafspraken and scenarios come beside it.
 *
 *   zorginkoop verdeel --scenario <bestand.json> [--json]
 *
 * Needs no database. Exit 0 for a result (also `prorata` and `tekort`), 1 for `onhaalbaar` (the
 * outcome is still printed), 2 for wrong usage or an invalid scenario file (the field named).
 */
import fs from 'node:fs';
import type { Command } from 'commander';
import type { Capability } from '../platform/capability-type.ts';
import type { CliContext } from '../platform/cli/index.ts';
import { AppError, formatForTerminal } from '../platform/errors.ts';
import type { VerdelingUitkomst } from '../domain/budget/types.ts';

/** Dutch display of "1234567.89" as "1.234.567,89". */
function bedragNl(s: string): string {
  const neg = s.startsWith('-');
  const [i, f] = (neg ? s.slice(1) : s).split('.');
  return `${neg ? '-' : ''}${i.replace(/\B(?=(\d{3})+(?!\d))/g, '.')},${f ?? '00'}`;
}

const STATUS_NL: Record<VerdelingUitkomst['status'], string> = {
  opgelost: 'opgelost',
  prorata: 'opgelost met vloeren naar rato verlaagd (prorata)',
  onhaalbaar: 'ONHAALBAAR — geen verdeling',
  tekort: 'TEKORT — de afspraken overschrijden de contracteerruimte',
};

/** A readable Dutch table of the outcome. */
export function verdelingAlsTabel(u: VerdelingUitkomst): string {
  const kop = ['Aanbieder', 'Bedrag (€)', u.model === 'P' ? '% NZa-max' : '% realisatie', 'Bindend'];
  if (u.model === 'Q') kop.splice(1, 0, 'Score', 'Vloer (€)', 'Plafond (€)');
  if (u.model === 'toekenning') kop.splice(1, 0, 'Plafond (€)');
  if (u.model === 'P') kop.splice(1, 0, 'Score');
  const rijen = u.afspraken.map((a) => {
    const r = [
      a.aanbieder,
      bedragNl(a.bedrag),
      u.model === 'P'
        ? (a.percentage ?? '')
        : a.percentageVanRealisatie
          ? a.percentageVanRealisatie.replace('.', ',')
          : '–',
      a.bindend.join(', ') || '–',
    ];
    if (u.model === 'Q')
      r.splice(1, 0, a.score ?? '', bedragNl(a.vloer ?? '0.00'), a.plafond ? bedragNl(a.plafond) : '–');
    if (u.model === 'toekenning') r.splice(1, 0, a.plafond ? bedragNl(a.plafond) : '–');
    if (u.model === 'P') r.splice(1, 0, a.score ?? '');
    return r;
  });
  const breed = kop.map((k, c) => Math.max(k.length, ...rijen.map((r) => r[c].length)));
  const links = (c: number) => c === 0 || c === kop.length - 1;
  const regel = (r: string[]) =>
    r
      .map((v, c) => (links(c) ? v.padEnd(breed[c]) : v.padStart(breed[c])))
      .join('  ')
      .trimEnd();
  const modelNaam = u.model === 'toekenning' ? 'toekenningspercentage' : `model ${u.model}`;
  const uit: string[] = [
    `Verdeling ${modelNaam}, regio ${u.regio}, jaar ${u.jaar}: ${STATUS_NL[u.status]}`,
    '',
    regel(kop),
    breed.map((b) => '-'.repeat(b)).join('  '),
    ...rijen.map(regel),
    '',
    `Contracteerruimte € ${bedragNl(u.contracteerruimte)}, reserve € ${bedragNl(u.reserve)}, totaal afspraken € ${bedragNl(u.totaal)}, pool € ${bedragNl(u.pool)}.`,
  ];
  if (u.selectiefDeel !== undefined && u.status === 'opgelost')
    uit.push(`Selectief deel (boven de vloeren): € ${bedragNl(u.selectiefDeel)}.`);
  if (u.tekortBedrag !== undefined && u.tekortBedrag !== '0.00')
    uit.push(`Tekort: € ${bedragNl(u.tekortBedrag)} (niet gekort; ophoging vragen bij de NZa).`);
  if (u.conflicten?.length) {
    uit.push('', 'Conflicten:');
    for (const c of u.conflicten)
      uit.push(`  - ${c.beperkingen.join(' + ')} (${'€ ' + bedragNl(c.bedrag)}): ${c.uitleg}`);
  }
  uit.push('', 'Uitleg per aanbieder:');
  for (const a of u.afspraken) uit.push(`  ${a.aanbieder}: ${a.uitleg}`);
  return uit.join('\n');
}

/** Prints a usage / file error and sets exit code 2. */
function gebruiksfout(json: boolean, err: AppError): void {
  if (json)
    process.stdout.write(
      JSON.stringify({ fout: err.message, code: err.code, fouten: err.fouten, actie: err.actie }, null, 2) + '\n',
    );
  process.stderr.write(`Fout: ${formatForTerminal(err)}\n`);
  process.exitCode = 2;
}

function cli(program: Command, _cli: CliContext) {
  program
    .command('verdeel')
    .description(
      'verdeel de contracteerruimte over aanbieders (model Q, P of toekenning) uit een scenariobestand; zonder database',
    )
    .requiredOption('--scenario <bestand>', 'scenario als JSON (zie docs/formaten/verdeling.md)')
    .action(async (o: { scenario: string }, cmd: Command) => {
      const json = !!cmd.optsWithGlobals().json;
      let tekst: string;
      try {
        tekst = fs.readFileSync(o.scenario, 'utf8');
      } catch {
        return gebruiksfout(
          json,
          new AppError(2, 'bestand-onleesbaar', `Het scenariobestand ${o.scenario} bestaat niet of is niet leesbaar.`, {
            actie: 'Geef het pad naar een JSON-bestand met --scenario.',
          }),
        );
      }
      let invoer: unknown;
      try {
        invoer = JSON.parse(tekst);
      } catch (e) {
        return gebruiksfout(
          json,
          new AppError(2, 'geen-json', `Het scenariobestand ${o.scenario} is geen geldige JSON.`, {
            fouten: [{ waar: o.scenario, wat: e instanceof Error ? e.message : String(e) }],
            actie: 'Controleer komma’s, aanhalingstekens en haakjes.',
          }),
        );
      }
      const { valideerScenario, verdeel } = await import('./verdeling.ts');
      const v = valideerScenario(invoer);
      if (!v.geldig)
        return gebruiksfout(
          json,
          new AppError(2, 'scenario-ongeldig', `Het scenario in ${o.scenario} is ongeldig.`, {
            fouten: v.fouten,
            actie: 'Verbeter de genoemde velden; het formaat staat in docs/formaten/verdeling.md.',
          }),
        );
      try {
        const u = await verdeel(invoer as Parameters<typeof verdeel>[0]);
        process.stdout.write((json ? JSON.stringify(u, null, 2) : verdelingAlsTabel(u)) + '\n');
        process.exitCode = u.status === 'onhaalbaar' ? 1 : 0;
      } catch (e) {
        if (json)
          process.stdout.write(JSON.stringify({ fout: e instanceof Error ? e.message : String(e) }, null, 2) + '\n');
        process.stderr.write(`Fout: ${formatForTerminal(e)}\n`);
        process.exitCode = 1;
      }
    });
}

export const budgetCapability: Capability = { naam: 'budget', cli };
