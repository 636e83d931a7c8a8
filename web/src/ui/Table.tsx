/**
 * A data table: sortable columns (aria-sort), optional text filter, paginated so thousands of
 * rows stay fast (only one page is in the DOM).
 *
 *   <Table caption="Regio's" rows={regios} rowKey={(r) => r.code} columns={[
 *     { key: 'code', header: 'Code', sortValue: (r) => r.code },
 *     { key: 'bedrag', header: 'Bedrag', align: 'right', compare: (a, b) => compareDecimal(a.bedrag, b.bedrag),
 *       cell: (r) => formatBedrag(r.bedrag, taal) },
 *   ]} filter={(r, q) => r.naam.toLowerCase().includes(q)} />
 */
import { useEffect, useId, useMemo, useState, type ReactNode } from 'react';
import { useT } from '../app/i18n.tsx';
import './messages.ts';

export interface Column<T> {
  key: string;
  header: ReactNode;
  /** text for the sort button's accessible name when header is not plain text */
  headerText?: string;
  cell?: (row: T) => ReactNode;
  /** value to sort on (string: locale compare; number: numeric); or give `compare` */
  sortValue?: (row: T) => string | number | null | undefined;
  compare?: (a: T, b: T) => number;
  align?: 'left' | 'right' | 'center';
  /** makes this cell the row header (th scope=row) */
  rowHeader?: boolean;
  width?: string;
}

export interface TableProps<T> {
  rows: T[];
  columns: Column<T>[];
  rowKey: (row: T) => string;
  /** accessible name of the table; visible unless captionHidden */
  caption: ReactNode;
  captionHidden?: boolean;
  /** enables the search box (shown from `filterFrom` rows on, default 15); q is lower-cased */
  filter?: (row: T, q: string) => boolean;
  filterFrom?: number;
  pageSize?: number;
  initialSort?: { key: string; dir: 'asc' | 'desc' };
  empty?: ReactNode;
  /** extra toolbar content (filters, buttons) */
  toolbar?: ReactNode;
  dense?: boolean;
  /** paging done by the server (rows is one page): 1-based page, page size, total, and a callback */
  paging?: { pagina: number; perPagina: number; totaal: number; onPagina: (pagina: number) => void };
}

const collator = new Intl.Collator('nl', { numeric: true, sensitivity: 'base' });

