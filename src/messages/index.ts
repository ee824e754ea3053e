// errata/messages: format an error the client read in the user's language, from a compact message
// table (`errata messages <catalog> --locale fr`), without bundling the catalog.
export { type FormattableError, format } from './format.js';
export {
  buildMessageTable,
  type MessageTable,
  type MessageTableOptions,
  type TableMessage,
} from './table.js';
