import { spawn } from 'node:child_process';

// PostgreSQL backups use the standard tools (pg_dump / pg_restore, custom format): they are
// what a database administrator already trusts and can restore without Vigil.

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', (error) => {
      reject(new Error(`${command} could not be started (is it installed?): ${error.message}`));
    });
    child.on('exit', (code) => {
      if (code === 0) resolve();
      else reject(new Error(`${command} exited with code ${String(code)}`));
    });
  });
}

/** Dumps the database at `url` to `file` (pg_dump custom format). */
export function pgDump(url: string, file: string): Promise<void> {
  return run('pg_dump', ['--format=custom', '--no-owner', `--file=${file}`, `--dbname=${url}`]);
}

/** Restores `file` into the database at `url`, replacing Vigil's objects. */
export function pgRestore(url: string, file: string): Promise<void> {
  return run('pg_restore', ['--clean', '--if-exists', '--no-owner', `--dbname=${url}`, file]);
}
