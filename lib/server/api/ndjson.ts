/**
 * A streamed response of newline-delimited JSON: `run` sends lines as it goes and must not throw (it reports its
 * own failure as a line). Lines sent after the client has gone are dropped; `run` still completes.
 */
export function ndjsonResponse<Line>(run: (send: (line: Line) => void) => Promise<void>): Response {
  const encoder = new TextEncoder();
  let isOpen = true;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (line: Line) => {
        if (!isOpen) return;
        try {
          controller.enqueue(encoder.encode(`${JSON.stringify(line)}\n`));
        } catch {
          isOpen = false;
        }
      };
      void run(send).finally(() => {
        if (!isOpen) return;
        isOpen = false;
        controller.close();
      });
    },
    cancel() {
      isOpen = false;
    },
  });
  return new Response(stream, {
    headers: {
      'Content-Type': 'application/x-ndjson; charset=utf-8',
      // no-transform: a compressing proxy (or Next's own compression) must not buffer the stream.
      'Cache-Control': 'no-store, no-transform',
      'X-Accel-Buffering': 'no',
    },
  });
}
