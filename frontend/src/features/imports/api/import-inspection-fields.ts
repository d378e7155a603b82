import { graphql } from '@/gql';

/** What the "Check columns" step shows about a staged import. */
export const ImportInspectionFieldsFragment = graphql(`
  fragment ImportInspectionFields on ImportJob {
    format
    compression
    encoding
    delimiter
    sheet
    sheetNames
    headerRow
    headers
    rowEstimate
    mappingSource
    mapping {
      sku
      name
      description
      active
    }
    suggestedMapping {
      sku
      name
      description
      active
    }
    mappingProblem {
      field
      message
      code
    }
    columnNotes {
      field
      note
    }
    previewRows {
      line
      values
      problem
      cells {
        field
        column
        value
        problem
      }
    }
  }
`);
