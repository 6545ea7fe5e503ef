-- 数据质量 at publishing (issue #17): a publication made with the checks says so, so that its 通报
-- can tell "no flags" (checked, nothing implausible) from "not checked" (published before the checks
-- existed). Publications made before this migration keep false; every new one is written with true.
-- (Adding a column fires no row trigger: the publication's immutability is untouched.)
ALTER TABLE "PeriodPublication" ADD COLUMN "qualityChecked" BOOLEAN NOT NULL DEFAULT false;
