import type { ProductFieldsFragment } from '@/gql/graphql';

/** Who wrote the product last: an import (linked, with its file line) or a person/API token. */
export function ProductProvenance({
  product,
}: {
  product: Pick<ProductFieldsFragment, 'lastImport' | 'lastImportLine'>;
}) {
  if (!product.lastImport) return <span className="muted">Edited by hand</span>;
  return (
    <a
      href={`/import?job=${encodeURIComponent(product.lastImport.id)}`}
      title={`Last written by line ${product.lastImportLine ?? '?'} of ${product.lastImport.fileName}`}
    >
      <span className="mono">{product.lastImport.fileName}</span>, line {product.lastImportLine}
    </a>
  );
}
