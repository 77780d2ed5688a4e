// itfSource: which states a spec's ITF traces hold, and what types them. The ITF shows what the
// text trace shows: the spec's JSON view (Presentation.toJSON) where it has one, typed by that
// view's layout (Presentation.jsonLayout) where it declares one, so the ITF's variables are the
// text trace's, with the view's maps as #map and its absent values as options. A spec without a
// view is written from its raw states, typed by Spec.layout, else by the kind of each value
// (Immutable Sets and Maps keep their kind, which the plain JSON of the text trace loses).
import type { AnySpec, Layout } from '../../spec.ts';

export interface ItfSource {
  /** 'view': the JSON view (TraceView.states); 'raw': the states the checker returned (TraceView.steps). */
  readonly states: 'view' | 'raw';
  /** The layout that types those states; absent: typed by each value's kind. */
  readonly layout?: Layout;
}

export function itfSource(spec: AnySpec, params: object): ItfSource {
  const pres = spec.presentation;
  if (pres?.toJSON) {
    const layout = pres.jsonLayout?.(params);
    return layout ? { states: 'view', layout } : { states: 'view' };
  }
  const layout = spec.layout?.(params);
  return layout ? { states: 'raw', layout } : { states: 'raw' };
}
