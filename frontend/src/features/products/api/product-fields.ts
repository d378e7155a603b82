import { graphql } from '@/gql';

/** The fields of a product every view shows. */
export const ProductFieldsFragment = graphql(`
  fragment ProductFields on Product {
    id
    sku
    name
    description
    active
    createdAt
    updatedAt
    lastImportLine
    lastImport {
      id
      fileName
    }
  }
`);
