import { DropdownMenu } from 'radix-ui';
import { ChevronDownIcon } from '../../components/icons';

interface Option<T extends string> {
  value: T;
  label: string;
}

interface Props<T extends string> {
  label: string;
  options: Option<T>[];
  selected: T[];
  onChange: (selected: T[]) => void;
}

/** A multi-select as a menu of checkboxes; nothing chosen means "all", which the button says. */
export function FilterMenu<T extends string>({ label, options, selected, onChange }: Props<T>) {
  const summary =
    selected.length === 0 ? 'All' : selected.length === 1 ? (options.find((o) => o.value === selected[0])?.label ?? '1 selected') : `${selected.length} selected`;
  // Not modal, as the account menu: a modal menu hides the page from screen readers (aria-hidden)
  // while its links and buttons stay focusable.
  return (
    <DropdownMenu.Root modal={false}>
      <DropdownMenu.Trigger asChild>
        <button type="button" className={`button filter-button ${selected.length ? 'is-filtered' : ''}`} aria-label={`${label}: ${summary}`}>
          <span className="filter-label">{label}:</span> <span className="filter-value">{summary}</span>
          <ChevronDownIcon />
        </button>
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content className="menu" align="start" sideOffset={4}>
          {options.map((option) => (
            <DropdownMenu.CheckboxItem
              key={option.value}
              className="menu-item"
              checked={selected.includes(option.value)}
              onSelect={(e) => e.preventDefault()}
              onCheckedChange={(checked) => onChange(checked ? [...selected, option.value] : selected.filter((v) => v !== option.value))}
            >
              <span className="menu-check" aria-hidden="true">
                <DropdownMenu.ItemIndicator>✓</DropdownMenu.ItemIndicator>
              </span>
              {option.label}
            </DropdownMenu.CheckboxItem>
          ))}
          {selected.length > 0 && (
            <>
              <DropdownMenu.Separator className="menu-separator" />
              <DropdownMenu.Item className="menu-item" onSelect={() => onChange([])}>
                <span className="menu-check" aria-hidden="true" />
                Show all
              </DropdownMenu.Item>
            </>
          )}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
