/** exceljs 4.4.0's SAX layer (saxes underneath): text or bytes in, batches of SAX events out. */
declare module 'exceljs/lib/utils/parse-sax.js' {
  const parseSax: (iterable: AsyncIterable<string | Uint8Array>) => AsyncGenerator<unknown[]>;
  export default parseSax;
}
