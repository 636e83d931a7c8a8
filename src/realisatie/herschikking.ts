/**
 * The herschikking computed from a scenario file (no database): kept apart from service.ts so that
 * src/realisatie/index.ts reaches no file that reads budget's door (no import circle).
 */
import { badRequest, unprocessable } from '../platform/errors.ts';
import { highsSolver, laadHighs } from '../platform/highs.ts';
import {
  alsJson,
  herschik,
  leesScenario,
  OnmogelijkeInvoer,
  type HerschikJson,
} from '../domain/realisatie/herschikking.ts';

/**
 * Computes a herschikking scenario. 400 `scenario-ongeldig` for a field error (CLI exit 2),
 * 422 `herschikking-onmogelijk` when the figures cannot be honoured (CLI exit 1). A scenario with a
 * maximum per provider is solved with HiGHS (loaded only then).
 */
export async function berekenHerschikking(raw: unknown): Promise<HerschikJson> {
  const { scenario, fouten } = leesScenario(raw);
  if (!scenario)
    throw badRequest('scenario-ongeldig', 'Het herschikkingsscenario is ongeldig.', {
      fouten,
      actie: 'Zie docs/formaten/herschikking.md voor het formaat.',
    });
  const solver = scenario.aanbieders.some((a) => a.maximum != null) ? highsSolver(await laadHighs()) : undefined;
  try {
    return alsJson(herschik(scenario, solver));
  } catch (e) {
    if (e instanceof OnmogelijkeInvoer)
      throw unprocessable('herschikking-onmogelijk', 'Deze herschikking is met deze cijfers niet uit te voeren.', {
        fouten: e.fouten,
      });
    throw e;
  }
}
