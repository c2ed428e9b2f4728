// The state every list screen shares: its rows and their loading, the search
// box, the open record (or the form for a new one), and what follows a save or
// a deletion. A screen creates one with how to load its rows, how to open one
// record and which texts the search looks at; it then declares only what is
// its own (columns, filters, form). Rendered by components/record/ListScreen.
import { AppError } from '../api/call';
import { filterRows, fold } from '../text';
import { NEW_RECORD, type AppStore } from './app.svelte';

export type ListPageOptions<Row, Rec> = {
  /** Asks the core for the rows (with the screen's current filters). */
  load: () => Promise<Row[]>;
  /** The record a row opens; the row itself when the list already holds it all. */
  get?: (id: number) => Promise<Rec>;
  /** The texts of a row the search box matches, ignoring case and accents. */
  search: (row: Row) => (string | null | undefined)[];
};

export class ListPage<Row extends { id: number }, Rec = Row> {
  rows = $state.raw<Row[]>([]);
  loaded = $state(false);
  query = $state('');
  /** The open form: `record` null for a new one; no form when null. */
  editing = $state<{ record: Rec | null } | null>(null);

  #app: AppStore;
  #options: ListPageOptions<Row, Rec>;
  /** Folded search texts, computed once per row object (rows are replaced on reload). */
  #keys = new WeakMap<Row, string>();

  constructor(app: AppStore, options: ListPageOptions<Row, Rec>) {
    this.#app = app;
    this.#options = options;
  }

  /** An error stays on screen until read, in the core's French words. */
  fail = (error: unknown) => {
    this.#app.toasts.error(error instanceof AppError ? error.message : String(error));
  };

  reload = async () => {
    try {
      this.rows = await this.#options.load();
    } catch (error) {
      this.fail(error);
    } finally {
      this.loaded = true;
    }
  };

  open = async (id: number) => {
    try {
      const record = this.#options.get ? await this.#options.get(id) : (this.rows.find((r) => r.id === id) as unknown as Rec | undefined);
      this.editing = { record: record ?? null };
    } catch (error) {
      this.fail(error);
    }
  };

  create = () => {
    this.editing = { record: null };
  };

  close = () => {
    this.editing = null;
  };

  /** First load, then the record another screen asked to open (or a new one). */
  start = async () => {
    await this.reload();
    await this.openRequested();
  };

  /** Opens the record another screen asked for (the dashboard, a partner's actions…). */
  openRequested = async () => {
    const id = this.#app.takeRecordToOpen();
    if (id === NEW_RECORD) this.create();
    else if (id != null) await this.open(id);
  };

  /** After a save: the list shows the change and the form the saved record. */
  saved = async (id: number) => {
    await this.reload();
    await this.open(id);
  };

  deleted = async () => {
    this.editing = null;
    await this.reload();
  };

  /** `rows` (already filtered by the screen) that match the search box. */
  matching(rows: Row[]): Row[] {
    const keys = rows.map((row) => {
      let key = this.#keys.get(row);
      if (key === undefined) {
        key = fold(this.#options.search(row).filter(Boolean).join(' '));
        this.#keys.set(row, key);
      }
      return key;
    });
    return filterRows(rows, keys, this.query);
  }
}
