/** The playground's header: its name, and the way back to the app it belongs to. */
export function PlaygroundLogo() {
  return (
    <span className="playground-logo">
      <a href="/">← Product Importer</a> · GraphQL playground
    </span>
  );
}
