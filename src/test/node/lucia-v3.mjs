// Lucia v3 itself, on the tables lucia-jooq uses: LuciaV3CompatibilityTest runs it to check that the two
// read each other's sessions, and answer alike for CSRF checks, password hashes and ids.
// Usage: DATABASE_URL=postgresql://... node lucia-v3.mjs <command> <argument> [<argument>]
// Prints one line of JSON.
import { Lucia, LegacyScrypt, Scrypt, generateId, generateIdFromEntropySize, verifyRequestOrigin } from "lucia";
import { NodePostgresAdapter } from "@lucia-auth/adapter-postgresql";
import { scrypt } from "lucia/dist/scrypt/index.js";
import pg from "pg";

const [command, argument, second] = process.argv.slice(2);

const withLucia = async (work) => {
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 1 });
  try {
    return await work(new Lucia(new NodePostgresAdapter(pool, { user: "auth_user", session: "user_session" })));
  } finally {
    await pool.end();
  }
};

const describe = (session) => ({
  id: session.id,
  userId: session.userId,
  fresh: session.fresh,
  expiresAt: session.expiresAt.getTime(),
});

const hex = (bytes) => Buffer.from(bytes).toString("hex");

const answer = async () => {
  switch (command) {
    case "create":
      return withLucia(async (lucia) => describe(await lucia.createSession(argument, {})));
    case "validate":
      return withLucia(async (lucia) => {
        const { session } = await lucia.validateSession(argument);
        return session === null ? { valid: false } : { valid: true, ...describe(session) };
      });
    case "cookies":
      return withLucia(async (lucia) => ({
        session: lucia.createSessionCookie(argument).serialize(),
        blank: lucia.createBlankSessionCookie().serialize(),
      }));
    case "origins":
      // argument: JSON [[origin, [domain, ...]], ...]
      return JSON.parse(argument).map(([origin, domains]) => verifyRequestOrigin(origin, domains));
    case "scrypt-hash": {
      // Lucia v2's two-part hashes (r = 8), as LegacyScrypt still verifies them.
      const salt = hex(crypto.getRandomValues(new Uint8Array(16)));
      const v2 = await scrypt(new TextEncoder().encode(argument.normalize("NFKC")), new TextEncoder().encode(salt),
        { N: 16384, r: 8, p: 1, dkLen: 64 });
      return {
        scrypt: await new Scrypt().hash(argument),
        legacy: await new LegacyScrypt().hash(argument),
        v2: `${salt}:${hex(v2)}`,
      };
    }
    case "scrypt-verify": {
      // argument: the hash, second: the password; "error" where Lucia throws
      const attempt = async (algorithm) => {
        try {
          return await algorithm.verify(argument, second);
        } catch {
          return "error";
        }
      };
      return { scrypt: await attempt(new Scrypt()), legacy: await attempt(new LegacyScrypt()) };
    }
    case "ids":
      return { id: generateId(Number(argument)), entropy: generateIdFromEntropySize(Number(argument)) };
    default:
      throw new Error(`unknown command ${command}`);
  }
};

console.log(JSON.stringify(await answer()));
