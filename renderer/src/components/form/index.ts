export { TextField, DateField, SelectField, RadioGroupField, CheckboxField, FieldFrame, FieldsetFrame, useFieldError, type Option, type TextFieldProps } from './fields';
export { SsnField } from './SsnField';
export { fieldId, fieldDescription } from './field-id';
export { FormSubmit } from './FormSubmit';