export function Table<T>({
  rows,
  columns,
  rowKey,
  caption,
  captionHidden,
  filter: filterFn,
  filterFrom = 15,
  pageSize = 50,
  initialSort,
  empty,
  toolbar,
  dense,
  paging,
}: TableProps<T>) {
  const t = useT();
  const searchId = useId();
  const [q, setQ] = useState('');
  const filter = filterFn && (rows.length >= filterFrom || q) ? filterFn : undefined;
  const [sort, setSort] = useState(initialSort ?? null);
  const [page, setPage] = useState(0);

  const filtered = useMemo(() => {
    const s = q.trim().toLowerCase();
    return filter && s ? rows.filter((r) => filter(r, s)) : rows;
  }, [rows, q, filter]);

  const sorted = useMemo(() => {
    if (!sort) return filtered;
    const col = columns.find((c) => c.key === sort.key);
    if (!col) return filtered;
    const cmp =
      col.compare ??
      ((a: T, b: T) => {
        const va = col.sortValue?.(a),
          vb = col.sortValue?.(b);
        if (va === vb) return 0;
        if (va === null || va === undefined) return 1;
        if (vb === null || vb === undefined) return -1;
        if (typeof va === 'number' && typeof vb === 'number') return va - vb;
        return collator.compare(String(va), String(vb));
      });
    const out = [...filtered].sort(cmp);
    return sort.dir === 'desc' ? out.reverse() : out;
  }, [filtered, sort, columns]);

  const pages = Math.max(1, Math.ceil(sorted.length / pageSize));
  useEffect(() => {
    if (page >= pages) setPage(pages - 1);
  }, [page, pages]);
  useEffect(() => {
    setPage(0);
  }, [q, sort]);
  const from = page * pageSize;
  const visible = paging ? sorted : sorted.slice(from, from + pageSize);
  const serverPages = paging ? Math.max(1, Math.ceil(paging.totaal / paging.perPagina)) : 1;
  const serverFrom = paging ? (paging.pagina - 1) * paging.perPagina : 0;

  const toggle = (key: string) =>
    setSort((s) => (s?.key === key ? { key, dir: s.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: 'asc' }));

  return (
    <div className={`table-wrap${dense ? ' table-dense' : ''}`}>
      {(filter || toolbar) && (
        <div className="table-toolbar">
          {filter && (
            <div className="table-search">
              <label htmlFor={searchId}>{t('ui.tabel.zoek')}</label>
              <input id={searchId} type="search" className="input" value={q} onChange={(e) => setQ(e.target.value)} />
            </div>
          )}
          {toolbar}
          {filter && q && (
            <p className="table-count" role="status">
              {t('ui.tabel.gevonden', { n: filtered.length })}
            </p>
          )}
        </div>
      )}
      <div className="table-scroll">
        <table className="table">
          <caption className={captionHidden ? 'visually-hidden' : undefined}>{caption}</caption>
          <thead>
            <tr>
              {columns.map((c) => {
                const sortable = !!(c.sortValue || c.compare);
                const active = sort?.key === c.key;
                return (
                  <th
                    key={c.key}
                    scope="col"
                    style={{ textAlign: c.align, width: c.width }}
                    aria-sort={
                      active ? (sort!.dir === 'asc' ? 'ascending' : 'descending') : sortable ? 'none' : undefined
                    }
                  >
                    {sortable ? (
                      <button type="button" className="th-sort" onClick={() => toggle(c.key)}>
                        {c.header}
                        <span className="sort-icon" aria-hidden="true">
                          {active ? (sort!.dir === 'asc' ? '▲' : '▼') : '↕'}
                        </span>
                      </button>
                    ) : (
                      c.header
                    )}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {visible.length === 0 ? (
              <tr>
                <td colSpan={columns.length} className="table-empty">
                  {empty ?? t('ui.tabel.geen')}
                </td>
              </tr>
            ) : (
              visible.map((r) => (
                <tr key={rowKey(r)}>
                  {columns.map((c) => {
                    const content = c.cell ? c.cell(r) : String((r as any)[c.key] ?? '');
                    return c.rowHeader ? (
                      <th key={c.key} scope="row" style={{ textAlign: c.align }}>
                        {content}
                      </th>
                    ) : (
                      <td key={c.key} style={{ textAlign: c.align }}>
                        {content}
                      </td>
                    );
                  })}
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
      {paging && paging.totaal > paging.perPagina && (
        <nav className="pagination" aria-label={t('ui.tabel.pagina', { n: paging.pagina, totaal: serverPages })}>
          <button
            type="button"
            className="btn btn-secondary"
            disabled={paging.pagina <= 1}
            onClick={() => paging.onPagina(paging.pagina - 1)}
          >
            {t('ui.tabel.vorige')}
          </button>
          <span aria-live="polite">
            {t('ui.tabel.rijen', {
              van: serverFrom + 1,
              tot: Math.min(serverFrom + paging.perPagina, paging.totaal),
              totaal: paging.totaal,
            })}
          </span>
          <button
            type="button"
            className="btn btn-secondary"
            disabled={paging.pagina >= serverPages}
            onClick={() => paging.onPagina(paging.pagina + 1)}
          >
            {t('ui.tabel.volgende')}
          </button>
        </nav>
      )}
      {!paging && sorted.length > pageSize && (
        <nav className="pagination" aria-label={t('ui.tabel.pagina', { n: page + 1, totaal: pages })}>
          <button type="button" className="btn btn-secondary" disabled={page === 0} onClick={() => setPage(page - 1)}>
            {t('ui.tabel.vorige')}
          </button>
          <span aria-live="polite">
            {t('ui.tabel.rijen', {
              van: from + 1,
              tot: Math.min(from + pageSize, sorted.length),
              totaal: sorted.length,
            })}
          </span>
          <button
            type="button"
            className="btn btn-secondary"
            disabled={page >= pages - 1}
            onClick={() => setPage(page + 1)}
          >
            {t('ui.tabel.volgende')}
          </button>
        </nav>
      )}
    </div>
  );
}
