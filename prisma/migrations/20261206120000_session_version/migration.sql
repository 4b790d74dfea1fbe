-- Sessions are stateless JWTs (next-auth); each carries the user's session version at sign-in. Bumping
-- the version (sign out everywhere, password change or reset, disabling) ends every earlier session on
-- its next request, because the actor is loaded with the version in the same statement.

-- AlterTable
ALTER TABLE "app_user" ADD COLUMN "session_version" INTEGER NOT NULL DEFAULT 0;
