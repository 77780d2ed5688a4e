import { gzipSync } from 'node:zlib';

/** Text made safe inside HTML elements and double-quoted attributes. */
export function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** An SVG file's markup without its XML prolog and doctype, for embedding in HTML. */
export function inlineSvg(svg: string): string {
  return svg
    .replace(/^<\?xml[^>]*>\s*/, '')
    .replace(/^<!DOCTYPE[^>]*>\s*/, '')
    .trimEnd();
}

/**
 * A <template> whose content travels gzip'd and in base64 (about a sixth of its size: the object
 * graphs and interleavings are most of the page), for the page's script to unpack when it draws
 * the section. zlib's gzip header holds no time, so the same content packs to the same bytes.
 */
export function packedTemplate(cls: string, html: string): string {
  return `<template class="${cls}" data-gz="${gzipSync(html, { level: 9 }).toString('base64')}"></template>`;
}
