/** Project file figures: how long opening takes, and bulk writes in one transaction. */
import { join } from 'node:path';
import { createProject, openProject } from '../../electron/core/db/open-project';
import { type Bench, fmt, stats, time } from './bench-kit';

export const projectFileBench: Bench = {
  name: 'project file',
  run(dir) {
    const path = join(dir, 'bench.focal');
    const db = createProject(path, 'Bench');
    const now = new Date().toISOString();
    db.prepare("INSERT INTO code_frames (name, kind, created_at) VALUES ('Codes', 'mainstream', ?)").run(now);
    db.prepare("INSERT INTO codes (frame_id, name, created_at) VALUES (1, 'Hope', ?)").run(now);
    const text = 'kia ora '.repeat(20_000);
    db.prepare(
      "INSERT INTO sources (title, mode, format, file_name, content_hash, text, word_count, imported_at) VALUES ('s', 'mainstream', 'txt', 's.txt', 'h', ?, 40000, ?)",
    ).run(text, now);

    const insert = db.prepare("INSERT INTO codings (code_id, source_id, start, end, coder, created_at) VALUES (1, 1, ?, ?, 'bench', ?)");
    const insertMany = db.transaction((n: number) => {
      for (let i = 0; i < n; i++) insert.run(i * 8, i * 8 + 7, now);
    });
    const ins = time(() => insertMany(10_000));
    db.close();

    const opens: number[] = [];
    for (let i = 0; i < 20; i++) {
      const r = time(() => openProject(path));
      opens.push(r.ms);
      r.value.close();
    }
    const o = stats(opens);
    return [
      { benchmark: 'open a project file (10,000 codings)', figure: `median ${fmt(o.median)}, p95 ${fmt(o.p95)}`, note: '20 opens, checks + WAL + migrations' },
      { benchmark: 'insert 10,000 rows (codings, 1 transaction)', figure: `${fmt(ins.ms)} (${Math.round(10_000 / (ins.ms / 1000)).toLocaleString('en-NZ')} rows/s)` },
    ];
  },
};
