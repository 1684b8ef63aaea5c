-- A Kakao user may decline to share an email address, and an unverified one is never stored:
-- such accounts have none. The unique index stays; PostgreSQL lets any number of NULLs through it.
ALTER TABLE "auth"."users" ALTER COLUMN "email" DROP NOT NULL;
