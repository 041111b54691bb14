'use client';
// A labelled slider for one number in the inspector, with its value and unit beside it,
// an optional number box for exact values and an optional hint beneath.
import styles from './studio-controls.module.css';
import textField from './text-field.module.css';

export interface RangeFieldProps {
  label: string;
  min: number;
  max: number;
  step: number;
  value: number;
  onChange(value: number): void;
  /** Shown beside the slider: the value with its unit, or the unit alone after a number box. */
  unit: string;
  /** Adds a number box (whole steps) beside the slider; its test id, if any. */
  numberBox?: { testId?: string };
  disabled?: boolean;
  hint?: string;
}

export function RangeField({ label, min, max, step, value, onChange, unit, numberBox, disabled, hint }: RangeFieldProps) {
  return (
    <label className={styles.field}>
      <span>{label}</span>
      <div className={styles.rangeRow}>
        <input
          type="range"
          min={min}
          max={max}
          step={step}
          value={value}
          disabled={disabled}
          onChange={(e) => onChange(Number(e.target.value))}
          aria-label={label}
        />
        {numberBox && (
          <input
            type="number"
            min={min}
            max={max}
            step={1}
            value={value}
            onChange={(e) => onChange(Number(e.target.value))}
            data-testid={numberBox.testId}
            className={`${textField.textField} ${styles.numberInput}`}
          />
        )}
        <span className={styles.unit}>{unit}</span>
      </div>
      {hint !== undefined && <small className={styles.muted}>{hint}</small>}
    </label>
  );
}
