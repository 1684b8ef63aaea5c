-- Every time of a performance is shown and typed on its venue's wall clock; overseas tours need
-- zones other than Seoul's. Existing venues are all in Korea.
ALTER TABLE "ticket"."venues" ADD COLUMN "time_zone" TEXT NOT NULL DEFAULT 'Asia/Seoul';
