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
