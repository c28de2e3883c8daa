import { invalidInput } from "../../core/errors.js";

const MAX = 1024;

/**
 * The center's password policy: long enough, not the user's name, and not of one kind of
 * character alone (letters only, digits only). Length matters most against guessing, so
 * passphrases with spaces are welcome.
 */
export function checkPassword(password: string, username: string, minLength: number): void {
  if (password.length < minLength)
    throw invalidInput(
      `a password has at least ${minLength} characters (a passphrase of several words is easiest to remember)`,
    );
  if (password.length > MAX) throw invalidInput(`a password has at most ${MAX} characters`);
  if (password.toLowerCase().includes(username.toLowerCase()))
    throw invalidInput("a password must not contain the user name");
  const kinds = [/[a-z]/i, /[0-9]/, /[^a-z0-9]/i].filter((re) => re.test(password)).length;
  if (kinds < 2)
    throw invalidInput(
      "a password mixes at least two of: letters, digits, other characters (a space counts)",
    );
  if (new Set(password).size < 5)
    throw invalidInput("a password has at least 5 different characters");
}
