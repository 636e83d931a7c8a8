/** Shapes of the /api/v1/budget answers: the server's named TypeBox shapes (src/budget/schemas.ts). */
export type {
  ContracteerruimteT as Contracteerruimte,
  BenuttingT as Benutting,
  ProductieafspraakT as Productieafspraak,
  ProductieafspraakDetailT as ProductieafspraakDetail,
  AfsprakenLijstT as AfsprakenLijst,
} from '../../../../src/budget/schemas.ts';
import type { ContracteerruimteT, BenuttingT } from '../../../../src/budget/schemas.ts';

export interface ContracteerruimteLijst {
  contracteerruimtes: ContracteerruimteT[];
  benutting: BenuttingT[];
  nzaDeadline: ContracteerruimteT['nzaDeadline'];
}
export type {
  ScenarioT as Scenario,
  ScenarioVergelijkingT as ScenarioVergelijking,
  ToelichtingT as Toelichting,
} from '../../../../src/budget/schemas.ts';

/** The engine's outcome as stored with a scenario (src/domain/budget/types.ts). */
export type { VerdelingUitkomst } from '../../../../src/domain/budget/types.ts';
