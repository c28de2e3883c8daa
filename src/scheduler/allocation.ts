/** What a job holds (or will hold) on one node. */
export interface NodeAlloc {
  node: number;
  tasks: number;
  cpu: number;
  mem: number;
  gpu: number;
}

export type Allocation = NodeAlloc[];
