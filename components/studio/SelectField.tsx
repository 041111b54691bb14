// A labelled drop-down for one of a route's named settings in the inspector (its landmark,
// its time of day): the choices in order, each with the words to show for it.
import styles from './studio-controls.module.css';
import textField from './text-field.module.css';

export interface SelectFieldProps<T extends string> {
  label: string;
  value: T;
  choices: readonly { value: T; label: string }[];
  onChange(value: T): void;
}

export function SelectField<T extends string>({ label, value, choices, onChange }: SelectFieldProps<T>) {
  return (
    <label className={styles.field}>
      <span>{label}</span>
      <select className={textField.textField} value={value} onChange={(e) => onChange(e.target.value as T)}>
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
    </label>
  );
}
