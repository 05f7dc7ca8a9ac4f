#!/usr/bin/env python3
"""Reads a pg_dump schema file (as supabase/postgres publishes migrations/schema-15.sql and schema-17.sql: the image's
database after its init scripts and migrations) and prints the manifest lines it can derive, in the format of
tests/CiMigrate.Tests/Shadow/SupabaseManifest/supabase-<major>.txt, for the schemas the database image owns.

With --check MANIFEST it compares instead and exits 1 on a difference, so a checked-in list is checked against the
major's own published dump:
  - every line the dump gives must be in the manifest (for a table, the same columns; for a function, the same result);
  - every manifest line of an image-only schema (--image-schemas) must be in the dump, for the kinds a dump carries.
Supabase publishes its dumps without owners and privileges (`Owner: -`), and pg_dump never writes roles into a
database dump, so roles, memberships, grants and default privileges are not compared; a dump that has GRANT or
ALTER DEFAULT PRIVILEGES statements is reported as such. Objects of an extension are the extension's: a dump lists the
extension only, as the manifest does.

Usage: build/supabase-dump-manifest.py SCHEMA_DUMP.sql [--check supabase-17.txt] [--image-schemas a,b] [--schemas a,b]
No network and no server: python3 only.
"""
import argparse
import re
import sys

# The schemas the image creates and nothing else writes to: the check runs both ways there.
IMAGE_SCHEMAS = ("extensions", "graphql", "graphql_public", "pgbouncer", "vault", "pgsodium", "net", "supabase_functions")
# Schemas the image creates that a server fills later (Realtime, GoTrue, Storage migrate them when they start): the
# image's part is only the schema itself, and the dump's auth and storage tables are the init scripts' first versions.
SERVER_SCHEMAS = ("realtime",)
# What a dump cannot say: pg_dump writes no roles, and Supabase's dumps carry no privileges.
UNDUMPED_KINDS = ("role", "member", "grant", "default privileges")

IDENTIFIER = r'(?:"(?:[^"]|"")+"|[A-Za-z_][A-Za-z0-9_$]*)'
QUALIFIED = rf"(?P<schema>{IDENTIFIER})\.(?P<name>{IDENTIFIER})"


def statements(text):
    """The dump's statements, without comments, split on semicolons outside quotes and dollar-quoted bodies."""
    current, i, quote = [], 0, None
    while i < len(text):
        if quote:
            end = text.find(quote, i)
            if end < 0:
                raise ValueError("unterminated quote " + quote)
            current.append(text[i:end + len(quote)])
            i, quote = end + len(quote), None
            continue
        char = text[i]
        if text.startswith("--", i):
            end = text.find("\n", i)
            i = len(text) if end < 0 else end + 1
            continue
        dollar = re.match(r"\$[A-Za-z_0-9]*\$", text[i:])
        if dollar:
            quote = dollar.group(0)
            current.append(quote)
            i += len(quote)
            continue
        if char in "'\"":
            quote = char
            current.append(char)
            i += 1
            continue
        if char == ";":
            statement = " ".join("".join(current).split())
            if statement:
                yield statement
            current, i = [], i + 1
            continue
        current.append(char)
        i += 1


def unquote(identifier):
    return identifier[1:-1].replace('""', '"') if identifier.startswith('"') else identifier


def scan(text, start=0):
    """Yields (index, character, depth) for each character outside quotes from start on, depth counted after it."""
    depth, quote = 0, None
    for i in range(start, len(text)):
        char = text[i]
        if quote:
            quote = None if char == quote else quote
            continue
        if char in "'\"":
            quote = char
            continue
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        yield i, char, depth


def split_top_level(text, separator=","):
    """Splits on separators outside parentheses and quotes."""
    parts, start = [], 0
    for i, char, depth in scan(text):
        if char == separator and depth == 0:
            parts.append(text[start:i].strip())
            start = i + 1
    parts.append(text[start:].strip())
    return [part for part in parts if part]


def closing_parenthesis(text, opening):
    for i, char, depth in scan(text, opening):
        if char == ")" and depth == 0:
            return i
    raise ValueError("unbalanced parentheses in: " + text[:120])


