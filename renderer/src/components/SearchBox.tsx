import { SearchIcon } from './icons';

interface Props {
  /** The accessible name (the box has no visible label: the icon and placeholder say what it is). */
  label: string;
  placeholder: string;
  value: string;
  onChange: (text: string) => void;
  /** Names the box for guided tours (docs/help-and-tutorials.md). */
  'data-tour'?: string;
}

/** A toolbar's search field: what is typed is searched as it is typed, so there is no button. */
export function SearchBox({ label, placeholder, value, onChange, 'data-tour': tour }: Props) {
  return (
    <div className="search-box" data-tour={tour}>
      <SearchIcon />
      <input type="search" className="search-input" aria-label={label} placeholder={placeholder} autoComplete="off" spellCheck={false} value={value} onChange={(e) => onChange(e.target.value)} />
    </div>
  );
}
