// VS Code client for the ICP language server (`icp lsp`, see docs/TOOLS.md).
//
// The server is the `icp` executable itself; this extension only starts it
// over stdio, forwards `.icp` documents to it and restarts it when its
// settings change or on the "ICP: Restart Language Server" command.

import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as vscode from "vscode";
import {
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
  State,
} from "vscode-languageclient/node";

const CLIENT_ID = "icp";
const CLIENT_NAME = "ICP Language Server";

let client: LanguageClient | undefined;
let outputChannel: vscode.OutputChannel | undefined;
// Serialises start/stop so that quick successive restarts do not interleave.
let pending: Promise<void> = Promise.resolve();

export function activate(context: vscode.ExtensionContext): Promise<void> {
  outputChannel = vscode.window.createOutputChannel(CLIENT_NAME);
  context.subscriptions.push(outputChannel);

  context.subscriptions.push(
    vscode.commands.registerCommand("icp.restartServer", () => enqueue(restart)),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration("icp.server")) {
        void enqueue(restart);
      }
    }),
  );

  return enqueue(start);
}

export function deactivate(): Promise<void> {
  return enqueue(stop);
}

function enqueue(step: () => Promise<void>): Promise<void> {
  pending = pending.then(step, step);
  return pending;
}

async function restart(): Promise<void> {
  await stop();
  await start();
}

async function stop(): Promise<void> {
  const old = client;
  client = undefined;
  if (old !== undefined && old.state !== State.Stopped) {
    try {
      await old.stop();
    } catch (err) {
      outputChannel?.appendLine(`Stopping the server failed: ${describe(err)}`);
    }
  }
}

interface ServerCommand {
  command: string;
  args: string[];
  cwd: string | undefined;
}

/** Reads `icp.server.path` and `icp.server.args`. */
function serverCommand(): ServerCommand {
  const config = vscode.workspace.getConfiguration("icp.server");
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const cwd = folder?.scheme === "file" ? folder.fsPath : undefined;
  const configured = (config.get<string>("path") ?? "").trim() || "icp";
  const args = config.get<string[]>("args") ?? ["lsp"];
  return { command: resolveExecutable(configured, cwd), args, cwd };
}

/**
 * `~` is the home directory; a relative path with a directory part is taken
 * from the first workspace folder; a bare name is left for PATH lookup.
 */
function resolveExecutable(p: string, cwd: string | undefined): string {
  if (p === "~" || p.startsWith("~/") || p.startsWith("~\\")) {
    p = path.join(os.homedir(), p.slice(1));
  }
  const hasDir = p.includes("/") || p.includes("\\");
  if (hasDir && !path.isAbsolute(p) && cwd !== undefined) {
    p = path.resolve(cwd, p);
  }
  return p;
}

async function start(): Promise<void> {
  const { command, args, cwd } = serverCommand();
  if (path.isAbsolute(command) && !fs.existsSync(command)) {
    reportStartFailure(command, `${command} does not exist`);
    return;
  }

  // No `transport` field: with TransportKind.stdio the client would append
  // `--stdio` to the arguments, which `icp lsp` does not take. Without it the
  // client talks to the process over stdin/stdout all the same.
  const executable = { command, args, options: { cwd } };
  const serverOptions: ServerOptions = { run: executable, debug: executable };

  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: "file", language: "icp" },
      { scheme: "untitled", language: "icp" },
    ],
    synchronize: {
      // Imported files may change on disk while a model is open.
      fileEvents: vscode.workspace.createFileSystemWatcher("**/*.icp"),
    },
    outputChannel,
    // The `icp.trace.server` setting is read by the client itself (`<id>.trace.server`).
  };

  const next = new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions);
  try {
    await next.start();
    client = next;
    outputChannel?.appendLine(`Started ${[command, ...args].join(" ")}`);
  } catch (err) {
    try {
      await next.dispose();
    } catch {
      // The process never came up: nothing to clean.
    }
    reportStartFailure(command, describe(err));
  }
}

function reportStartFailure(command: string, reason: string): void {
  outputChannel?.appendLine(`Could not start the ICP language server (${command}): ${reason}`);
  const openSettings = "Open Settings";
  void vscode.window
    .showErrorMessage(
      `Could not start the ICP language server '${command}'. Install icp or set "icp.server.path".`,
      openSettings,
    )
    .then((choice) => {
      if (choice === openSettings) {
        void vscode.commands.executeCommand("workbench.action.openSettings", "icp.server");
      }
    });
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
