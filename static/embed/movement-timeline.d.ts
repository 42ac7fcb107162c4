// Types of movement-timeline.js: mount(), its handle, the data, and the
// <movement-timeline> element. (Kept in step with the module by a test.)

/** Colour theme: follow the system, or forced. */
export type Theme = "auto" | "light" | "dark";

/** How the lanes are placed: by date, or by time since each organisation's founding. */
export type Align = "calendar" | "founding";

/** Languages of the interface (quotes stay in their source's language). */
export type Lang = "en" | "ru";

/** The closed vocabulary of event kinds. */
export type EventKind =
  | "founding" | "existence" | "congress" | "conference" | "merger" | "announcement"
  | "appointment" | "arrest" | "registration" | "registration-refusal" | "election"
  | "publication" | "criticism" | "dispute" | "milestone" | "designation" | "dissolution";

/** Where a fact comes from: a verbatim quote of an article. */
export interface Source {
  article: string;
  section: string;
  quote: string;
  /** Kept only when it is an http: or https: address. */
  url?: string;
}

/** An organisation with a lane of its own. */
export interface Organisation {
  /** Lower-case letters, digits, "-" and "_". */
  id: string;
  name: string;
  nativeName?: string | null;
  abbreviation: string;
  nativeAbbreviation?: string | null;
  /** EDTF date. */
  founded?: string | null;
  /** EDTF date. */
  dissolved?: string | null;
  /** #rrggbb */
  color: string;
}

/** A translation of an event's words (never of its quote). */
export interface EventTranslation {
  title: string;
  /** At most 32 characters. */
  label?: string;
  summary?: string;
}

/** A dated fact. */
export interface TimelineEvent {
  id: string;
  /** An organisation's id. */
  org: string;
  /** EDTF (ISO 8601-2, levels 0 and 1): 2019, 2019-11, 2019-11-07, 2020-23, 2020-01-15~, 2021?, 199X/200X, 2020-06/. */
  date: string;
  kind: EventKind;
  title: string;
  /** The words on the mark, at most 32 characters (the title when absent). */
  label?: string;
  summary?: string;
  people?: string[];
  measure?: { value: number; unit: string; bound: "exact" | "more-than" };
  /** An earlier organisation this fact is about (a previous movement with the lane's name, or one that merged into the lane's). */
  predecessor?: string;
  source: Source;
  /** Translations by language code ("ru"). */
  i18n?: Record<string, EventTranslation>;
}

/** A published membership count. */
export interface MembershipCount {
  org: string;
  /** EDTF date. */
  date: string;
  members: number;
  source: Source;
}

/** The data file (static/data/movements.schema.json). */
export interface Dataset {
  organisations: Organisation[];
  events: TimelineEvent[];
  membership?: MembershipCount[];
}

/** `{ start, end }` as YYYY, YYYY-MM or YYYY-MM-DD. */
export interface TimeWindow {
  start: string;
  end: string;
}

/** The options of mount(). Give the data as `dataUrl` or `data`. */
export interface MountOptions {
  /** The data's URL (fetched as soon as mount() is called). */
  dataUrl?: string;
  /** The data as JSON text, or as an object. */
  data?: string | Dataset;
  /** Organisations shown: ids, or ids separated by commas. */
  orgs?: string[] | string;
  /** Kinds shown. */
  kinds?: EventKind[] | string;
  /** The window shown at first. */
  window?: TimeWindow;
  /** The window's start, when `window` is not given. */
  from?: string;
  /** The window's end, when `window` is not given. */
  to?: string;
  theme?: Theme;
  /** Default: the nearest `lang` around the element, then the browser's. */
  lang?: Lang;
  /** "calendar" (default), or "founding": both foundings on one line at 0. */
  align?: Align;
  /** "modifier" (default): the wheel zooms only with Ctrl or ⌘. */
  wheelZoom?: "always" | "modifier";
  /** Pixels, or any CSS length ("80vh", "calc(100dvh - 4rem)"). */
  height?: number | string;
  /** Keep the view in the page's URL (default false). */
  urlState?: boolean;
  /** A view as the URL-state keys write it: "orgs=rsm&from=2011&lang=ru". */
  view?: string;
  /** The URL of timeline.css, when it is not next to this module. */
  stylesheet?: string;
}

