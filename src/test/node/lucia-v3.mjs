// Lucia v3 itself, on the tables lucia-jooq uses: LuciaV3CompatibilityTest runs it to check that the two
// read each other's sessions. Usage: DATABASE_URL=postgresql://... node lucia-v3.mjs <command> <argument>
// Prints one line of JSON.
import { Lucia } from "lucia";
import { NodePostgresAdapter } from "@lucia-auth/adapter-postgresql";
import pg from "pg";

const [command, argument] = process.argv.slice(2);
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 1 });
const lucia = new Lucia(new NodePostgresAdapter(pool, { user: "auth_user", session: "user_session" }));

const describe = (session) => ({
  id: session.id,
  userId: session.userId,
  fresh: session.fresh,
  expiresAt: session.expiresAt.getTime(),
});

try {
  let result;
  if (command === "create") {
    result = describe(await lucia.createSession(argument, {}));
  } else if (command === "validate") {
    const { session } = await lucia.validateSession(argument);
    result = session === null ? { valid: false } : { valid: true, ...describe(session) };
  } else if (command === "cookies") {
    result = {
      session: lucia.createSessionCookie(argument).serialize(),
      blank: lucia.createBlankSessionCookie().serialize(),
    };
  } else {
    throw new Error(`unknown command ${command}`);
  }
  console.log(JSON.stringify(result));
} finally {
  await pool.end();
}
