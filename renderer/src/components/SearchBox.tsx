import { SearchIcon } from './icons';

interface Props {
  /** The accessible name (the box has no visible label: the icon and placeholder say what it is). */
  label: string;
  placeholder: string;
  value: string;
  onChange: (text: string) => void;
}

/** A toolbar's search field: what is typed is searched as it is typed, so there is no button. */
export function SearchBox({ label, placeholder, value, onChange }: Props) {
  return (
    <div className="search-box">
      <SearchIcon />
      <input type="search" className="search-input" aria-label={label} placeholder={placeholder} autoComplete="off" spellCheck={false} value={value} onChange={(e) => onChange(e.target.value)} />
    </div>
  );
}