class Dump:
    """The facts of one dump: its objects, keyed as the manifest keys them (kind, schema, name) with their detail."""

    def __init__(self):
        self.lines = {}
        self.tables = {}  # (schema, table) -> [[name, type, not null, default or generated expression, identity]]
        self.partitioned = set()
        self.privileges = []

    def add(self, kind, schema, name, detail=""):
        self.lines[(kind, schema, name)] = detail

    def read(self, statement):
        upper = statement.upper()
        match = re.match(rf"CREATE SCHEMA (?:IF NOT EXISTS )?(?P<name>{IDENTIFIER})", statement, re.I)
        if match:
            return self.add("schema", unquote(match.group("name")), "")
        match = re.match(rf"CREATE EXTENSION (?:IF NOT EXISTS )?(?P<name>{IDENTIFIER})(?: WITH)?(?: SCHEMA (?P<schema>{IDENTIFIER}))?", statement, re.I)
        if match:
            return self.add("extension", unquote(match.group("schema") or "public"), unquote(match.group("name")))
        match = re.match(rf"CREATE (?:OR REPLACE )?(?P<kind>FUNCTION|PROCEDURE) {QUALIFIED}\(", statement, re.I)
        if match:
            return self.function(statement, match)
        match = re.match(rf"CREATE (?:UNLOGGED )?TABLE {QUALIFIED} \(", statement, re.I)
        if match:
            return self.table(statement, match)
        match = re.match(rf"CREATE SEQUENCE {QUALIFIED}", statement, re.I)
        if match:
            return self.add("sequence", unquote(match.group("schema")), unquote(match.group("name")))
        match = re.match(rf"ALTER TABLE (?:ONLY )?{QUALIFIED} ALTER COLUMN (?P<column>{IDENTIFIER}) SET DEFAULT (?P<default>.*)$", statement, re.I)
        if match:
            return self.column(match, lambda column: column.__setitem__(3, " default " + match.group("default")))
        match = re.match(rf"ALTER TABLE (?:ONLY )?{QUALIFIED} ALTER COLUMN (?P<column>{IDENTIFIER}) ADD GENERATED ", statement, re.I)
        if match:
            return self.column(match, lambda column: column.__setitem__(4, True))
        match = re.match(rf"ALTER TABLE (?:ONLY )?{QUALIFIED} ADD CONSTRAINT (?P<constraint>{IDENTIFIER}) (?P<definition>.*)$", statement, re.I)
        if match:
            return self.constraint(match)
        match = re.match(rf"CREATE (?P<unique>UNIQUE )?INDEX (?P<index>{IDENTIFIER}) ON (?:ONLY )?(?P<schema>{IDENTIFIER})\.", statement, re.I)
        if match:
            return self.add("index", unquote(match.group("schema")), unquote(match.group("index")), statement)
        match = re.match(rf"CREATE TYPE {QUALIFIED} AS ENUM \((?P<labels>.*)\)$", statement, re.I)
        if match:
            return self.add("type", unquote(match.group("schema")), unquote(match.group("name")), match.group("labels").strip())
        match = re.match(rf"CREATE (?:OR REPLACE )?(?P<kind>VIEW|MATERIALIZED VIEW) {QUALIFIED}", statement, re.I)
        if match:
            # A view's columns come from its query, which a dump does not resolve: the identity is compared, not the detail.
            return self.add(match.group("kind").lower(), unquote(match.group("schema")), unquote(match.group("name")), None)
        match = re.match(rf"CREATE PUBLICATION (?P<name>{IDENTIFIER})(?P<all> FOR ALL TABLES)?", statement, re.I)
        if match:
            return self.add("publication", "", unquote(match.group("name")), "all tables" if match.group("all") else "")
        match = re.match(rf"CREATE EVENT TRIGGER (?P<trigger>{IDENTIFIER}) ON (?P<event>\w+) .*EXECUTE (?:FUNCTION|PROCEDURE) {QUALIFIED}\(\)$", statement, re.I)
        if match:
            function = f"{unquote(match.group('schema'))}.{unquote(match.group('name'))}"
            return self.add("event trigger", "", unquote(match.group("trigger")), f"{match.group('event')} {function}")
        match = re.match(rf"CREATE (?:CONSTRAINT )?TRIGGER (?P<trigger>{IDENTIFIER}) .* ON {QUALIFIED} .*EXECUTE (?:FUNCTION|PROCEDURE) (?P<fschema>{IDENTIFIER})\.(?P<fname>{IDENTIFIER})\(", statement, re.I)
        if match:
            return self.add("trigger", unquote(match.group("schema")), f"{unquote(match.group('name'))}.{unquote(match.group('trigger'))}",
                            f"{unquote(match.group('fschema'))}.{unquote(match.group('fname'))}")
        if upper.startswith(("GRANT ", "REVOKE ", "ALTER DEFAULT PRIVILEGES")):
            self.privileges.append(statement)

    def function(self, statement, match):
        opening = match.end() - 1
        closing = closing_parenthesis(statement, opening)
        # The manifest's signature is pg_get_function_identity_arguments: the arguments without their defaults.
        arguments = [re.split(r"\s+(?:DEFAULT|=)\s+", argument, maxsplit=1, flags=re.I)[0]
                     for argument in split_top_level(statement[opening + 1:closing])]
        result = re.match(r"\s*RETURNS (.*?)(?= LANGUAGE | AS | IMMUTABLE| STABLE| VOLATILE| SECURITY| STRICT| SET |$)",
                          statement[closing + 1:], re.I)
        kind = match.group("kind").lower()
        self.add(kind, unquote(match.group("schema")), f"{unquote(match.group('name'))}({', '.join(arguments)})",
                 result.group(1).strip() if result else "")

    def table(self, statement, match):
        opening = match.end() - 1
        columns = []
        for element in split_top_level(statement[opening + 1:closing_parenthesis(statement, opening)]):
            if re.match(r"(CONSTRAINT|PRIMARY KEY|UNIQUE|CHECK|FOREIGN KEY|EXCLUDE)\b", element, re.I):
                continue
            column = re.match(rf"(?P<name>{IDENTIFIER}) (?P<rest>.*)$", element)
            rest = column.group("rest")
            default = re.search(r" DEFAULT (.*?)(?= NOT NULL$| NULL$|$)", " " + rest)
            # pg_get_expr, as the manifest prints it, has no parentheses around the whole generation expression.
            generated = re.search(r" GENERATED ALWAYS AS \((.*)\) STORED", " " + rest)
            value = f" default {default.group(1)}" if default else f" generated {generated.group(1)}" if generated else ""
            not_null = rest.upper().endswith("NOT NULL")
            type_text = re.split(r" (?:DEFAULT|NOT NULL|NULL|COLLATE|GENERATED)\b", " " + rest, maxsplit=1)[0].strip()
            columns.append([column.group("name"), type_text, not_null, value, False])
        key = (unquote(match.group("schema")), unquote(match.group("name")))
        self.tables[key] = columns
        if re.search(r"\) PARTITION BY \w+ \(", statement[closing_parenthesis(statement, opening):], re.I):
            self.partitioned.add(key)

    def column(self, match, change):
        for column in self.tables.get((unquote(match.group("schema")), unquote(match.group("name"))), []):
            if column[0] == match.group("column"):
                change(column)

    def constraint(self, match):
        schema, table = unquote(match.group("schema")), unquote(match.group("name"))
        name, definition = unquote(match.group("constraint")), match.group("definition")
        self.add("constraint", schema, f"{table}.{name}", definition)
        key = re.match(r"(PRIMARY KEY|UNIQUE) (\(.*\))$", definition)
        if key:
            # A key constraint has an index of its name, which the manifest lists as pg_get_indexdef writes it.
            only = "ONLY " if (schema, table) in self.partitioned else ""
            self.add("index", schema, name,
                     f"CREATE UNIQUE INDEX {match.group('constraint')} ON {only}{match.group('schema')}.{match.group('name')} USING btree {key.group(2)}")

    def manifest(self):
        lines = dict(self.lines)
        for (schema, table), columns in self.tables.items():
            lines[("table", schema, table)] = ", ".join(
                f"{name} {type_text}" + (" not null" if not_null else "") + value + (" identity" if identity else "")
                for name, type_text, not_null, value, identity in columns)
        return lines


