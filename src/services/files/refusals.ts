import { GuangError, invalidInput, notFound } from "../../core/errors.js";

/**
 * A file worker's refusal (its stderr: {errno, message}) in words: the kernel's errnos, and
 * the worker's own (a changed file, a resumed upload's offset, the trash).
 */
export function refusal(stderr: string, path: string, who: string): GuangError {
  const e = JSON.parse(stderr || '{"errno":"EIO","message":""}') as {
    errno: string;
    message: string;
  };
  switch (e.errno) {
    case "ENOENT":
      return notFound(`there is no file or folder ${path}`);
    case "EACCES":
    case "EPERM":
      return new GuangError(
        "forbidden",
        403,
        `${who} may not do this to ${path} (Unix permissions); its owner can change its mode or group`,
      );
    case "EEXIST":
      // the worker's own (restore) names the path in its message; the kernel's is the path asked
      return new GuangError(
        "conflict",
        409,
        `${e.message.startsWith("/") ? e.message : path} exists already: choose another name`,
      );
    case "ERR_FS_CP_EEXIST":
      return new GuangError(
        "conflict",
        409,
        `${/\((\/.*) already exists\)/.exec(e.message)?.[1] ?? "the place to copy to"} exists already: copy to another name`,
      );
    case "ENOTEMPTY":
      return new GuangError("conflict", 409, `${path} is not empty`);
    case "EISDIR":
      return invalidInput(`${path} is a folder, not a file`);
    case "ENOTDIR":
      return invalidInput(`${path} is not a folder`);
    case "EXDEV":
      return new GuangError(
        "conflict",
        409,
        `${path} is on another file system than where it should go: copy it there, then delete it`,
      );
    case "ERR_FS_CP_EINVAL":
    case "EINVAL":
      return invalidInput(`${path} cannot be put inside itself`);
    case "ENOSPC":
    case "EDQUOT":
      return new GuangError("conflict", 409, `no space left for ${path} (disk full or quota)`);
    case "ECHANGED":
      return new GuangError(
        "file_changed",
        409,
        `${path} changed since you opened it (saved elsewhere meanwhile): reload it to see the change, or save again to replace it`,
        { etag: e.message },
      );
    case "EOFFSET":
      return new GuangError(
        "upload_offset",
        409,
        `${path} holds ${e.message} bytes: a resumed upload goes on from offset ${e.message}`,
        { size: Number(e.message) },
      );
    case "ETRASHSELF":
      return invalidInput(
        "the trash (or a folder holding it) cannot go to the trash: empty it instead",
      );
    case "ENOTRASH":
      return notFound(`nothing in your trash has the id ${e.message}`);
    default:
      return invalidInput(`${path}: ${e.errno} ${e.message}`);
  }
}
