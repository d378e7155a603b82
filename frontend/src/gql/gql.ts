/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  mutation CreateApiToken($name: String!) {\n    createApiToken(name: $name) {\n      token\n      apiToken {\n        id\n        name\n        createdAt\n        lastUsedAt\n      }\n    }\n  }\n": typeof types.CreateApiTokenDocument,
    "\n  query ApiTokens {\n    apiTokens {\n      id\n      name\n      createdAt\n      lastUsedAt\n    }\n  }\n": typeof types.ApiTokensDocument,
    "\n  mutation RevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id) {\n      __typename\n      ... on ApiToken {\n        id\n      }\n      ... on OperationInfo {\n        messages {\n          kind\n          message\n          field\n          code\n        }\n      }\n    }\n  }\n": typeof types.RevokeApiTokenDocument,
    "\n  mutation Login($username: String!, $password: String!) {\n    login(username: $username, password: $password) {\n      id\n      username\n    }\n  }\n": typeof types.LoginDocument,
    "\n  mutation Logout {\n    logout\n  }\n": typeof types.LogoutDocument,
    "\n  query Me {\n    me {\n      id\n      username\n    }\n  }\n": typeof types.MeDocument,
    "\n  mutation CreateProduct($input: ProductInput!) {\n    createProduct(input: $input) {\n      __typename\n      ... on Product {\n        ...ProductFields\n      }\n      ... on OperationInfo {\n        messages {\n          kind\n          message\n          field\n          code\n        }\n      }\n    }\n  }\n": typeof types.CreateProductDocument,
    "\n  mutation DeleteAllProducts {\n    deleteAllProducts {\n      __typename\n      deletedCount\n    }\n  }\n": typeof types.DeleteAllProductsDocument,
    "\n  mutation DeleteProduct($id: ID!) {\n    deleteProduct(id: $id) {\n      __typename\n      ... on Product {\n        id\n        sku\n      }\n      ... on OperationInfo {\n        messages {\n          kind\n          message\n          field\n          code\n        }\n      }\n    }\n  }\n": typeof types.DeleteProductDocument,
    "\n  query Products(\n    $filters: ProductFilter\n    $ordering: [ProductOrder!]\n    $first: Int\n    $after: String\n    $last: Int\n    $before: String\n  ) {\n    products(\n      filters: $filters\n      ordering: $ordering\n      first: $first\n      after: $after\n      last: $last\n      before: $before\n    ) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...ProductFields\n        }\n      }\n    }\n  }\n": typeof types.ProductsDocument,
    "\n  fragment ProductFields on Product {\n    id\n    sku\n    name\n    description\n    active\n    createdAt\n    updatedAt\n  }\n": typeof types.ProductFieldsFragmentDoc,
    "\n  mutation UpdateProduct($input: ProductPartialInput!) {\n    updateProduct(input: $input) {\n      __typename\n      ... on Product {\n        ...ProductFields\n      }\n      ... on OperationInfo {\n        messages {\n          kind\n          message\n          field\n          code\n        }\n      }\n    }\n  }\n": typeof types.UpdateProductDocument,
};
const documents: Documents = {
    "\n  mutation CreateApiToken($name: String!) {\n    createApiToken(name: $name) {\n      token\n      apiToken {\n        id\n        name\n        createdAt\n        lastUsedAt\n      }\n    }\n  }\n": types.CreateApiTokenDocument,
    "\n  query ApiTokens {\n    apiTokens {\n      id\n      name\n      createdAt\n      lastUsedAt\n    }\n  }\n": types.ApiTokensDocument,
    "\n  mutation RevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id) {\n      __typename\n      ... on ApiToken {\n        id\n      }\n      ... on OperationInfo {\n        messages {\n          kind\n          message\n          field\n          code\n        }\n      }\n    }\n  }\n": types.RevokeApiTokenDocument,
    "\n  mutation Login($username: String!, $password: String!) {\n    login(username: $username, password: $password) {\n      id\n      username\n    }\n  }\n": types.LoginDocument,
    "\n  mutation Logout {\n    logout\n  }\n": types.LogoutDocument,
    "\n  query Me {\n    me {\n      id\n      username\n    }\n  }\n": types.MeDocument,
    "\n  mutation CreateProduct($input: ProductInput!) {\n    createProduct(input: $input) {\n      __typename\n      ... on Product {\n        ...ProductFields\n      }\n      ... on OperationInfo {\n        messages {\n          kind\n          message\n          field\n          code\n        }\n      }\n    }\n  }\n": types.CreateProductDocument,
    "\n  mutation DeleteAllProducts {\n    deleteAllProducts {\n      __typename\n      deletedCount\n    }\n  }\n": types.DeleteAllProductsDocument,
    "\n  mutation DeleteProduct($id: ID!) {\n    deleteProduct(id: $id) {\n      __typename\n      ... on Product {\n        id\n        sku\n      }\n      ... on OperationInfo {\n        messages {\n          kind\n          message\n          field\n          code\n        }\n      }\n    }\n  }\n": types.DeleteProductDocument,
    "\n  query Products(\n    $filters: ProductFilter\n    $ordering: [ProductOrder!]\n    $first: Int\n    $after: String\n    $last: Int\n    $before: String\n  ) {\n    products(\n      filters: $filters\n      ordering: $ordering\n      first: $first\n      after: $after\n      last: $last\n      before: $before\n    ) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...ProductFields\n        }\n      }\n    }\n  }\n": types.ProductsDocument,
    "\n  fragment ProductFields on Product {\n    id\n    sku\n    name\n    description\n    active\n    createdAt\n    updatedAt\n  }\n": types.ProductFieldsFragmentDoc,
    "\n  mutation UpdateProduct($input: ProductPartialInput!) {\n    updateProduct(input: $input) {\n      __typename\n      ... on Product {\n        ...ProductFields\n      }\n      ... on OperationInfo {\n        messages {\n          kind\n          message\n          field\n          code\n        }\n      }\n    }\n  }\n": types.UpdateProductDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateApiToken($name: String!) {\n    createApiToken(name: $name) {\n      token\n      apiToken {\n        id\n        name\n        createdAt\n        lastUsedAt\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateApiToken($name: String!) {\n    createApiToken(name: $name) {\n      token\n      apiToken {\n        id\n        name\n        createdAt\n        lastUsedAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApiTokens {\n    apiTokens {\n      id\n      name\n      createdAt\n      lastUsedAt\n    }\n  }\n"): (typeof documents)["\n  query ApiTokens {\n    apiTokens {\n      id\n      name\n      createdAt\n      lastUsedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id) {\n      __typename\n      ... on ApiToken {\n        id\n      }\n      ... on OperationInfo {\n        messages {\n          kind\n          message\n          field\n          code\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id) {\n      __typename\n      ... on ApiToken {\n        id\n      }\n      ... on OperationInfo {\n        messages {\n          kind\n          message\n          field\n          code\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($username: String!, $password: String!) {\n    login(username: $username, password: $password) {\n      id\n      username\n    }\n  }\n"): (typeof documents)["\n  mutation Login($username: String!, $password: String!) {\n    login(username: $username, password: $password) {\n      id\n      username\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Logout {\n    logout\n  }\n"): (typeof documents)["\n  mutation Logout {\n    logout\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      id\n      username\n    }\n  }\n"): (typeof documents)["\n  query Me {\n    me {\n      id\n      username\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateProduct($input: ProductInput!) {\n    createProduct(input: $input) {\n      __typename\n      ... on Product {\n        ...ProductFields\n      }\n      ... on OperationInfo {\n        messages {\n          kind\n          message\n          field\n          code\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateProduct($input: ProductInput!) {\n    createProduct(input: $input) {\n      __typename\n      ... on Product {\n        ...ProductFields\n      }\n      ... on OperationInfo {\n        messages {\n          kind\n          message\n          field\n          code\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteAllProducts {\n    deleteAllProducts {\n      __typename\n      deletedCount\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteAllProducts {\n    deleteAllProducts {\n      __typename\n      deletedCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteProduct($id: ID!) {\n    deleteProduct(id: $id) {\n      __typename\n      ... on Product {\n        id\n        sku\n      }\n      ... on OperationInfo {\n        messages {\n          kind\n          message\n          field\n          code\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteProduct($id: ID!) {\n    deleteProduct(id: $id) {\n      __typename\n      ... on Product {\n        id\n        sku\n      }\n      ... on OperationInfo {\n        messages {\n          kind\n          message\n          field\n          code\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Products(\n    $filters: ProductFilter\n    $ordering: [ProductOrder!]\n    $first: Int\n    $after: String\n    $last: Int\n    $before: String\n  ) {\n    products(\n      filters: $filters\n      ordering: $ordering\n      first: $first\n      after: $after\n      last: $last\n      before: $before\n    ) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...ProductFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Products(\n    $filters: ProductFilter\n    $ordering: [ProductOrder!]\n    $first: Int\n    $after: String\n    $last: Int\n    $before: String\n  ) {\n    products(\n      filters: $filters\n      ordering: $ordering\n      first: $first\n      after: $after\n      last: $last\n      before: $before\n    ) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...ProductFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ProductFields on Product {\n    id\n    sku\n    name\n    description\n    active\n    createdAt\n    updatedAt\n  }\n"): (typeof documents)["\n  fragment ProductFields on Product {\n    id\n    sku\n    name\n    description\n    active\n    createdAt\n    updatedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateProduct($input: ProductPartialInput!) {\n    updateProduct(input: $input) {\n      __typename\n      ... on Product {\n        ...ProductFields\n      }\n      ... on OperationInfo {\n        messages {\n          kind\n          message\n          field\n          code\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateProduct($input: ProductPartialInput!) {\n    updateProduct(input: $input) {\n      __typename\n      ... on Product {\n        ...ProductFields\n      }\n      ... on OperationInfo {\n        messages {\n          kind\n          message\n          field\n          code\n        }\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;