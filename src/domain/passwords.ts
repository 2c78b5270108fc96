// What a staff password must be (OWASP ASVS 5 / NIST SP 800-63B): at least 12 characters, at most
// 256, no composition rules, and not one of the passwords attackers try first. The list is short
// and bundled (no network at run time): the most common passwords of 12 characters and more in
// public breach corpora, plus shapes they share (one character repeated, a keyboard row).

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

const COMMON = new Set([
  '123456789012',
  '1234567890123',
  '12345678901234',
  '123456789123',
  '123123123123',
  '123412341234',
  '111222333444',
  '098765432109',
  '123456654321',
  '147258369147',
  '1q2w3e4r5t6y',
  '1qaz2wsx3edc',
  'qwertyuiop12',
  'qwertyuiop123',
  'qwertyuiopasdf',
  'qwerty123456',
  'qwerty1234567',
  'qwertyqwerty',
  'qazwsxedcrfv',
  'zaq12wsxcde3',
  'asdfghjkl123',
  'asdfasdfasdf',
  'abcdefghijkl',
  'abcdefghijklm',
  'abc123abc123',
  'abcd1234abcd',
  'password1234',
  'password12345',
  'password123!',
  'passwordpassword',
  'password1password1',
  'p@ssw0rd1234',
  'passw0rd1234',
  'administrator',
  'administrator1',
  'admin1234567',
  'adminadminadmin',
  'letmein12345',
  'welcome12345',
  'welcome123456',
  'iloveyou1234',
  'iloveyouiloveyou',
  'changeme1234',
  'changemechangeme',
  'trustno1trustno1',
  'football1234',
  'baseball1234',
  'sunshine1234',
  'princess1234',
  'superman1234',
  'starwars1234',
  'monkey123456',
  'dragon123456',
  'master123456',
  'michael12345',
  'jennifer1234',
  'computer1234',
  'internet1234',
  'whatever1234',
  'aftersale123',
  'aftersale1234',
  'correcthorsebatterystaple',
  'correct horse battery staple',
]);

const ROWS = ['1234567890', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm', 'abcdefghijklmnopqrstuvwxyz'];

/** Why a password is refused, or undefined when it may be used. */
export function passwordProblem(password: string, email?: string): string | undefined {
  const chars = [...password];
  if (chars.length < MIN_PASSWORD_LENGTH) return `at least ${MIN_PASSWORD_LENGTH} characters`;
  if (chars.length > MAX_PASSWORD_LENGTH) return `at most ${MAX_PASSWORD_LENGTH} characters`;
  const lower = password.toLowerCase();
  if (COMMON.has(lower)) return 'one of the most common passwords: choose another';
  if (new Set(chars).size <= 2) return 'too few different characters';
  if (
    ROWS.some(
      (row) => (row + row).includes(lower) || (row + row).split('').reverse().join('').includes(lower),
    )
  )
    return 'a run of keys or letters: choose another';
  const local = email?.toLowerCase().split('@')[0] ?? '';
  if (local.length >= 4 && lower.includes(local)) return 'contains the email address: choose another';
  return undefined;
}
