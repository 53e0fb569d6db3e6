import request from 'supertest';

/** What the MCP actions backend answers to one JSON-RPC request. */
export interface McpAnswer {
  status: number;
  /** The JSON-RPC response, when the request got one. */
  message?: {
    result?: any;
    error?: { code: number; message: string };
  };
}

let nextId = 1;

/**
 * Sends one JSON-RPC request to the MCP actions backend's streamable HTTP
 * endpoint, as an assistant's MCP client would, and reads the answer from
 * the event stream it comes back in.
 *
 * TODO(deps): use the Client of @modelcontextprotocol/sdk instead once it
 * is a devDependency of this package; it is installed only as a dependency
 * of the MCP actions backend, and dependencies could not be changed when
 * this test was added. Speaking the protocol by hand checks the same
 * endpoint, but not that the SDK's client accepts what it sends back.
 */
export async function mcpRequest(
  server: Parameters<typeof request>[0],
  method: string,
  params: object,
  authorization?: string,
): Promise<McpAnswer> {
  const req = request(server)
    .post('/api/mcp-actions/v1')
    .set('Accept', 'application/json, text/event-stream')
    .set('Content-Type', 'application/json')
    .buffer(true)
    .parse((res, done) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        text += chunk;
      });
      res.on('end', () => done(null, text));
    });
  if (authorization) {
    req.set('Authorization', authorization);
  }
  const res = await req.send({ jsonrpc: '2.0', id: nextId++, method, params });

  const text = String(res.body ?? '');
  // The answer is one server-sent event; its data lines hold the message.
  const data = text
    .split('\n')
    .filter(line => line.startsWith('data:'))
    .map(line => line.slice('data:'.length).trim())
    .join('');
  const json = data || (text.trim().startsWith('{') ? text : '');
  return { status: res.status, message: json ? JSON.parse(json) : undefined };
}
