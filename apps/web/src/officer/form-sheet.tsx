import type { ErrorDetail } from '@app/domain';
import { useI18n } from '../i18n/i18n';
import { ColGroup } from './columns';
import type { CellField, CellState, SectionModel } from './form-model';
import { FormRow } from './form-row';

interface Props {
  sections: SectionModel[];
  states: ReadonlyMap<string, CellState>;
  problems: ReadonlyMap<string, ErrorDetail[]>;
  serverProblems: ReadonlyMap<string, ErrorDetail[]>;
  comments: ReadonlyMap<string, string[]>;
  conflict: ReadonlySet<string> | null;
  editable: boolean;
  onChange: (code: string, field: CellField, text: string) => void;
}

function merged(a: ErrorDetail[] | undefined, b: ErrorDetail[] | undefined): ErrorDetail[] | undefined {
  if (!a) return b;
  if (!b) return a;
  const seen = new Set(a.map((x) => x.code + x.message));
  return [...a, ...b.filter((x) => !seen.has(x.code + x.message))];
}

/** The form as the template lays it out: one block per section, its title sticking while its rows scroll. */
export function FormSheet({ sections, states, problems, serverProblems, comments, conflict, editable, onChange }: Props) {
  const { t } = useI18n();
  return (
    <div className="sheet-body">
      {sections.map((s) => (
        <section key={s.code} className="sheet-section" data-section={s.code}>
          <h3 className="sheet-section-title">
            {s.reportSection && <span className="section-no">{s.reportSection}</span>}
            {s.title}
          </h3>
          <table className="sheet">
            <ColGroup />
            <tbody>
              {s.rows.map((row) => (
                <FormRow
                  key={row.code}
                  row={row}
                  state={states.get(row.code)!}
                  problems={merged(problems.get(row.code), serverProblems.get(row.code))}
                  comments={comments.get(row.code)}
                  highlight={!!conflict?.has(row.code) && !!states.get(row.code)?.dirty}
                  editable={editable}
                  onChange={onChange}
                  t={t}
                />
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </div>
  );
}
