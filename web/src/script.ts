/**
 * The submit form and the script's #SBATCH lines are one thing shown twice: the form writes
 * its fields as lines at the top of the script, and lines typed into the script fill the form.
 * What the server makes of them is always the server's own parser (the dry run).
 */
export interface FormFields {
  account?: string;
  cluster?: string;
  partition?: string;
  qos?: string;
  nodes?: string;
  ntasks?: number;
  cpusPerTask?: number;
  mem?: string;
  gpus?: string;
  time?: string;
  jobName?: string;
  array?: string;
  output?: string;
  dependency?: string;
  mailType?: string;
}

const FLAGS: { field: keyof FormFields; long: string; short?: string; number?: boolean }[] = [
  { field: "jobName", long: "job-name", short: "J" },
  { field: "account", long: "account", short: "A" },
  { field: "cluster", long: "clusters", short: "M" },
  { field: "partition", long: "partition", short: "p" },
  { field: "qos", long: "qos", short: "q" },
  { field: "nodes", long: "nodes", short: "N" },
  { field: "ntasks", long: "ntasks", short: "n", number: true },
  { field: "cpusPerTask", long: "cpus-per-task", short: "c", number: true },
  { field: "mem", long: "mem" },
  { field: "gpus", long: "gpus", short: "G" },
  { field: "time", long: "time", short: "t" },
  { field: "array", long: "array", short: "a" },
  { field: "output", long: "output", short: "o" },
  { field: "dependency", long: "dependency", short: "d" },
  { field: "mailType", long: "mail-type" },
];

/** `#SBATCH --ntasks=4`, `#SBATCH -n 4`, `#SBATCH -n4`: the flag and its value. */
function directive(line: string): { flag: (typeof FLAGS)[number]; value: string } | null {
  const m = /^#SBATCH\s+(--([\w-]+)(?:=|\s+)|-(\w)\s*)(\S+)/.exec(line.trim());
  if (!m) return null;
  const flag = FLAGS.find((f) => (m[2] ? f.long === m[2] : f.short === m[3]));
  return flag ? { flag, value: m[4]! } : null;
}

/** Every field the script sets; the others empty, so that a line taken out empties its field. */
export function fieldsOf(script: string): FormFields {
  const out: FormFields = Object.fromEntries(FLAGS.map((f) => [f.field, undefined]));
  for (const line of script.split("\n")) {
    const d = directive(line);
    if (!d) continue;
    (out as Record<string, string | number>)[d.flag.field] = d.flag.number
      ? Number(d.value)
      : d.value;
  }
  return out;
}

/** The script with the form's fields as its #SBATCH lines (after the #! line), the rest kept. */
export function scriptWith(script: string, fields: FormFields): string {
  const lines = script.split("\n").filter((l) => directive(l) === null);
  const head = lines[0]?.startsWith("#!") ? [lines.shift()!] : ["#!/bin/bash"];
  const own = FLAGS.filter(
    (f) => fields[f.field] !== undefined && fields[f.field] !== "" && fields[f.field] !== null,
  ).map((f) => `#SBATCH --${f.long}=${fields[f.field]}`);
  return [...head, ...own, ...lines].join("\n");
}

export const TEMPLATES: Record<string, string> = {
  plain:
    '#!/bin/bash\n#SBATCH --job-name=hello\n#SBATCH --ntasks=1\n#SBATCH --time=00:10:00\n\necho "Hello from $(hostname)"\n',
  array:
    '#!/bin/bash\n#SBATCH --job-name=sweep\n#SBATCH --array=1-10%4\n#SBATCH --ntasks=1\n#SBATCH --time=00:30:00\n#SBATCH --output=sweep-%A_%a.out\n\necho "task $SLURM_ARRAY_TASK_ID"\npython3 run.py --seed "$SLURM_ARRAY_TASK_ID"\n',
  gpu: "#!/bin/bash\n#SBATCH --job-name=train\n#SBATCH --gpus=1\n#SBATCH --cpus-per-task=8\n#SBATCH --mem=32G\n#SBATCH --time=08:00:00\n\nnvidia-smi\npython3 train.py --epochs 10\n",
  mpi: '#!/bin/bash\n#SBATCH --job-name=mpi\n#SBATCH --ntasks=16\n#SBATCH --time=02:00:00\n\nmpirun -np "$SLURM_NTASKS" ./simulate input.dat\n',
};