def parse(path):
    dump = Dump()
    with open(path, encoding="utf-8") as file:
        for statement in statements(file.read()):
            dump.read(statement)
    return dump


def line(key, detail):
    return "\t".join((*key, detail or ""))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dump")
    parser.add_argument("--check", metavar="MANIFEST", help="compare with this manifest instead of printing; exit 1 on a difference")
    parser.add_argument("--image-schemas", default=",".join(IMAGE_SCHEMAS),
                        help="schemas only the image writes: compared both ways")
    parser.add_argument("--schemas", default=",".join(SERVER_SCHEMAS),
                        help="other schemas whose dumped objects must be in the manifest (the manifest may have more)")
    options = parser.parse_args()
    image_schemas = set(filter(None, options.image_schemas.split(",")))
    schemas = image_schemas | set(filter(None, options.schemas.split(",")))
    dump = parse(options.dump)

    # Cluster- and database-wide objects have no schema; a schema's own line names it in the schema column.
    derived = {key: detail for key, detail in dump.manifest().items() if key[1] in schemas or key[1] == ""}
    if not options.check:
        for text in sorted((line(key, detail) for key, detail in derived.items()), key=lambda text: text.encode()):
            print(text)
        return 0

    manifest = {}
    with open(options.check, encoding="utf-8") as file:
        for text in filter(None, file.read().splitlines()):
            kind, schema, name, detail = text.split("\t")
            manifest[(kind, schema, name)] = detail
    differences = []
    for key, detail in sorted(derived.items()):
        if key not in manifest:
            differences.append(f"in the dump, not in {options.check}: {line(key, detail)}")
        elif detail is not None and manifest[key] != detail:
            differences.append(f"differs: {line(key, '')}\n  dump:     {detail}\n  manifest: {manifest[key]}")
    listed_tables = {(schema, name) for kind, schema, name in manifest if kind == "table"}
    for key, detail in sorted(manifest.items()):
        if key[1] not in image_schemas or key[0] in UNDUMPED_KINDS or key in derived:
            continue
        # The manifest lists the indexes of an extension's table (the index itself is no member of the extension);
        # pg_dump leaves the whole table to CREATE EXTENSION.
        indexed = re.search(rf" ON (?:ONLY )?{QUALIFIED} USING ", detail) if key[0] == "index" else None
        if indexed and (unquote(indexed.group("schema")), unquote(indexed.group("name"))) not in listed_tables:
            continue
        differences.append(f"in {options.check}, not in the dump: {line(key, detail)}")
    for statement in dump.privileges:
        differences.append(f"not compared (privileges): {statement}")
    for difference in differences:
        print(difference)
    print(f"{len(derived)} dumped identities in {', '.join(sorted(schemas))} and global; {len(differences)} differences",
          file=sys.stderr)
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main())
