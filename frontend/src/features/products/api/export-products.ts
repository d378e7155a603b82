import { useMutation } from 'urql';
import { graphql } from '@/gql';

export const ExportProductsMutation = graphql(`
  mutation ExportProducts($filters: ProductFilter, $format: ExportFormat!) {
    exportProducts(filters: $filters, format: $format) {
      __typename
      ... on ExportJob {
        ...ExportJobFields
      }
      ...OperationInfoFields
    }
  }
`);

/** Starts an export of the products a filter selects; the file is made in the background. */
export function useExportProducts() {
  return useMutation(ExportProductsMutation);
}
