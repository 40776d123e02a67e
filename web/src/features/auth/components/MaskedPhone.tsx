import '../auth.css';
/** `+33 6 •• •• •• 78`, read by screen readers as "numéro se terminant par 78" rather than bullets. */
export function MaskedPhone({ masked }: { masked: string }) {
  const lastDigits = /(\d{2})\s*$/.exec(masked)?.[1];
  if (!lastDigits) return <>{masked}</>;
  return (
    <>
      <span aria-hidden="true" className="masked-phone">
        {masked}
      </span>
      <span className="visually-hidden">numéro se terminant par {lastDigits}</span>
    </>
  );
}
