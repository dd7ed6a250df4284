// Package testdb gives tests real databases: a fresh in-memory SQLite per
// test, and a fresh PostgreSQL database per test (created and dropped on
// the server at CHIDAO_TEST_POSTGRES, default the local one), so that the
// same test functions run on both and runs never collide.
package testdb

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"net/url"
	"os"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chidao/chidao/internal/store"
)

// DefaultPostgres is the server tests use when CHIDAO_TEST_POSTGRES is unset.
const DefaultPostgres = "postgres://postgres@127.0.0.1:5432/test?sslmode=disable"

// Options of a test database.
type Options struct {
	Counter   *atomic.Int64 // counts SQL statements, see store.Options
	NoMigrate bool          // leave the database empty
}

// Each runs fn once on SQLite and once on PostgreSQL, as subtests named
// "sqlite" and "postgres". PostgreSQL is skipped when unreachable, unless
// CHIDAO_TEST_POSTGRES_REQUIRED=1 (CI sets it), and when
// CHIDAO_TEST_POSTGRES=off.
func Each(t *testing.T, fn func(t *testing.T, dsn string)) {
	t.Helper()
	t.Run("sqlite", func(t *testing.T) { fn(t, SQLiteDSN(t)) })
	t.Run("postgres", func(t *testing.T) { fn(t, PostgresDSN(t)) })
}

// Open opens and (unless opts.NoMigrate) migrates a database at dsn and
// closes it when the test ends.
func Open(t testing.TB, dsn string, opts Options) *store.DB {
	t.Helper()
	db, err := store.Open(context.Background(), dsn, store.Options{Counter: opts.Counter})
	if err != nil {
		t.Fatalf("open test database: %v", err)
	}
	t.Cleanup(func() { _ = db.Close() })
	if !opts.NoMigrate {
		if _, err := db.Migrate(context.Background()); err != nil {
			t.Fatalf("migrate test database: %v", err)
		}
	}
	return db
}

// SQLiteDSN returns the DSN of a fresh in-memory SQLite database, private to
// the test and shared by its connections.
func SQLiteDSN(t testing.TB) string {
	return "file:" + randomName("t") + "?mode=memory&cache=shared"
}

// PostgresDSN creates a fresh PostgreSQL database for the test, drops it when
// the test ends, and returns its URL.
func PostgresDSN(t testing.TB) string {
	t.Helper()
	base := os.Getenv("CHIDAO_TEST_POSTGRES")
	if base == "off" {
		t.Skip("PostgreSQL tests turned off (CHIDAO_TEST_POSTGRES=off)")
	}
	if base == "" {
		base = DefaultPostgres
	}
	admin, err := sql.Open("postgres", base)
	if err == nil {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		err = admin.PingContext(ctx)
		cancel()
	}
	if err != nil {
		if os.Getenv("CHIDAO_TEST_POSTGRES_REQUIRED") == "1" {
			t.Fatalf("PostgreSQL is required but unreachable at %s: %v", store.Redact(base), err)
		}
		t.Skipf("PostgreSQL unreachable at %s (%v); set CHIDAO_TEST_POSTGRES_REQUIRED=1 to fail instead", store.Redact(base), err)
	}
	name := randomName("chidao_t_")
	if _, err := admin.Exec(`CREATE DATABASE ` + name); err != nil {
		_ = admin.Close()
		t.Fatalf("create test database: %v", err)
	}
	t.Cleanup(func() {
		defer func() { _ = admin.Close() }()
		if _, err := admin.Exec(`DROP DATABASE IF EXISTS ` + name + ` WITH (FORCE)`); err != nil {
			t.Errorf("drop test database %s: %v", name, err)
		}
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatalf("parse CHIDAO_TEST_POSTGRES: %v", err)
	}
	u.Path = "/" + name
	return u.String()
}

func randomName(prefix string) string {
	var b [8]byte
	if _, err := rand.Read(b[:]); err != nil {
		panic(fmt.Sprintf("random: %v", err))
	}
	return prefix + hex.EncodeToString(b[:])
}
