import simpleRestProvider from 'ra-data-simple-rest';
import type { DataProvider } from 'react-admin';
import { httpClient } from './httpClient';

export const API_URL = '/api';

/**
 * Resources that are one record per company, read and written at `/api/<name>`
 * without an id (company settings). react-admin still addresses them by id.
 */
const SINGLETONS = new Set(['company']);

const base = simpleRestProvider(API_URL, httpClient);

export const dataProvider: DataProvider = {
  ...base,
  getOne: (resource, params) =>
    SINGLETONS.has(resource)
      ? httpClient(`${API_URL}/${resource}`, { signal: params.signal }).then(({ json }) => ({ data: json }))
      : base.getOne(resource, params),
  update: (resource, params) =>
    SINGLETONS.has(resource)
      ? httpClient(`${API_URL}/${resource}`, { method: 'PUT', body: JSON.stringify(params.data) }).then(({ json }) => ({
          data: json,
        }))
      : base.update(resource, params),
};
