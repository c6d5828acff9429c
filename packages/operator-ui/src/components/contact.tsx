// A customer or contact as "Name <email>", whichever parts are known.

export function Contact({ name, email }: { name: string | null; email: string | null }) {
  if (!name && !email) return <span class="screen__muted">Unknown</span>;
  if (name && email) {
    return (
      <>
        {name} <span class="screen__muted">&lt;{email}&gt;</span>
      </>
    );
  }
  return <>{name ?? email}</>;
}
