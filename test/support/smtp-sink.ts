import { createServer, type Server } from 'node:net';

export interface SinkMessage {
  from: string;
  to: string[];
  data: string;
}

/** A tiny SMTP server that accepts every message and keeps it (no TLS, no auth): enough for nodemailer. */
export class SmtpSink {
  readonly messages: SinkMessage[] = [];
  private server?: Server;
  private waiters: (() => void)[] = [];

  async start(): Promise<number> {
    this.server = createServer((socket) => {
      let buffer = '';
      let inData = false;
      let current: SinkMessage = { from: '', to: [], data: '' };
      const say = (line: string) => socket.write(`${line}\r\n`);
      say('220 sink ESMTP');
      socket.on('data', (chunk) => {
        buffer += chunk.toString('utf8');
        for (;;) {
          if (inData) {
            const end = buffer.indexOf('\r\n.\r\n');
            if (end < 0) return;
            current.data = buffer.slice(0, end);
            buffer = buffer.slice(end + 5);
            inData = false;
            this.messages.push(current);
            current = { from: '', to: [], data: '' };
            say('250 OK queued');
            for (const w of this.waiters.splice(0)) w();
            continue;
          }
          const nl = buffer.indexOf('\r\n');
          if (nl < 0) return;
          const line = buffer.slice(0, nl);
          buffer = buffer.slice(nl + 2);
          const verb = line.slice(0, 4).toUpperCase();
          if (verb === 'EHLO' || verb === 'HELO') {
            say('250 sink');
          } else if (verb === 'MAIL') {
            current.from = line;
            say('250 OK');
          } else if (verb === 'RCPT') {
            current.to.push(line);
            say('250 OK');
          } else if (verb === 'DATA') {
            inData = true;
            say('354 go ahead');
          } else if (verb === 'QUIT') {
            say('221 bye');
            socket.end();
          } else {
            say('250 OK');
          }
        }
      });
      socket.on('error', () => undefined);
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return (this.server!.address() as { port: number }).port;
  }

  /** Resolves once `count` messages have arrived, or rejects after a timeout. */
  async received(count: number, timeoutMs = 20_000): Promise<SinkMessage[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.messages.length < count) {
      if (Date.now() > deadline) throw new Error(`only ${this.messages.length} of ${count} emails arrived`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 100);
      });
    }
    return this.messages;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