/** setFilter(): missing keys show all. */
export interface Filter {
  orgs?: string[] | string;
  kinds?: EventKind[] | string;
  text?: string;
}

/** An event was selected (null: the selection was cleared). */
export interface SelectDetail {
  id: string;
  title: string;
  /** In words, at the date's precision ("17 October 2020"). */
  date: string;
  org: string;
  kind: EventKind;
}

/** The visible window changed: ISO days, or days since founding ("120d") when aligned. */
export interface RangeDetail {
  start: string;
  end: string;
  align: Align;
}

/** The data could not be loaded or read. */
export interface ErrorDetail {
  message: string;
  /** JSON path, event id, line and column, when known. */
  location: string;
}

/** The data is shown. */
export interface ReadyDetail {
  events: number;
}

/** What on() listeners receive, by event name. */
export interface TimelineEventMap {
  select: SelectDetail | null;
  rangechange: RangeDetail;
  error: ErrorDetail;
  ready: ReadyDetail;
}

/** A mounted widget. Every setter returns the handle, for chaining. */
export interface TimelineHandle {
  setData(data: string | Dataset): TimelineHandle;
  setDataUrl(url: string): TimelineHandle;
  setFilter(filter?: Filter): TimelineHandle;
  setWindow(start: string, end: string): TimelineHandle;
  setAlign(align: Align): TimelineHandle;
  setTheme(theme: Theme): TimelineHandle;
  setLang(lang: Lang): TimelineHandle;
  on<K extends keyof TimelineEventMap>(event: K, listener: (detail: TimelineEventMap[K]) => void): TimelineHandle;
  off<K extends keyof TimelineEventMap>(event: K, listener: (detail: TimelineEventMap[K]) => void): TimelineHandle;
  /** The current view as a self-contained SVG document. */
  exportSvg(): Promise<string>;
  /** The current view as a PNG at twice the view's size. */
  exportPng(): Promise<Blob>;
  /** The shown events as CSV (RFC 4180, UTF-8, with a header). */
  exportCsv(): Promise<string>;
  /** The shown events as JSON. */
  exportJson(): Promise<string>;
  /** Unmounts the widget and frees what it holds. */
  destroy(): void;
  /** Bytes of WebAssembly memory the widget holds. */
  memoryBytes(): number;
  readonly destroyed: boolean;
  readonly crashed: boolean;
}

/** Mounts a widget into `element` (its own shadow root). */
export function mount(element: Element, options: MountOptions): Promise<TimelineHandle>;

/** The attributes of <movement-timeline> (they react to changes). */
export interface MovementTimelineAttributes {
  src: string;
  orgs?: string;
  kinds?: string;
  from?: string;
  to?: string;
  theme?: Theme;
  lang?: Lang;
  align?: Align;
  "wheel-zoom"?: "always" | "modifier";
  height?: string;
}

/** The events the element fires, as CustomEvents. */
export interface MovementTimelineElementEventMap extends Omit<HTMLElementEventMap, "select" | "error"> {
  select: CustomEvent<SelectDetail | null>;
  rangechange: CustomEvent<RangeDetail>;
  error: CustomEvent<ErrorDetail>;
  ready: CustomEvent<ReadyDetail>;
}

/** <movement-timeline src="data/movements.json" orgs="rsm" theme="dark">. */
export interface MovementTimelineElement extends HTMLElement {
  /** The API handle, or null until the widget is mounted. */
  readonly handle: TimelineHandle | null;
  /** Resolves with the handle once the data is shown. */
  readonly ready: Promise<TimelineHandle>;
  addEventListener<K extends keyof MovementTimelineElementEventMap>(
    type: K,
    listener: (this: MovementTimelineElement, ev: MovementTimelineElementEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
}

declare global {
  interface HTMLElementTagNameMap {
    "movement-timeline": MovementTimelineElement;
  }
}
