CREATE TABLE "Weird ""Name"";" (id int);
CREATE TABLE money_tracker."Budgets" ("Amount" numeric);
CREATE INDEX "Idx" ON money_tracker."Budgets" ("Amount");
SELECT U&"d\0061t\+000061" FROM "Weird ""Name"";";
