/**
 * A password for a command-line tool, never from its arguments (they land in shell history and in `ps`): from the
 * environment variable named, else piped on standard input (`--password-stdin`), else typed at a hidden prompt.
 */
export async function readPassword(options: {
  prompt: string;
  envVar?: string;
  fromStdin: boolean;
  confirm?: boolean;
}): Promise<string> {
  const fromEnv = options.envVar ? process.env[options.envVar] : undefined;
  if (fromEnv) return fromEnv;
  if (options.fromStdin) {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin as AsyncIterable<Buffer>) chunks.push(chunk);
    return Buffer.concat(chunks)
      .toString("utf8")
      .replace(/\r?\n$/, "");
  }
  if (!process.stdin.isTTY) {
    throw new Error(
      `no terminal to type a password in: pipe it with --password-stdin${options.envVar ? ` or set ${options.envVar}` : ""}`,
    );
  }
  const first = await promptHidden(options.prompt);
  if (options.confirm && (await promptHidden("Repeat it: ")) !== first)
    throw new Error("the two passwords differ; nothing was changed");
  return first;
}

function promptHidden(question: string): Promise<string> {
  const stdin = process.stdin;
  process.stdout.write(question);
  stdin.setRawMode(true);
  stdin.resume();
  stdin.setEncoding("utf8");
  return new Promise((resolve, reject) => {
    let value = "";
    const done = (error?: Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off("data", onData);
      process.stdout.write("\n");
      if (error) reject(error);
      else resolve(value);
    };
    const onData = (text: string) => {
      for (const char of text) {
        if (char === "\r" || char === "\n") return done();
        if (char === "\u0003") return done(new Error("cancelled"));
        if (char === "\u007f" || char === "\b") value = value.slice(0, -1);
        else value += char;
      }
    };
    stdin.on("data", onData);
  });
}
