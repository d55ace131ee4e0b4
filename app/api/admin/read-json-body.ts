/** The JSON body reader lives with the other API helpers; this path is kept for the routes that still import it. */
export { readJsonBody } from '@/lib/server/api/read-json-body';
