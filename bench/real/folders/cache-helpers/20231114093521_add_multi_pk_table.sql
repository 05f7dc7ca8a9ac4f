CREATE TABLE "multi_pk" (
  "id_1" integer,
  "id_2" integer,
  "name" text,
  PRIMARY KEY ("id_1", "id_2")
);



