-- Emails and notices speak the recipient's language. A user's language is stored (set at sign-up
-- and by the language switcher) so that mail sent by a worker, with no request to read it from,
-- still follows it.
ALTER TABLE "auth"."users" ADD COLUMN "locale" TEXT NOT NULL DEFAULT 'ko';
ALTER TABLE "auth"."users" ADD CONSTRAINT "users_locale_check" CHECK ("locale" IN ('ko', 'en'));

-- A notice keeps its facts instead of Korean-only wording, and is worded when read, in the
-- reader's current language. Notices stored before this carry no facts to word them from; they
-- date from the pre-release demo data, so they go.
DELETE FROM "common"."notifications";
ALTER TABLE "common"."notifications" DROP COLUMN "title";
ALTER TABLE "common"."notifications" DROP COLUMN "body";
ALTER TABLE "common"."notifications" ADD COLUMN "data" JSONB NOT NULL;
