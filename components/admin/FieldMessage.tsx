/** The message beside one input (its id goes in the input's aria-describedby), or nothing. */
export function FieldMessage({ id, message }: { readonly id: string; readonly message: string | undefined }) {
  if (!message) return null;
  return (
    <span id={id} className="admin-form__field-error">
      {message}
    </span>
  );
}
