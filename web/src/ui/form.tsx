/**
 * Form fields with a visible label, optional hint and error text, wired up with aria-describedby
 * and aria-invalid. Use <Field> for any custom control.
 */
import {
  useId,
  type Ref,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from 'react';
import { useT } from '../app/i18n.tsx';
import './messages.ts';

export interface FieldIds {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
  required?: boolean;
}

export interface FieldProps {
  label: ReactNode;
  hint?: ReactNode;
  /** error text shown under the control (and announced) */
  error?: ReactNode;
  required?: boolean;
  /** id for the control; generated when absent */
  id?: string;
  className?: string;
}

export function Field({
  label,
  hint,
  error,
  required,
  id,
  className,
  children,
}: FieldProps & { children: (ids: FieldIds) => ReactNode }) {
  const t = useT();
  const auto = useId();
  const cid = id ?? auto;
  const hintId = hint ? `${cid}-hint` : undefined;
  const errId = error ? `${cid}-error` : undefined;
  const describedBy = [hintId, errId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={['field', error ? 'field-error' : '', className].filter(Boolean).join(' ')}>
      <label htmlFor={cid}>
        {label}
        {required && <span className="required"> ({t('ui.verplicht')})</span>}
      </label>
      {hint && (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      )}
      {children({ id: cid, 'aria-describedby': describedBy, 'aria-invalid': error ? true : undefined, required })}
      {error && (
        <p className="field-error-text" id={errId} aria-live="polite">
          {error}
        </p>
      )}
    </div>
  );
}

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> & FieldProps & { ref?: Ref<HTMLInputElement> };

export function TextInput({ label, hint, error, required, id, className, ref, ...rest }: InputProps) {
  return (
    <Field label={label} hint={hint} error={error} required={required} id={id} className={className}>
      {(ids) => <input type="text" ref={ref} {...rest} {...ids} className="input" />}
    </Field>
  );
}

export function TextArea({
  label,
  hint,
  error,
  required,
  id,
  className,
  ...rest
}: Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'> & FieldProps) {
  return (
    <Field label={label} hint={hint} error={error} required={required} id={id} className={className}>
      {(ids) => <textarea rows={4} {...rest} {...ids} className="input" />}
    </Field>
  );
}

export interface Option {
  value: string;
  label: ReactNode;
  disabled?: boolean;
}

export function Select({
  label,
  hint,
  error,
  required,
  id,
  className,
  options,
  placeholder,
  ...rest
}: Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'> & FieldProps & { options: Option[]; placeholder?: string }) {
  return (
    <Field label={label} hint={hint} error={error} required={required} id={id} className={className}>
      {(ids) => (
        <select {...rest} {...ids} className="input">
          {placeholder !== undefined && <option value="">{placeholder}</option>}
          {options.map((o) => (
            <option key={o.value} value={o.value} disabled={o.disabled}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

export function Checkbox({
  label,
  hint,
  id,
  ...rest
}: Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'type'> & { label: ReactNode; hint?: ReactNode; id?: string }) {
  const auto = useId();
  const cid = id ?? auto;
  return (
    <div className="checkbox">
      <input type="checkbox" id={cid} aria-describedby={hint ? `${cid}-hint` : undefined} {...rest} />
      <label htmlFor={cid}>{label}</label>
      {hint && (
        <p className="field-hint" id={`${cid}-hint`}>
          {hint}
        </p>
      )}
    </div>
  );
}

/** A group of checkboxes/radios with a legend. */
export function Fieldset({
  legend,
  hint,
  error,
  children,
}: {
  legend: ReactNode;
  hint?: ReactNode;
  error?: ReactNode;
  children: ReactNode;
}) {
  return (
    <fieldset className={['fieldset', error ? 'field-error' : ''].filter(Boolean).join(' ')}>
      <legend>{legend}</legend>
      {hint && <p className="field-hint">{hint}</p>}
      {children}
      {error && (
        <p className="field-error-text" aria-live="polite">
          {error}
        </p>
      )}
    </fieldset>
  );
}

/** File picker; pass the chosen File up with onFile. */
export function FileInput({
  label,
  hint,
  error,
  required,
  id,
  accept,
  onFile,
}: FieldProps & { accept?: string; onFile: (f: File | null) => void }) {
  return (
    <Field label={label} hint={hint} error={error} required={required} id={id}>
      {(ids) => (
        <input
          type="file"
          accept={accept}
          {...ids}
          className="input-file"
          onChange={(e) => onFile(e.target.files?.[0] ?? null)}
        />
      )}
    </Field>
  );
}
