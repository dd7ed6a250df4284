package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"

	"entgo.io/ent/dialect"
	entsql "entgo.io/ent/dialect/sql"
	"entgo.io/ent/dialect/sql/schema"

	"github.com/chidao/chidao/ent"

	"github.com/chidao/chidao/ent/migrate"
	"github.com/chidao/chidao/ent/organization"
	"github.com/chidao/chidao/internal/viewer"
)

// SchemaVersion is the version of the data model this binary writes. It
// grows whenever a release changes the schema; Migrate refuses a database
// written by a newer chidao rather than damage it.
//
//  1. the directive graph
//  2. accounts, tokens, saved queries, audit log; organisations' materialised
//     path (backfilled on upgrade)
const SchemaVersion = 2

// metaTable holds chidao's own bookkeeping (schema version), apart from
// the ent tables.
const metaTable = "chidao_meta"

// MigrateResult says what Migrate did.
type MigrateResult struct {
	From, To int // schema versions; From is 0 for a new database
}

// Migrate creates the schema in an empty database or upgrades one written
// by an earlier chidao. Upgrades only add: tables, columns and indexes are
// created, nothing is dropped, so every row is kept.
func (db *DB) Migrate(ctx context.Context) (MigrateResult, error) {
	ctx = viewer.NewContext(ctx, viewer.System())
	if _, err := db.SQL.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS `+metaTable+` (key VARCHAR(100) PRIMARY KEY, value TEXT NOT NULL)`); err != nil {
		return MigrateResult{}, fmt.Errorf("migrate %s: create %s: %w", db.Where, metaTable, err)
	}
	from, err := db.schemaVersion(ctx)
	if err != nil {
		return MigrateResult{}, err
	}
	if from > SchemaVersion {
		return MigrateResult{From: from, To: from}, fmt.Errorf(
			"database %s has schema version %d, written by a newer chidao; this binary knows versions up to %d: upgrade chidao",
			db.Where, from, SchemaVersion)
	}
	client, done, err := db.migrationClient(ctx)
	if err != nil {
		return MigrateResult{From: from}, err
	}
	defer done()
	err = client.Schema.Create(ctx,
		schema.WithDropColumn(false),
		schema.WithDropIndex(false),
		migrate.WithForeignKeys(true),
	)
	if err != nil {
		return MigrateResult{From: from}, fmt.Errorf("migrate %s from schema version %d: %w", db.Where, from, err)
	}
	if err := db.backfillPaths(ctx); err != nil {
		return MigrateResult{From: from}, err
	}
	if err := db.setSchemaVersion(ctx, SchemaVersion); err != nil {
		return MigrateResult{From: from}, err
	}
	return MigrateResult{From: from, To: SchemaVersion}, nil
}

// CheckSchema reports whether the database's schema is the one this binary
// writes, for readiness checks and for commands that must not migrate.
func (db *DB) CheckSchema(ctx context.Context) error {
	v, err := db.schemaVersion(ctx)
	if err != nil {
		return err
	}
	if v != SchemaVersion {
		return fmt.Errorf("database %s has schema version %d, want %d: run `chidao migrate`", db.Where, v, SchemaVersion)
	}
	return nil
}

func (db *DB) schemaVersion(ctx context.Context) (int, error) {
	var s string
	err := db.SQL.QueryRowContext(ctx, db.rebind(`SELECT value FROM `+metaTable+` WHERE key = ?`), "schema_version").Scan(&s)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return 0, nil
	case err != nil:
		return 0, fmt.Errorf("read schema version of %s: %w", db.Where, err)
	}
	v, err := strconv.Atoi(s)
	if err != nil {
		return 0, fmt.Errorf("database %s has an unreadable schema version %q", db.Where, s)
	}
	return v, nil
}

func (db *DB) setSchemaVersion(ctx context.Context, v int) error {
	q := db.rebind(`INSERT INTO ` + metaTable + ` (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`)
	if _, err := db.SQL.ExecContext(ctx, q, "schema_version", strconv.Itoa(v)); err != nil {
		return fmt.Errorf("record schema version of %s: %w", db.Where, err)
	}
	return nil
}

// rebind turns ? placeholders into $n for PostgreSQL.
func (db *DB) rebind(q string) string {
	if db.Dialect != "postgres" {
		return q
	}
	out := make([]byte, 0, len(q)+8)
	n := 0
	for i := 0; i < len(q); i++ {
		if q[i] == '?' {
			n++
			out = append(out, '$')
			out = strconv.AppendInt(out, int64(n), 10)
			continue
		}
		out = append(out, q[i])
	}
	return string(out)
}

// backfillPaths computes the materialised path of organisations that have
// none (rows written before version 2), in one transaction.
func (db *DB) backfillPaths(ctx context.Context) error {
	missing, err := db.Client.Organization.Query().
		Where(organization.Or(organization.PathIsNil(), organization.PathEQ(""))).
		Exist(ctx)
	if err != nil {
		return fmt.Errorf("check organisation paths: %w", err)
	}
	if !missing {
		return nil
	}
	orgs, err := db.Client.Organization.Query().
		Select(organization.FieldID, organization.FieldParentID).All(ctx)
	if err != nil {
		return fmt.Errorf("load organisation tree: %w", err)
	}
	parent := make(map[int]*int, len(orgs))
	for _, o := range orgs {
		parent[o.ID] = o.ParentID
	}
	paths := make(map[int]string, len(orgs))
	var pathOf func(id int, depth int) (string, error)
	pathOf = func(id int, depth int) (string, error) {
		if p, ok := paths[id]; ok {
			return p, nil
		}
		if depth > len(orgs) {
			return "", fmt.Errorf("organisation %d is in a cycle of parents", id)
		}
		prefix := "/"
		if pid := parent[id]; pid != nil {
			pp, err := pathOf(*pid, depth+1)
			if err != nil {
				return "", err
			}
			prefix = pp
		}
		paths[id] = prefix + strconv.Itoa(id) + "/"
		return paths[id], nil
	}
	// Plain SQL: a backfill is not a change anyone made, so it keeps
	// updated_at and writes no audit records.
	tx, err := db.SQL.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("backfill paths: %w", err)
	}
	q := db.rebind(`UPDATE organizations SET path = ? WHERE id = ?`)
	for _, o := range orgs {
		p, err := pathOf(o.ID, 0)
		if err != nil {
			_ = tx.Rollback()
			return err
		}
		if _, err := tx.ExecContext(ctx, q, p, o.ID); err != nil {
			_ = tx.Rollback()
			return fmt.Errorf("backfill path of organisation %d: %w", o.ID, err)
		}
	}
	return tx.Commit()
}

// migrationClient is the client schema changes run on: on PostgreSQL a
// separate connection without the statement timeout, so building an index
// on a large table is not cancelled half-way.
func (db *DB) migrationClient(ctx context.Context) (*ent.Client, func(), error) {
	if db.Dialect != dialect.Postgres || db.dsn == "" {
		return db.Client, func() {}, nil
	}
	sqldb, err := sql.Open("postgres", pgURL(db.dsn, -1, db.opts.ConnectTimeout))
	if err != nil {
		return nil, nil, fmt.Errorf("migrate %s: %w", db.Where, err)
	}
	sqldb.SetMaxOpenConns(2)
	c := ent.NewClient(ent.Driver(entsql.OpenDB(dialect.Postgres, sqldb)))
	return c, func() { _ = c.Close() }, nil
}
