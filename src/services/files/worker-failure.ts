/** An error of the file worker's with an errno of our own, which the server reads into words. */
export function failure(errno: string, message: string): Error {
  return Object.assign(new Error(message), { code: errno });
}
