import type { PageRoute } from '../index.ts';
import './messages.ts';

/**
 * Best value has no pages of its own: BestValueVoorstel is embedded in the inschrijving page
 * (inkoop), BestValueWeergave and the rank columns in the assessment pages (gunning).
 */
export const routes: PageRoute[] = [];
