/**
 * Reads at most `cap` bytes of a response body as text and cancels the rest,
 * so a 50 MB error page costs no more than the cap. Never throws: a null or
 * already used body reads as `''`, a stream that fails midway as what arrived.
 * Returns the text, whether it was cut, and the response.
 */
export async function readCapped(
  response: Response,
  cap: number,
): Promise<[text: string, cut: boolean, response: Response]> {
  const decoder = new TextDecoder();
  let text = '';
  let cut = false;
  let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  try {
    reader = response.body?.getReader();
    for (let room = cap; reader; ) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value.subarray(0, room), { stream: true });
      room -= value.length;
      if (room < 0) {
        cut = true;
        reader.cancel().catch(() => {});
        break;
      }
    }
  } catch {
    cut = reader !== undefined;
  }
  return [text + decoder.decode(), cut, response];
}
