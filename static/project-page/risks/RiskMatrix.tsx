import { RISK_RATINGS, toRiskLevel, type MatrixCellJson } from '../../../contract/risks';
import { useRiskT } from './use-risk-messages';

export interface MatrixCellFilter {
  probability: number;
  impact: number;
}

/**
 * The 5×5 matrix of open risks as a real table: probability in rows (5 at the top), impact in
 * columns, each cell a toggle button that filters the register to it.
 */
export function RiskMatrix({
  cells,
  selected,
  onSelect,
}: {
  cells: readonly MatrixCellJson[];
  selected: MatrixCellFilter | null;
  onSelect: (cell: MatrixCellFilter | null) => void;
}) {
  const t = useRiskT();
  const countOf = (probability: number, impact: number) =>
    cells.find((c) => c.probability === probability && c.impact === impact)?.count ?? 0;
  return (
    <div className="cf-risks-matrix-wrap">
      <table className="cf-risks-matrix" data-testid="risks-matrix">
        <caption>{t('riskRegister.matrix.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">
              {t('riskRegister.matrix.probability')} / {t('riskRegister.matrix.impact')}
            </th>
            {RISK_RATINGS.map((impact) => (
              <th key={impact} scope="col">
                {t('riskRegister.matrix.impact')} {impact}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {[...RISK_RATINGS].reverse().map((probability) => (
            <tr key={probability}>
              <th scope="row">
                {t('riskRegister.matrix.probability')} {probability}
              </th>
              {RISK_RATINGS.map((impact) => {
                const count = countOf(probability, impact);
                const pressed = selected?.probability === probability && selected.impact === impact;
                return (
                  <td key={impact}>
                    <button
                      type="button"
                      data-level={toRiskLevel(probability * impact)}
                      data-testid={`risks-cell-${String(probability)}-${String(impact)}`}
                      aria-pressed={pressed}
                      aria-label={t('riskRegister.matrix.cellLabel', { count, probability, impact })}
                      onClick={() => onSelect(pressed ? null : { probability, impact })}
                    >
                      {count}
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
