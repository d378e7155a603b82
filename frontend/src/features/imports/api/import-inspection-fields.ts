import { graphql } from '@/gql';

/** A staged import: the job, and what the "Check columns" step shows about its file. */
export const ImportInspectionFieldsFragment = graphql(`
  fragment ImportInspectionFields on ImportJob {
    ...ImportJobFields
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
